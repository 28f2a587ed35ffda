import Foundation
import Testing
import ThiDuaCore

/// The `council` key of an award kind in docs/schema/campaign.schema.json and
/// docs/campaign-file.md has the shape `CouncilRule` and `Fraction` decode.
@Suite("Schema: an award kind's council")
struct CouncilSchemaTests {
    static func schema() throws -> [String: Any] {
        let url = Corpus.repository.appendingPathComponent("docs/schema/campaign.schema.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func definition(_ name: String) throws -> [String: Any] {
        let defs = try #require(try schema()["$defs"] as? [String: Any])
        return try #require(defs[name] as? [String: Any], "no $defs.\(name)")
    }

    /// The keys an encoded value has.
    static func keys(_ value: some Encodable) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any]
        return Set((object ?? [:]).keys)
    }

    @Test("awardKind lists every key an award kind has, council among them, closed to others")
    func awardKind() throws {
        let award = try Self.definition("awardKind")
        let properties = try #require(award["properties"] as? [String: Any])
        #expect((properties["council"] as? [String: Any])?["$ref"] as? String == "#/$defs/councilRule")
        #expect(award["additionalProperties"] as? Bool == false)
        let full = AwardKind(
            id: "giay-khen", title: "Giấy khen", form: "giay-khen-chu-tich-xa", grantor: "Chủ tịch", level: .local,
            recurrence: .annual, commendation: .thuongXuyen, recipients: [.collective], standards: [AwardStandard(text: "Tiêu chuẩn")],
            quota: Quota(count: 1), text: ["Câu."], council: CouncilRule(quorum: Fraction(3, 4), approval: Fraction(90, 100), secret: true),
            rating: AwardRating(table: "bang-diem", bands: ["xuat-sac"]))
        #expect(try Self.keys(full) == Set(properties.keys))
    }

    @Test("councilRule: quorum, approval, secret, with the defaults CouncilRule.standard uses")
    func councilRule() throws {
        let rule = try Self.definition("councilRule")
        let properties = try #require(rule["properties"] as? [String: [String: Any]])
        #expect(try Self.keys(CouncilRule.standard) == Set(properties.keys))
        #expect(rule["additionalProperties"] as? Bool == false)
        #expect(rule["required"] == nil, "every key is optional")
        #expect(properties["quorum"]?["$ref"] as? String == "#/$defs/fraction")
        #expect(properties["approval"]?["$ref"] as? String == "#/$defs/fraction")
        #expect(properties["secret"]?["type"] as? String == "boolean")
        #expect(properties["quorum"]?["default"] as? String == "2/3")
        #expect(properties["approval"]?["default"] as? String == "70%")
        #expect(properties["secret"]?["default"] as? Bool == false)
        let decoded = try JSONDecoder().decode(CouncilRule.self, from: Data("{}".utf8))
        #expect(decoded == CouncilRule.standard)
        #expect(Fraction(parsing: "2/3") == CouncilRule.standard.quorum)
        #expect(Fraction(parsing: "70%").map { $0.isReached(by: 7, of: 10) && !$0.isReached(by: 6, of: 10) } == true)
    }

    @Test("fraction: the string pattern takes what Fraction reads in the documented forms, and numbers 0–100")
    func fraction() throws {
        let fraction = try Self.definition("fraction")
        let options = try #require(fraction["oneOf"] as? [[String: Any]])
        let number = try #require(options.first { $0["type"] as? String == "number" })
        #expect(number["minimum"] as? Double == 0)
        #expect(number["maximum"] as? Double == 100)
        let pattern = try #require(options.first { $0["type"] as? String == "string" }?["pattern"] as? String)
        let regex = try NSRegularExpression(pattern: pattern)
        func matches(_ text: String) -> Bool {
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        for good in ["2/3", "3/4", " 1 / 2 ", "70%", "70", "66,67%", "66.67%", "100%", "0", "0%", "1/1"] {
            #expect(matches(good), "the schema rejects «\(good)»")
            #expect(Fraction(parsing: good) != nil, "the loader rejects «\(good)»")
        }
        for bad in ["2/0", "abc", "70 %", "101%", "-1", "", "2/3/4", "%"] {
            #expect(!matches(bad), "the schema accepts «\(bad)»")
            #expect(Fraction(parsing: bad) == nil, "the loader accepts «\(bad)»")
        }
        // What the journal and `Fraction.encode` write reads back through the pattern.
        for value in [Fraction(2, 3), Fraction(70, 100), Fraction(percent: 66.67)!] {
            let text = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode([value])) as? [String]).first ?? ""
            #expect(matches(text), "«\(text)»")
        }
    }

    @Test("docs/campaign-file.md documents the council key and its three keys")
    func documented() throws {
        let text = try String(contentsOf: Corpus.repository.appendingPathComponent("docs/campaign-file.md"), encoding: .utf8)
        for fragment in [
            "| `council` | [CouncilRule](#councilrule-awardscouncil) |", "### CouncilRule (`awards[].council`)",
            "| `quorum` | [Fraction](#fraction) | `\"2/3\"` |",
            "| `approval` | [Fraction](#fraction) | `\"70%\"` |", "| `secret` | boolean | `false` |", "#### Fraction",
        ] {
            #expect(text.contains(fragment), "«\(fragment)»")
        }
    }
}
