import Foundation
import Testing
import ThiDuaCLI
import ThiDuaCore

/// The `thidua-bench` executable built beside the tests, if it was built.
private func benchTool() -> URL? {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("thidua-bench")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder = folder.deletingLastPathComponent()
    }
    return nil
}

/// Runs `thidua-bench generate` for one ward into `folder`; returns its exit status and output.
private func generate(into folder: URL) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = benchTool()
    process.arguments = ["generate", "--scale", "ward", "--keep", folder.path, "--repo", Harness.root.path, "--threads", "1"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
}

/// The benchmark's generator at the smallest scale: what it writes is a workspace the real
/// commands accept. Nothing here is timed.
@Suite("Benchmark generator", .serialized, .enabled(if: benchTool() != nil, "thidua-bench is not built"))
struct BenchSmokeTests {
    @Test("one generated ward checks, verifies, replays to a full year, and is the same bytes every time")
    func oneWard() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-bench-smoke-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let (status, output) = try generate(into: base.appendingPathComponent("a"))
        #expect(status == 0, "\(output)")
        let wards = try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("a/wards").path)
        #expect(wards.count == 1)
        let ward = base.appendingPathComponent("a/wards").appendingPathComponent(try #require(wards.first))

        let check = Harness.run(["check"], in: ward)
        #expect(check.code == 0, "\(check.output)\(check.errors)")
        let verify = Harness.run(["verify"], in: ward)
        #expect(verify.code == 0, "\(verify.output)\(verify.errors)")

        let workspace = Workspace(root: ward)
        let roster = try workspace.loadRoster()
        #expect((60...100).contains(roster.people.count) && (10...14).contains(roster.units.count))
        let ids = workspace.journalIDs()
        #expect(ids == workspace.campaignIDs())
        var decisions = 0
        for id in ids {
            let contents = try workspace.journal(for: id).read()
            #expect(contents.failure == nil && contents.tornBytes == 0, "\(id)")
            let state = CampaignState(events: contents.events)
            #expect(state.otherEvents == 0, "\(id): events the fold did not understand")
            #expect(!state.submissions.isEmpty && state.launched != nil, "\(id)")
            decisions += state.decisions.count
            // Replay reads rows directly (JSONValueDecodable); Decodable must give the same.
            for event in contents.events where event.kind == .submission {
                let rows = try #require(event.payload["rows"])
                let direct = try rows.decode([SubmissionRow].self)
                let decodable = try JSONNodeDecoder.decode([SubmissionRow].self, from: rows.node).0
                #expect(direct == decodable, "\(id) line \(event.seq)")
            }
        }
        #expect(decisions > 0, "no campaign reached a decision")

        // The same seed writes the same bytes; a second run reuses the folder.
        let (again, _) = try generate(into: base.appendingPathComponent("b"))
        #expect(again == 0)
        let other = base.appendingPathComponent("b/wards").appendingPathComponent(wards[0])
        for id in ids {
            let a = FileManager.default.contents(atPath: workspace.journal(for: id).url.path)
            let b = FileManager.default.contents(atPath: Workspace(root: other).journal(for: id).url.path)
            #expect(a == b, "\(id) differs between two runs with the same seed")
        }
        let (reused, reuseOutput) = try generate(into: base.appendingPathComponent("a"))
        #expect(reused == 0 && reuseOutput.contains("reused"), "\(reuseOutput)")
    }
}

/// Replay's direct reading of rows and values (`JSONValueDecodable`) must give exactly what
/// `Decodable` gives, or fall back to it: the odd values below go through both.
@Suite("Direct decoding of journal rows")
struct DirectDecodingTests {
    /// Both paths, compared by the bytes they encode to (so NFC and -0 show), or both failing.
    func same<T: Codable>(_ type: T.Type, _ value: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let direct = try? value.decode(T.self)
        let decodable = try? JSONNodeDecoder.decode(T.self, from: value.node).0
        let a = try direct.map { JSONWriter.write(try JSONValue.encode($0)) }
        let b = try decodable.map { JSONWriter.write(try JSONValue.encode($0)) }
        #expect(a == b, "\(value)", sourceLocation: sourceLocation)
        #expect(a.map { Array($0.unicodeScalars) } == b.map { Array($0.unicodeScalars) }, sourceLocation: sourceLocation)
    }

