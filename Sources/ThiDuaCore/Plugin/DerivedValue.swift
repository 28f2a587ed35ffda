import ThiDuaBase

/// An indicator value a type computes from the campaign's state.
public struct DerivedValue: Sendable, Hashable {
    /// A plan indicator id, or a catalogue indicator id (every plan indicator selecting it gets the value).
    public var indicator: String
    /// Whose value it is; nil for the whole campaign.
    public var participant: ParticipantRef?
    public var period: EvaluationPeriod
    public var value: Double
    /// The latest journal line it was computed from (0 when none).
    public var seq: Int

    public init(indicator: String, participant: ParticipantRef?, period: EvaluationPeriod, value: Double, seq: Int = 0) {
        self.indicator = indicator
        self.participant = participant
        self.period = period
        self.value = value
        self.seq = seq
    }
}
