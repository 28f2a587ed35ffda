import ThiDuaBase

/// The base salary table and the reward decrees, as data with effective dates.
///
/// An award's money is multiple × the base salary in force on the **decision date**, rounded up
/// to the next 10.000 đồng; `amount(form:collective:on:)` computes it in integers. The tables
/// are an immutable value: `standard` holds the known rows, and a workspace's
/// `tables/money.json` may add rows (see `loading(overrideAt:)` and docs/money.md).
public struct MoneyTables: Hashable, Sendable, Codable {
    /// Base salary rows, oldest first.
    public private(set) var baseSalaries: [BaseSalary]
    /// Reward decrees, oldest first.
    public private(set) var decrees: [RewardDecree]

    /// Builds tables; rows are put in date order.
    public init(baseSalaries: [BaseSalary], decrees: [RewardDecree]) {
        self.baseSalaries = baseSalaries.sorted { $0.from < $1.from }
        self.decrees = decrees.sorted { $0.from < $1.from }
    }

    /// The base salary row in force on a day: the latest that starts on or before it.
    public func baseSalary(on date: CivilDate) -> BaseSalary? {
        baseSalaries.last { $0.from <= date }
    }

    /// The reward decree in force on a day.
    public func decree(on date: CivilDate) -> RewardDecree? {
        decrees.first { $0.isInForce(on: date) }
    }

    /// The decree with that number ("98/2023/NĐ-CP").
    public func decree(id: String) -> RewardDecree? {
        decrees.first { $0.id == id }
    }

    /// The money an award form pays a recipient, for a decision signed on `date`.
    ///
    /// A collective receives the decree's collective factor times the individual amount, and the
    /// product is rounded up once, after the doubling (thuvienphapluat.vn: a collective's Giấy
    /// khen under ND 91/2017 at 1.490.000 is 0,3 × 1.490.000 = 447.000 → 450.000 đồng). A
    /// collective-only form's multiple is the collective's own and is not multiplied.
    public func amount(form: String, collective: Bool, on date: CivilDate) throws(MoneyError) -> AwardAmount {
        guard let decree = decree(on: date) else {
            throw .noDecree(on: date, earliest: decrees.map(\.from).min())
        }
        guard let base = baseSalary(on: date) else {
            throw .noBaseSalary(on: date, earliest: baseSalaries.first?.from)
        }
        guard let rate = decree.rate(for: form) else {
            let known = decree.forms.map(\.form)
            throw .unknownForm(
                form, decree: decree.id, suggestion: DidYouMean.suggestion(for: form, among: known), known: known)
        }
        if rate.collectiveOnly && !collective {
            throw .collectiveOnlyForm(form, decree: decree.id)
        }
        let factor = collective && !rate.collectiveOnly ? decree.collectiveFactor : 1
        let what = "mức tiền thưởng «\(form)» ngày \(date.vietnamese)"
        let (perThousand, overflowA) = base.amount.multipliedReportingOverflow(by: rate.multiple.thousandths)
        let (scaled, overflowB) = perThousand.multipliedReportingOverflow(by: factor)
        guard !overflowA, !overflowB, let exact = AwardAmount.roundedUp(scaled, step: 1000).map({ $0 / 1000 }),
            let rounded = AwardAmount.roundedUp(exact)
        else { throw .overflow(what: what) }
        return AwardAmount(
            form: form, collective: collective, decree: decree, baseSalary: base, multiple: rate.multiple,
            collectiveFactor: factor, exact: exact, rounded: rounded, words: VietnameseNumberWords.amount(rounded))
    }
}
