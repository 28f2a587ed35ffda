import ThiDuaBase

/// A higher-level document a plan implements (căn cứ / thực hiện).
public struct BasisReference: Hashable, Sendable, Codable {
    /// Stable id, used by directive files (`directives/<id>.json`) and cross references.
    public var id: String
    /// The document kind in normal case: "Kế hoạch", "Chỉ thị", "Quyết định".
    public var kind: String
    /// Number and symbol as printed: "267/KH-UBND", "33-CT/TU".
    public var number: String
    public var date: CivilDate
    /// Issuer as the plan names it: "Ủy ban nhân dân thị xã Mỹ Hòa".
    public var issuer: String
    /// What it is about, as the plan quotes it, starting with "về …" where the plan does.
    public var title: String
    /// The level of the issuer.
    public var level: AuthorityLevel?
    /// The id of a directive file (`directives/<id>.json`) this citation stands for; the plan is
    /// then checked against the directive's floors and requirements.
    public var directive: String?
    /// The directives above the cited one, nearest first, as the loader found them in
    /// `directives/`; printed after it in the "Thực hiện …" paragraph. Not read from the file.
    public var parentChain: [BasisReference] = []

    enum CodingKeys: String, CodingKey {
        case id, kind, number, date, issuer, title, level, directive
    }

    public init(
        id: String, kind: String, number: String, date: CivilDate, issuer: String, title: String,
        level: AuthorityLevel? = nil, directive: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.number = number
        self.date = date
        self.issuer = issuer
        self.title = title
        self.level = level
        self.directive = directive
    }

    /// "Kế hoạch số 267/KH-UBND ngày 29/11/2024 của Ủy ban nhân dân thị xã Mỹ Hòa về …".
    public var citation: String {
        let about = title.isEmpty ? "" : (title.hasPrefix(",") ? title : " " + title)
        return "\(kind) số \(number) ngày \(date.vietnamese) của \(issuer)\(about)"
    }
}
