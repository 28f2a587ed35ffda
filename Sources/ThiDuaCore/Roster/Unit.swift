import Foundation
import ThiDuaBase

/// The kind of a unit (đơn vị) in the ward's roster, by its keyword ("to-dan-pho").
///
/// Kinds are data: `UnitKindCatalogue.standard` holds the built-in list, and a workspace
/// (`tables/unit-kinds.json`) or a plan (`unitKinds`) declares more. The named constants are
/// the built-in kinds; any other keyword is a declared kind.
public struct UnitKind: RawRepresentable, Codable, Sendable, Hashable {
    /// The keyword, kebab-case ASCII: "to-dan-pho", "chi-bo-khu-dan-cu".
    public var rawValue: String

    /// A kind by its keyword.
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let phongBan = UnitKind(rawValue: "phong-ban")
    public static let toDanPho = UnitKind(rawValue: "to-dan-pho")
    public static let khom = UnitKind(rawValue: "khom")
    public static let ap = UnitKind(rawValue: "ap")
    public static let thon = UnitKind(rawValue: "thon")
    public static let doanThe = UnitKind(rawValue: "doan-the")
    public static let congAn = UnitKind(rawValue: "cong-an")
    public static let quanSu = UnitKind(rawValue: "quan-su")
    public static let truongHoc = UnitKind(rawValue: "truong-hoc")
    public static let tramYTe = UnitKind(rawValue: "tram-y-te")
    public static let khac = UnitKind(rawValue: "khac")

    /// The built-in kinds, in the order they are listed.
    public static var allCases: [UnitKind] { UnitKindCatalogue.standard.entries.map(\.kind) }

    public init(from decoder: Decoder) throws {
        // Any keyword reads: a roster written with a declared kind stays readable without its table.
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The Vietnamese label: "phòng, ban", "tổ dân phố", "Công an"… A declared kind the
    /// built-in list does not know shows its keyword; `UnitKindCatalogue.label(of:)` knows more.
    public var vietnamese: String { UnitKindCatalogue.standard.label(of: self) }

    /// Reads a kind with the built-in list; see `UnitKindCatalogue.parse(_:)`.
    public static func parse(_ text: String) -> UnitKind? { UnitKindCatalogue.standard.parse(text) }

    /// Every built-in keyword and label, for messages.
    static var allowedDescription: String { UnitKindCatalogue.standard.allowedDescription }
}

/// A unit of the ward: a phòng, ban, tổ dân phố, đoàn thể, Công an, Quân sự…
public struct Unit: Codable, Sendable, Equatable, Hashable {
    /// Kebab-case ASCII id: "to-dan-pho-1".
    public var id: String
    /// "Tổ dân phố 1", in NFC.
    public var name: String
    /// Phòng, ban, tổ dân phố, đoàn thể…
    public var kind: UnitKind
    /// The id of the unit this one belongs to (trực thuộc), if any.
    public var parent: String?
    /// Declared figures (số hộ, dân số…) by id, from the units file's extra columns; nil when none.
    public var figures: [String: Double]?

    /// A unit; the name should be NFC (the importers make it so).
    public init(id: String, name: String, kind: UnitKind, parent: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parent = parent
    }
}

/// `Unit` under a name Foundation does not also use. A file that imports both Foundation and
/// ThiDuaCore finds `Unit` ambiguous (Foundation has a `Unit` class); write `RosterUnit`,
/// `ThiDuaCore.Unit`, or add `import struct ThiDuaCore.Unit`.
public typealias RosterUnit = Unit
