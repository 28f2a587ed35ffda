import ThiDuaBase

/// How awards are paid (mức khen thưởng, nguồn kinh phí).
public struct Funding: Hashable, Sendable, Codable {
    /// Fund key: "quy-thi-dua-khen-thuong".
    public var source: String
    /// The decree the plan names for the amounts, when it names one ("91/2017/NĐ-CP").
    public var decree: String?
    /// The plan's sentences.
    public var text: [String]

    public init(source: String, decree: String? = nil, text: [String]) {
        self.source = source
        self.decree = decree
        self.text = text
    }
}