    static let cells: [JSONValue] = [
        .object([.init(key: "number", value: .number(-0.0))]),
        .object([.init(key: "number", value: .number(98.5))]),
        .object([.init(key: "percent", value: .number(0.1 + 0.2))]),
        .object([.init(key: "integer", value: .number(1e15))]),
        .object([.init(key: "integer", value: .number(999_999_999_999_999))]),
        .object([.init(key: "integer", value: .number(2.5))]),
        .object([.init(key: "integer", value: .number(-7))]),
        .object([.init(key: "text", value: .string("Nguye\u{0302}\u{0303}n Thi\u{0323} Lan"))]),
        .object([.init(key: "text", value: .string("“Dân vận khéo” – năm 2026 … ≥ 98% → đạt"))]),
        .object([.init(key: "person", value: .string("a\u{0301}"))]),
        .object([.init(key: "text", value: .string("Ω K Å"))]),
        .object([.init(key: "text", value: .string("a")), .init(key: "ghi-chu", value: .number(1))]),
        .object([.init(key: "text", value: .string("a")), .init(key: "unit", value: .string("b"))]),
        .object([.init(key: "text", value: .string("a")), .init(key: "text", value: .string("b"))]),
        .object([.init(key: "yes-no", value: .number(1))]),
        .object([.init(key: "yes-no", value: .bool(false))]),
        .object([.init(key: "date", value: .string("2026-02-15"))]),
        .object([.init(key: "date", value: .string("15/02/2026"))]),
        .object([.init(key: "date", value: .string("31/02/2026"))]),
        .object([.init(key: "date", value: .string(" 15/02/2026"))]),
        .object([.init(key: "date", value: .string("5/2/2026"))]),
        .object([.init(key: "date", value: .string("2026-2-5"))]),
        .object([.init(key: "date", value: .string("15-02-2026"))]),
        .object([.init(key: "choice", value: .number(3))]),
        .object([.init(key: "soup", value: .string("x"))]),
        .object([]), .array([]), .string("x"), .null,
    ]

    @Test("odd cells decode the same both ways")
    func cells() throws {
        for cell in Self.cells { try same(FieldValue.self, cell) }
    }

    @Test("odd rows decode the same both ways")
    func rows() throws {
        let good = JSONValue.object([.init(key: "text", value: .string("x"))])
        let rows: [JSONValue] = [
            .array([.object([.init(key: "line", value: .number(2)), .init(key: "values", value: .object([.init(key: "a", value: good)]))])]),
            .array([.object([.init(key: "values", value: .object([])), .init(key: "line", value: .number(3)), .init(key: "x", value: .null)])]),
            .array([.object([.init(key: "line", value: .number(2.5)), .init(key: "values", value: .object([]))])]),
            .array([.object([.init(key: "line", value: .number(2))])]),
            .array([.object([.init(key: "line", value: .number(2)), .init(key: "values", value: .array([]))])]),
            .array([
                .object([
                    .init(key: "line", value: .number(2)),
                    .init(key: "values", value: .object([.init(key: "a", value: good), .init(key: "a", value: .object([]))])),
                ])
            ]),
            .array(Self.cells.map { .object([.init(key: "line", value: .number(2)), .init(key: "values", value: .object([.init(key: "f", value: $0)]))]) }),
            .object([]),
        ]
        for row in rows { try same([SubmissionRow].self, row) }
        try same([String: Vote].self, .object([.init(key: "1", value: .string("dong-y")), .init(key: "2", value: .string("khong-dong-y"))]))
        try same([String: Vote].self, .object([.init(key: "1", value: .string("đồng ý"))]))
        try same([String: Vote].self, .object([.init(key: "1", value: .string("dong-y")), .init(key: "1", value: .string("xung-dot-loi-ich"))]))
    }
}
