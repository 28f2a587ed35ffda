import ThiDuaBase

/// The level of government an authority belongs to.
public enum AuthorityLevel: String, Codable, Sendable, CaseIterable {
    /// Central government and its ministries.
    case trungUong = "trung-uong"
    /// Province or centrally run city.
    case tinh
    /// District level (abolished on 1/7/2025; kept for older records).
    case huyen
    /// Commune, ward or special zone.
    case xa
    /// A Party committee or body, outside the state hierarchy.
    case dang
}

/// An issuing body (cơ quan ban hành): its name, level and the body above it.
///
/// A campaign file may name an issuer kind (`"kind": "dang-uy"`) with the locality
/// (`"locality": "phường Minh Xuân"`, `"upperLocality": "tỉnh Tuyên Quang"`) and leave out the
/// rest: `IssuerKindCatalogue.resolve` fills the name, header lines, heading and mark from the
/// kind, and any key the file gives wins.
public struct Authority: Hashable, Sendable, Codable {
    /// Full name in normal case: "Ủy ban nhân dân phường Minh Xuân".
    public var name: String
    /// The lines of the issuer block as printed, in capitals: ["ỦY BAN NHÂN DÂN", "PHƯỜNG MINH XUÂN"].
    public var headerLines: [String]
    public var level: AuthorityLevel
    /// The body above, printed above the issuer block when `showParent` is true.
    public var parent: ParentAuthority?
    /// Province the issuer belongs to, for the record.
    public var province: String?
    /// The issuer kind in the catalogue ("ubnd", "mttq", "dang-uy", "doan"…); nil: the file
    /// spells everything out.
    public var kind: String?
    /// "phường Minh Xuân": fills «{địa bàn}» in the kind's wording.
    public var locality: String?
    /// "tỉnh Tuyên Quang": fills «{cấp trên}» in the kind's wording.
    public var upperLocality: String?
    /// The line printed above the issuer lines, in capitals, not bold ("ĐẢNG BỘ TỈNH TUYÊN QUANG").
    public var upperLine: String?
    /// The right-hand heading instead of the Quốc hiệu and Tiêu ngữ: ["ĐẢNG CỘNG SẢN VIỆT NAM"].
    public var heading: [String]?
    /// The mark under the issuer's name instead of the short rule: "*" (Party), "***" (Đoàn).
    public var mark: String?

    public init(
        name: String, headerLines: [String], level: AuthorityLevel, parent: ParentAuthority? = nil,
        province: String? = nil
    ) {
        self.name = name
        self.headerLines = headerLines
        self.level = level
        self.parent = parent
        self.province = province
    }

    enum CodingKeys: String, CodingKey {
        case name, headerLines, level, parent, province, kind, locality, upperLocality, upperLine, heading, mark
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decodeIfPresent(String.self, forKey: .kind)
        // With a kind, the catalogue fills what is missing; without one the old keys are required.
        let required = kind == nil
        name = try required ? c.decode(String.self, forKey: .name) : c.decodeIfPresent(String.self, forKey: .name) ?? ""
        headerLines =
            try required ? c.decode([String].self, forKey: .headerLines) : c.decodeIfPresent([String].self, forKey: .headerLines) ?? []
        level =
            try required
            ? c.decode(AuthorityLevel.self, forKey: .level) : c.decodeIfPresent(AuthorityLevel.self, forKey: .level) ?? .xa
        parent = try c.decodeIfPresent(ParentAuthority.self, forKey: .parent)
        province = try c.decodeIfPresent(String.self, forKey: .province)
        locality = try c.decodeIfPresent(String.self, forKey: .locality)
        upperLocality = try c.decodeIfPresent(String.self, forKey: .upperLocality)
        upperLine = try c.decodeIfPresent(String.self, forKey: .upperLine)
        heading = try c.decodeIfPresent([String].self, forKey: .heading)
        mark = try c.decodeIfPresent(String.self, forKey: .mark)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(headerLines, forKey: .headerLines)
        try c.encode(level, forKey: .level)
        try c.encodeIfPresent(parent, forKey: .parent)
        try c.encodeIfPresent(province, forKey: .province)
        try c.encodeIfPresent(kind, forKey: .kind)
        try c.encodeIfPresent(locality, forKey: .locality)
        try c.encodeIfPresent(upperLocality, forKey: .upperLocality)
        try c.encodeIfPresent(upperLine, forKey: .upperLine)
        try c.encodeIfPresent(heading, forKey: .heading)
        try c.encodeIfPresent(mark, forKey: .mark)
    }
}

/// The body above an issuer. Kept flat (no further nesting) so a file cannot recurse forever.
public struct ParentAuthority: Hashable, Sendable, Codable {
    public var name: String
    public var level: AuthorityLevel
    /// Whether the decree's header shows this body above the issuer (not for People's Committees).
    public var showInHeader: Bool?

    public init(name: String, level: AuthorityLevel, showInHeader: Bool? = nil) {
        self.name = name
        self.level = level
        self.showInHeader = showInHeader
    }
}
