import ThiDuaBase

/// One self-assessed item of a participant in a period, as the appraiser sees it: what was sent,
/// and whether (and how) it was appraised already.
public struct AppraisalItem: Sendable, Equatable {
    public var participant: ParticipantRef
    /// The unit's or person's name in the roster.
    public var participantName: String
    /// The criterion or attested-check id, as `appraise` takes it.
    public var item: String
    /// The plan's sentence for a criterion, else the id.
    public var itemTitle: String
    /// The assessment as it stands (appraised values replace the self-assessed ones).
    public var assessment: Assessment
    /// The most points the item gives, when it is scored.
    public var maxPoints: Double?

    /// Whether an appraiser has changed or confirmed it already.
    public var appraised: Bool { assessment.appraisedBy != nil }
}
