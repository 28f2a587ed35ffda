import ThiDuaBase

/// The kind of area a commune lies in, which sets its fund ceiling (ND 152/2025 Điều 46.3.b).
public enum FundRegion: String, CaseIterable, Sendable, Codable {
    /// Đồng bằng, đô thị: at most 1,0% of recurrent spending.
    case lowland = "dong-bang"
    /// Miền núi, trung du, Tây Nguyên, vùng sâu, vùng xa, hải đảo: at most 1,5%.
    case highland = "mien-nui"

    /// The ceiling in thousandths of recurrent spending: 10 (1,0%) or 15 (1,5%).
    public var ceilingPerMille: Int {
        switch self {
        case .lowland: return 10
        case .highland: return 15
        }
    }

    /// Vietnamese name of the kind of area.
    public var vietnamese: String {
        switch self {
        case .lowland: return "đồng bằng, đô thị"
        case .highland: return "miền núi, trung du, Tây Nguyên, vùng sâu, vùng xa, hải đảo"
        }
    }
}

extension FundRegion: KeywordEnum {}

/// How a total compares with a fund.
public enum FundCheck: Hashable, Sendable, Codable {
    /// The total fits; `remaining` đồng are left.
    case within(remaining: Int)
    /// The total is `by` đồng more than the fund.
    case over(by: Int)
}

/// The ceiling of a commune's emulation and commendation fund (quỹ thi đua, khen thưởng).
///
/// ND 152/2025 Điều 46.3.b (same levels in ND 98/2023): at most 1,0% (lowland, cities) or 1,5%
/// (mountains, midlands, Central Highlands, remote areas, islands) of the commune's recurrent
/// budget spending. The limit is rounded down, because it is a maximum.
public struct WardFund: Hashable, Sendable, Codable {
    /// Recurrent budget spending of the year (chi thường xuyên), in đồng.
    public var recurrentSpending: Int
    public var region: FundRegion
    /// The most the fund may hold, in đồng.
    public var limit: Int

    /// Computes the limit; throws when spending is negative or too large to multiply.
    public init(recurrentSpending: Int, region: FundRegion) throws(MoneyError) {
        guard recurrentSpending >= 0 else {
            throw .negative(what: "chi thường xuyên", value: recurrentSpending)
        }
        let (scaled, overflow) = recurrentSpending.multipliedReportingOverflow(by: region.ceilingPerMille)
        guard !overflow else { throw .overflow(what: "mức trích quỹ thi đua, khen thưởng") }
        self.recurrentSpending = recurrentSpending
        self.region = region
        self.limit = scaled / 1000
    }

    /// Whether `total` fits in this fund's limit.
    public func check(total: Int) throws(MoneyError) -> FundCheck {
        try Self.check(total: total, against: limit)
    }

    /// Whether `total` (awards granted, đồng) fits in `fund` đồng, and by how much.
    public static func check(total: Int, against fund: Int) throws(MoneyError) -> FundCheck {
        guard total >= 0 else { throw .negative(what: "tổng số tiền", value: total) }
        guard fund >= 0 else { throw .negative(what: "quỹ", value: fund) }
        // Both are non-negative, so the difference cannot overflow.
        return total <= fund ? .within(remaining: fund - total) : .over(by: total - fund)
    }
}
