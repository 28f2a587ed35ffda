import ThiDuaBase

/// What a milestone marks.
public enum MilestoneKind: String, Codable, Sendable, CaseIterable {
    case launch
    case registration
    case evaluation
    case soKetReport = "so-ket-report"
    case tongKetReport = "tong-ket-report"
    case dossier
    case review
    case end
    case other
}

/// When a milestone falls: a fixed day, or a day of every year of the campaign ("trước ngày 15/02 hằng năm").
public enum MilestoneDue: Hashable, Sendable {
    case date(CivilDate)
    case yearly(day: Int, month: Int)

    /// The due day within a given year (the fixed date ignores the year).
    public func occurrence(in year: Int) -> CivilDate? {
        switch self {
        case .date(let date): date
        case .yearly(let day, let month): CivilDate(year: year, month: month, day: day)
        }
    }

    /// "15/11/2023", or "15/02 hằng năm".
    public var vietnamese: String {
        switch self {
        case .date(let date): date.vietnamese
        case .yearly(let day, let month): "\(CivilDate.padDay(day))/\(CivilDate.padMonth(month)) hằng năm"
        }
    }
}

extension MilestoneDue: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        if let date = CivilDate(parsing: text) {
            self = .date(date)
            return
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, let d = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m), d >= 1,
            d <= CivilDate.daysIn(month: m, year: 2024)
        {
            self = .yearly(day: d, month: m)
            return
        }
        throw DecodingError.dataCorruptedError(
            in: c,
            debugDescription:
                "hạn «\(text)» không hợp lệ; cần dd/mm/yyyy (một ngày cụ thể) hoặc dd/mm (hằng năm), là ngày có thật")
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .date(let date): try c.encode(date.vietnamese)
        case .yearly(let day, let month): try c.encode("\(CivilDate.padDay(day))/\(CivilDate.padMonth(month))")
        }
    }
}

/// Whether the due day itself is still in time. Vietnamese plans say both: "trước ngày 15/11"
/// (before the 15th: the 15th is late) and "đến ngày 15/11", "chậm nhất ngày 15/11" (the 15th is
/// still in time).
public enum DeadlineBoundary: String, Codable, Sendable, CaseIterable {
    /// "trước ngày X": X itself is late; the last day in time is the day before.
    case before
    /// "đến ngày X", "chậm nhất ngày X", "hạn X": X is the last day in time.
    case through
}

/// A dated step of the campaign (mốc thời gian, hạn nộp).
public struct Milestone: Hashable, Sendable, Codable {
    public var id: String
    public var kind: MilestoneKind
    /// "Đăng ký mô hình “Dân vận khéo”".
    public var title: String
    /// nil when the plan gives no date ("định kỳ 6 tháng").
    public var due: MilestoneDue?
    /// The form expected by then, by id.
    public var form: String?
    /// Who must deliver: "collective", "individual", or nil for the organiser.
    public var from: ParticipantKind?
    /// Where it goes: "Ủy ban nhân dân phường (qua phòng Văn hóa - Xã hội)".
    public var submitTo: String?
    /// The plan's sentence.
    public var text: String?
    /// Whether `due` itself is in time; absent means it is ("đến ngày", "chậm nhất ngày").
    public var boundary: DeadlineBoundary?

    public init(
        id: String, kind: MilestoneKind, title: String, due: MilestoneDue? = nil, form: String? = nil,
        from: ParticipantKind? = nil, submitTo: String? = nil, text: String? = nil, boundary: DeadlineBoundary? = nil
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.due = due
        self.form = form
        self.from = from
        self.submitTo = submitTo
        self.text = text
        self.boundary = boundary
    }

    /// The last day a delivery is in time for an occurrence due on `due`: the day before for
    /// "trước ngày X", else X.
    public func lastDayInTime(_ due: CivilDate) -> CivilDate { boundary == .before ? due.adding(days: -1) : due }
}
