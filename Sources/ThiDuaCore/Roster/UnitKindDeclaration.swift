import Foundation
import ThiDuaBase

/// A unit kind declared in `tables/unit-kinds.json` or a plan's `unitKinds`:
/// `{"id": "chi-bo-khu-dan-cu", "label": "Chi bộ khu dân cư", "aliases": ["chi bộ KDC"]}`.
public struct UnitKindDeclaration: Codable, Sendable, Hashable {
    /// The keyword, kebab-case ASCII.
    public var id: String
    /// The Vietnamese label, as officials write it.
    public var label: String
    /// Other spellings accepted in a roster's "Loại" column.
    public var aliases: [String]?

    /// A declared kind.
    public init(id: String, label: String, aliases: [String]? = nil) {
        self.id = id
        self.label = label
        self.aliases = aliases
    }
}

/// The shape of `tables/unit-kinds.json`.
struct UnitKindsFile: Codable, Sendable {
    var unitKinds: [UnitKindDeclaration]
}
