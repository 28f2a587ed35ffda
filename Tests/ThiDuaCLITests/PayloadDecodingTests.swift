import Foundation
import Testing

@testable import ThiDuaCore

/// Replay's direct reading of ballots and appraisals (`JSONValueDecodable`) must give exactly
/// what `Decodable` gives, or fall back to it.
@Suite("Direct decoding of ballot and appraisal payloads")
struct PayloadDecodingTests {
    /// Both paths, compared by the bytes they encode to (so NFC and -0 show), or both failing.
    static func same<T: Codable>(_ type: T.Type, _ value: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let direct = try? value.decode(T.self)
        let decodable = try? JSONNodeDecoder.decode(T.self, from: value.node).0
        let a = try direct.map { JSONWriter.write(try JSONValue.encode($0)) }
        let b = try decodable.map { JSONWriter.write(try JSONValue.encode($0)) }
        #expect(a == b, "\(value)", sourceLocation: sourceLocation)
        #expect(a.map { Array($0.unicodeScalars) } == b.map { Array($0.unicodeScalars) }, sourceLocation: sourceLocation)
        // The fast path never answers where `Decodable` refuses.
        if decodable == nil { #expect((T.self as? any JSONValueDecodable.Type)?.init(exactly: value) == nil, sourceLocation: sourceLocation) }
    }

    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(members.map { JSONValue.Member(key: $0.0, value: $0.1) })
    }

    @Test("odd ballots decode the same both ways")
    func ballots() throws {
        let votes = Self.object([("1", .string("dong-y")), ("2", .string("khong-dong-y"))])
        let cases: [JSONValue] = [
            Self.object([("review", .string("r1")), ("member", .string("Nguyễn Văn A")), ("votes", votes)]),
            Self.object([("review", .string("r1")), ("member", .string("Nguye\u{0302}\u{0303}n Văn A")), ("votes", votes), ("x", .null)]),
            Self.object([("review", .string("r1")), ("member", .string("A")), ("votes", Self.object([("1", .string("đồng ý"))]))]),
            Self.object([("review", .string("r1")), ("member", .string("A"))]),
            Self.object([("review", .null), ("member", .string("A")), ("votes", votes)]),
            Self.object([("review", .number(1)), ("member", .string("A")), ("votes", votes)]),
            Self.object([("review", .string("r1")), ("review", .string("r2")), ("member", .string("A")), ("votes", votes)]),
            Self.object([("review", .string("r1")), ("member", .string("A")), ("votes", .array([]))]),
            .array([]), .null, .string("x"),
        ]
        for value in cases { try Self.same(BallotPayload.self, value) }
    }

    @Test("odd appraisals decode the same both ways")
    func appraisals() throws {
        let base: [(String, JSONValue)] = [
            ("period", .string("2026")), ("participant", .string("don-vi:to-1")), ("item", .string("tc-1")), ("reason", .string("Đã xem")),
        ]
        let extras: [[(String, JSONValue)]] = [
            [],
            [("met", .bool(true)), ("points", .number(8.5)), ("evidence", .string("ảnh")), ("oldMet", .bool(false)), ("oldPoints", .number(-0.0))],
            [("met", .null), ("points", .null), ("evidence", .null), ("oldMet", .null), ("oldPoints", .null)],
            [("met", .number(1))],
            [("points", .string("8"))],
            [("evidence", .number(3))],
            [("oldPoints", .number(7))],
            [("met", .bool(true)), ("met", .bool(false))],
            [("other", .string("x"))],
        ]
        for extra in extras { try Self.same(AppraisalPayload.self, Self.object(base + extra)) }
        let variants: [[(String, JSONValue)]] = [
            [("period", .string("2026-6t")), ("participant", .string("ca-nhan:nguyen-a")), ("item", .string("x")), ("reason", .string("r"))],
            [("period", .string("năm 2026")), ("participant", .string("don-vi:to-1")), ("item", .string("x")), ("reason", .string("r"))],
            [("period", .string("2026")), ("participant", .string("to-1")), ("item", .string("x")), ("reason", .string("r"))],
            [("period", .string("2026")), ("participant", .string("don-vi:to-1")), ("item", .string("x"))],
            [("period", .number(2026)), ("participant", .string("don-vi:to-1")), ("item", .string("x")), ("reason", .string("r"))],
            [("period", .string("2026")), ("participant", .string("don-vi:to-1")), ("item", .string("I\u{0307}")), ("reason", .string("Thi\u{0323}"))],
        ]
        for variant in variants { try Self.same(AppraisalPayload.self, Self.object(variant)) }
    }
}
