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
