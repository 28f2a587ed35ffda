import ThiDuaBase

/// A decree that sets award money (mức tiền thưởng), in force over a period of days.
public struct RewardDecree: Hashable, Sendable, Codable {
    /// The decree's number as documents cite it: "98/2023/NĐ-CP".
    public var id: String
    /// Its full title.
    public var title: String
    /// First day in force.
    public var from: CivilDate
    /// Last day in force; nil while it still is.
    public var to: CivilDate?
    /// How many times the individual amount a collective receives (2 under ND 91/2017 and ND 98/2023).
    public var collectiveFactor: Int
    /// Why parts of the row may be doubted, in Vietnamese.
    public var note: String?
    /// The award forms it prices, in the decree's order.
    public var forms: [AwardRate]

    public init(
        id: String, title: String, from: CivilDate, to: CivilDate? = nil, collectiveFactor: Int, note: String? = nil,
        forms: [AwardRate]
    ) {
        self.id = id
        self.title = title
        self.from = from
        self.to = to
        self.collectiveFactor = collectiveFactor
        self.note = note
        self.forms = forms
    }

    /// Whether the decree is in force on a day (both ends included).
    public func isInForce(on date: CivilDate) -> Bool {
        from <= date && (to.map { date <= $0 } ?? true)
    }

    /// Whether two decrees share at least one day in force.
    public func overlaps(_ other: RewardDecree) -> Bool {
        let endsBeforeOther = to.map { $0 < other.from } ?? false
        let otherEndsBefore = other.to.map { $0 < from } ?? false
        return !endsBeforeOther && !otherEndsBefore
    }

    /// The rate of a form key.
    public func rate(for form: String) -> AwardRate? {
        forms.first { $0.form == form }
    }

    /// The period as Vietnamese text: "01/01/2024 – 30/6/2025", "từ 01/7/2025".
    public var periodText: String {
        guard let to else { return "từ \(from.vietnamese)" }
        return "\(from.vietnamese) – \(to.vietnamese)"
    }
}
