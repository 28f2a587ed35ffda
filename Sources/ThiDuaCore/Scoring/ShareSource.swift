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

    /// Reads the three keys an item carries inline (`{"indicator": …}` or `{"numerator": …,
    /// "denominator": …}`), beside the item's own keys.
    init<K: CodingKey>(from c: KeyedDecodingContainer<K>, indicator: K, numerator: K, denominator: K) throws {
        self.init(
            indicator: try c.decodeIfPresent(String.self, forKey: indicator),
            numerator: try c.decodeIfPresent(String.self, forKey: numerator),
            denominator: try c.decodeIfPresent(String.self, forKey: denominator))
    }

    /// Writes the keys back inline.
    func encode<K: CodingKey>(into c: inout KeyedEncodingContainer<K>, indicator: K, numerator: K, denominator: K) throws {
        try c.encodeIfPresent(self.indicator, forKey: indicator)
        try c.encodeIfPresent(self.numerator, forKey: numerator)
        try c.encodeIfPresent(self.denominator, forKey: denominator)
    }
}
