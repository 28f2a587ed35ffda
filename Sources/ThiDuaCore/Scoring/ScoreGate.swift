import ThiDuaBase

/// A yes/no item: its maximum when the condition holds, else 0. Without a rule the participant
/// answers it on the self-assessment form (yes/no), and the appraiser may change the answer.
public struct ScoreGate: Hashable, Sendable, Codable {
    public var rule: Rule?

    public init(rule: Rule? = nil) { self.rule = rule }
}
