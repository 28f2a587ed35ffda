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

    /// The payload an `appraisal` event carries.
    public static func payload(
        period: EvaluationPeriod, participant: ParticipantRef, item: String, met: Bool?, points: Double?,
        evidence: String?, old: Assessment?, reason: String
    ) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init(key: "period", value: .string(period.description)),
            .init(key: "participant", value: .string(participant.description)),
            .init(key: "item", value: .string(item)),
        ]
        if let met { members.append(.init(key: "met", value: .bool(met))) }
        if let points { members.append(.init(key: "points", value: .number(points))) }
        if let evidence { members.append(.init(key: "evidence", value: .string(evidence))) }
        if let oldMet = old?.met { members.append(.init(key: "oldMet", value: .bool(oldMet))) }
        if let oldPoints = old?.points { members.append(.init(key: "oldPoints", value: .number(oldPoints))) }
        members.append(.init(key: "reason", value: .string(reason)))
        return .object(members)
    }

    /// Reads an `appraisal` event; nil when its payload is not one.
    init?(event: JournalEvent) {
        let p = event.payload
        guard let period = p["period"]?.string.flatMap(EvaluationPeriod.init(parsing:)),
            let participant = p["participant"]?.string.flatMap(ParticipantRef.init(parsing:)),
            let item = p["item"]?.string, let reason = p["reason"]?.string
        else { return nil }
        seq = event.seq
        self.period = period
        self.participant = participant
        self.item = item
        met = p["met"]?.bool
        points = p["points"]?.number
        evidence = p["evidence"]?.string
        oldMet = p["oldMet"]?.bool
        oldPoints = p["oldPoints"]?.number
        self.reason = reason
        actor = event.actor
    }
}
