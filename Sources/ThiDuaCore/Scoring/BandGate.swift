import ThiDuaBase

/// A condition a band requires; when it fails the rating is capped at `otherwise`.
///
/// One condition per gate: `noZeroItem` (no scored item at 0 points), `item` (a yes/no item of
/// the table answered yes), or `rule` (any rule of the plan).
public struct BandGate: Hashable, Sendable, Codable {
    /// The plan's words: "Không có tiêu chí nào bị 0 điểm".
    public var text: String
    public var noZeroItem: Bool?
    public var item: String?
    public var rule: Rule?
    /// The band the rating is capped at when the gate fails; nil: no band ("không xếp loại").
    public var otherwise: String?

    public init(text: String, noZeroItem: Bool? = nil, item: String? = nil, rule: Rule? = nil, otherwise: String? = nil) {
        self.text = text
        self.noZeroItem = noZeroItem
        self.item = item
        self.rule = rule
        self.otherwise = otherwise
    }
}
