import ThiDuaBase

/// An appraiser's change to a participant's self-assessment of one item: the new values and
/// the reason, with the old values for the record. Never a rewrite of the submission.
public struct AppraisalRecord: Sendable, Equatable {
    public var seq: Int
    public var period: EvaluationPeriod
    public var participant: ParticipantRef
    /// The criterion or attested-check id.
    public var item: String
    public var met: Bool?
    public var points: Double?
    public var evidence: String?
    public var oldMet: Bool?
    public var oldPoints: Double?
    public var reason: String
    public var actor: String

    /// Every field as given (a state checkpoint being read).
    init(
        seq: Int, period: EvaluationPeriod, participant: ParticipantRef, item: String, met: Bool?, points: Double?, evidence: String?,
        oldMet: Bool?, oldPoints: Double?, reason: String, actor: String
    ) {
        self.seq = seq
        self.period = period
        self.participant = participant
        self.item = item
        self.met = met
        self.points = points
        self.evidence = evidence
        self.oldMet = oldMet
        self.oldPoints = oldPoints
        self.reason = reason
        self.actor = actor
    }

    /// Reads an `appraisal` event's payload.
    init(seq: Int, payload p: AppraisalPayload, actor: String) {
        self.seq = seq
        period = p.period
        participant = p.participant
        item = p.item
        met = p.met
        points = p.points
        evidence = p.evidence
        oldMet = p.oldMet
        oldPoints = p.oldPoints
        reason = p.reason
        self.actor = actor
    }
}
