import ThiDuaBase

/// The period results are evaluated for: a year, or its first half (sơ kết 6 tháng).
///
/// Written "2026" or "2026-6t". Facts carry the period of the row that reported them: the
/// row's year field (role `year`) or else the year it was submitted, and its term field (role
/// `term`) when that says "6 tháng".
public struct EvaluationPeriod: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    /// The first six months only.
    public var halfYear: Bool

    public init(year: Int, halfYear: Bool = false) {
        self.year = year
        self.halfYear = halfYear
    }

    /// Reads "2026" or "2026-6t"; nil otherwise.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let year = Int(first), year >= 1900, year <= 2200 else { return nil }
        switch parts.count {
        case 1: self.init(year: year)
        case 2 where parts[1] == "6t": self.init(year: year, halfYear: true)
        default: return nil
        }
    }

    /// "2026" or "2026-6t".
    public var description: String { halfYear ? "\(year)-6t" : "\(year)" }

    /// "năm 2026" or "6 tháng đầu năm 2026".
    public var vietnamese: String { halfYear ? "6 tháng đầu năm \(year)" : "năm \(year)" }

    /// The same period a year before ("năm trước liền kề").
    public var previous: EvaluationPeriod { EvaluationPeriod(year: year - 1, halfYear: halfYear) }

    public static func < (a: EvaluationPeriod, b: EvaluationPeriod) -> Bool {
        (a.year, a.halfYear ? 0 : 1) < (b.year, b.halfYear ? 0 : 1)
    }
}

/// A collective or an individual taking part in a campaign.
public struct ParticipantRef: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var kind: ParticipantKind
    /// Roster unit id or person id.
    public var id: String

    public init(_ kind: ParticipantKind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    public static func unit(_ id: String) -> ParticipantRef { ParticipantRef(.collective, id) }
    public static func person(_ id: String) -> ParticipantRef { ParticipantRef(.individual, id) }

    /// "don-vi:phong-kinh-te" / "ca-nhan:nguyen-van-a": how the journal and files name it.
    public var description: String { (kind == .collective ? "don-vi:" : "ca-nhan:") + id }

    /// Reads the `description` form.
    public init?(parsing text: String) {
        if text.hasPrefix("don-vi:") {
            self.init(.collective, String(text.dropFirst(7)))
        } else if text.hasPrefix("ca-nhan:") {
            self.init(.individual, String(text.dropFirst(8)))
        } else {
            return nil
        }
        if id.isEmpty { return nil }
    }

    public static func < (a: ParticipantRef, b: ParticipantRef) -> Bool {
        (a.kind == .collective ? 0 : 1, a.id) < (b.kind == .collective ? 0 : 1, b.id)
    }

    /// The roster name, or the id when the roster does not know it.
    public func name(in roster: Roster) -> String {
        switch kind {
        case .collective: roster.units.first { $0.id == id }?.name ?? id
        case .individual: roster.people.first { $0.id == id }?.name ?? id
        }
    }
}

extension EvaluationPeriod: Codable {
    /// Written as its `description`, "2026" or "2026-6t", as journals always held it.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let period = EvaluationPeriod(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "kỳ «\(text)» không hợp lệ")
        }
        self = period
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
