import ThiDuaBase

/// The date printed on a document, whose day or month may still be blank in a draft
/// ("ngày … tháng 4 năm 2023").
public struct PartialDate: Hashable, Sendable, Codable {
    public var day: Int?
    public var month: Int?
    public var year: Int?

    public init(day: Int? = nil, month: Int? = nil, year: Int? = nil) {
        self.day = day
        self.month = month
        self.year = year
    }

    /// The full date when every part is present and the day exists.
    public var complete: CivilDate? {
        guard let day, let month, let year else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// Whether the parts present can belong to a real day (30/02 cannot).
    public var isPossible: Bool {
        if let month, !(1...12).contains(month) { return false }
        if let year, !(1900...2200).contains(year) { return false }
        guard let day else { return true }
        guard day >= 1 else { return false }
        if let month {
            return day <= CivilDate.daysIn(month: month, year: year ?? 2000)
        }
        return day <= 31
    }

    /// "ngày 03 tháng 01 năm 2025", with "…" for each blank part, as drafts print it.
    public var vietnamese: String {
        let d = day.map(CivilDate.padDay) ?? "…"
        let m = month.map(CivilDate.padMonth) ?? "…"
        let y = year.map(String.init) ?? "…"
        return "ngày \(d) tháng \(m) năm \(y)"
    }
}
