import Foundation
import Testing

@testable import ThiDuaCore

/// The JSON Schemas of the workspace tables (`tables/unit-kinds.json`, `tables/issuer-kinds.json`)
/// name exactly the keys the decoders read, and their references land in the campaign schema.
@Suite struct TableSchemaTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/schema")

    static func schema(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The keys a value encodes to, read back from its JSON.
    static func keys<T: Encodable>(of value: T) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any]
        return Set(try #require(object).keys)
    }

    /// Every `$ref` in the object, recursively.
    static func references(in node: Any) -> [String] {
        if let object = node as? [String: Any] {
            return ((object["$ref"] as? String).map { [$0] } ?? []) + object.values.flatMap(references(in:))
        }
        if let array = node as? [Any] { return array.flatMap(references(in:)) }
        return []
    }

    @Test("unit-kinds.schema.json: unitKinds and unitFigures, a figure's keys as UnitFigure encodes them")
    func unitKinds() throws {
        let schema = try Self.schema("unit-kinds.schema.json")
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(UnitKindsFile.CodingKeys.allCases.map(\.rawValue)))
        let figure = try #require((schema["$defs"] as? [String: [String: Any]])?["unitFigure"]?["properties"] as? [String: Any])
        #expect(Set(figure.keys) == (try Self.keys(of: UnitFigure(id: "so-ho", label: "Số hộ", aliases: ["Số hộ gia đình"]))))
    }

    @Test("issuer-kinds.schema.json: issuerKinds, each an issuerKind of the campaign schema")
    func issuerKinds() throws {
        let schema = try Self.schema("issuer-kinds.schema.json")
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == ["issuerKinds"])
        #expect(schema["required"] as? [String] == ["issuerKinds"])
    }

    @Test("every reference of the table schemas names a definition the campaign schema has")
    func referencesResolve() throws {
        let campaignDefs = try #require(try Self.schema("campaign.schema.json")["$defs"] as? [String: Any])
        for name in ["unit-kinds.schema.json", "issuer-kinds.schema.json"] {
            let schema = try Self.schema(name)
            let localDefs = schema["$defs"] as? [String: Any] ?? [:]
            let refs = Self.references(in: schema)
            #expect(!refs.isEmpty)
            for ref in refs {
                if let local = ref.split(separator: "/").last, ref.hasPrefix("#/$defs/") {
                    #expect(localDefs[String(local)] != nil, "\(name): \(ref)")
                } else {
                    let parts = ref.components(separatedBy: "#/$defs/")
                    #expect(parts.count == 2 && parts[0] == "campaign.schema.json", "\(name): \(ref)")
                    #expect(campaignDefs[parts.last ?? ""] != nil, "\(name): \(ref)")
                }
            }
        }
    }
}
