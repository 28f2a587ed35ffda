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

/// The shape of `tables/unit-kinds.json`: the unit kinds, and the figures units carry.
struct UnitKindsFile: Codable, Sendable {
    var unitKinds: [UnitKindDeclaration]
    var unitFigures: [UnitFigure]

    enum CodingKeys: String, CodingKey { case unitKinds, unitFigures }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        unitKinds = try c.decodeIfPresent([UnitKindDeclaration].self, forKey: .unitKinds) ?? []
        unitFigures = try c.decodeIfPresent([UnitFigure].self, forKey: .unitFigures) ?? []
    }
}
