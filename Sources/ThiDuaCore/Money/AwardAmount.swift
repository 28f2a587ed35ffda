import ThiDuaBase

/// The money one award pays on one decision date, with every figure that produced it.
///
/// `exact` is factor × multiple × base salary (whole đồng, rounded up when a multiple leaves a
/// fraction); `rounded` is `exact` rounded up to the next 10.000 đồng (ND 98/2023 Điều 53; the
/// same rule applied before). For a collective the factor is applied before rounding, as in
/// thuvienphapluat.vn's example: 2 × 0,15 × 1.490.000 = 447.000 → 450.000 đồng.
public struct AwardAmount: Hashable, Sendable, Codable {
    /// Form key: "giay-khen-chu-tich-xa".
    public var form: String
    /// Whether the recipient is a collective (tập thể).
    public var collective: Bool
    /// The decree in force on the decision date.
    public var decree: RewardDecree
    /// The base salary row in force on the decision date.
    public var baseSalary: BaseSalary
    /// The multiple the decree gives the form.
    public var multiple: Multiple
    /// The factor applied: the decree's collective factor for a collective, otherwise 1
    /// (also 1 for a collective-only form, whose multiple already is the collective's).
    public var collectiveFactor: Int
    /// factor × multiple × base, in whole đồng.
    public var exact: Int
    /// `exact` rounded up to the next 10.000 đồng: what is paid.
    public var rounded: Int
    /// `rounded` in words: "Bảy trăm mười nghìn đồng".
    public var words: String

    public init(
        form: String, collective: Bool, decree: RewardDecree, baseSalary: BaseSalary, multiple: Multiple,
        collectiveFactor: Int, exact: Int, rounded: Int, words: String
    ) {
        self.form = form
        self.collective = collective
        self.decree = decree
        self.baseSalary = baseSalary
        self.multiple = multiple
        self.collectiveFactor = collectiveFactor
        self.exact = exact
        self.rounded = rounded
        self.words = words
    }

    /// The step awards are rounded up to.
    public static let roundingStep = 10_000

    /// An amount rounded up to the next multiple of `step` (an exact multiple stays), or nil
    /// when that does not fit in an `Int` or `step` is not positive.
    public static func roundedUp(_ amount: Int, step: Int = roundingStep) -> Int? {
        guard step > 0 else { return nil }
        // Truncating division already rounds a negative amount up.
        let quotient = amount / step + (amount % step > 0 ? 1 : 0)
        let (result, overflow) = quotient.multipliedReportingOverflow(by: step)
        return overflow ? nil : result
    }
}
