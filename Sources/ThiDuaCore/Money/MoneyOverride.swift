import ThiDuaBase

/// A workspace's `tables/money.json`: rows added to the standard money tables.
///
/// Every part is optional. `baseSalaries` and `decrees` add rows; `decreeChanges` edit a decree
/// already known (its end date, collective factor, note, or the multiples of some forms).
/// docs/money.md describes the file with an example.
public struct MoneyOverride: Hashable, Sendable, Codable {
    /// The file format's version; only 1 exists.
    public static let currentVersion = 1

    public var version: Int?
    public var baseSalaries: [BaseSalary]?
    public var decrees: [RewardDecree]?
    public var decreeChanges: [DecreeChange]?

    public init(
        version: Int? = nil, baseSalaries: [BaseSalary]? = nil, decrees: [RewardDecree]? = nil,
        decreeChanges: [DecreeChange]? = nil
    ) {
        self.version = version
        self.baseSalaries = baseSalaries
        self.decrees = decrees
        self.decreeChanges = decreeChanges
    }
}

/// An edit of a known decree, made by a workspace.
public struct DecreeChange: Hashable, Sendable, Codable {
    /// The decree's number: "152/2025/NĐ-CP".
    public var decree: String
    /// A new last day in force, so that a later decree can follow it.
    public var to: CivilDate?
    /// A new collective factor.
    public var collectiveFactor: Int?
    /// A new note.
    public var note: String?
    /// Rates that replace the decree's rates of the same forms; other forms keep theirs, and a
    /// form the decree lacks is added.
    public var forms: [AwardRate]?

    public init(
        decree: String, to: CivilDate? = nil, collectiveFactor: Int? = nil, note: String? = nil, forms: [AwardRate]? = nil
    ) {
        self.decree = decree
        self.to = to
        self.collectiveFactor = collectiveFactor
        self.note = note
        self.forms = forms
    }
}
