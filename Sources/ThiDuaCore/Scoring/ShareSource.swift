import ThiDuaBase

/// Where a formula or graded item reads its share: one percent indicator, or a numerator and a
/// denominator (counts) giving numerator ÷ denominator × 100.
public struct ShareSource: Hashable, Sendable, Codable {
    public var indicator: String?
    public var numerator: String?
    public var denominator: String?

    public init(indicator: String? = nil, numerator: String? = nil, denominator: String? = nil) {
        self.indicator = indicator
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The indicator ids it reads.
    public var indicators: [String] { [indicator, numerator, denominator].compactMap { $0 } }
}
