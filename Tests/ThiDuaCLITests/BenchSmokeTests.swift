import Foundation
import Testing
import ThiDuaCLI
import ThiDuaCore

/// Runs `thidua-bench` with `arguments`; returns its exit status and standard output (standard
/// error, the progress lines, is dropped).
private func bench(_ arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = benchTool()
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
}

/// Runs `thidua-bench generate` for `wards` wards into `folder`.
private func generate(into folder: URL, wards: Int = 1) throws -> (Int32, String) {
    try bench(["generate", "--wards", "\(wards)", "--keep", folder.path, "--repo", Harness.root.path, "--threads", "1"])
}

/// The whole numbers of a line of output, in order, with their thousands commas removed:
/// "2 ward(s), 1,304 events, 1.4 MB" → [2, 1304, 1, 4].
private func numbers(_ text: String) -> [Int] {
    text.replacingOccurrences(of: ",", with: "").split { !$0.isNumber }.compactMap { Int($0) }
}

/// The benchmark's generator and replay at the smallest scale: what the generator writes is a
/// workspace the real commands accept, the counts it reports are the counts replay finds, and
/// a whole (tiny) benchmark run measures those same counts. Nothing here is timed.
@Suite("Benchmark generator and replay", .serialized, .enabled(if: benchTool() != nil, "thidua-bench is not built"))
struct BenchSmokeTests {
    @Test("two generated wards check, verify, replay to a full year, and are the same bytes every time")
    func generatedWards() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-bench-smoke-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let (status, output) = try generate(into: base.appendingPathComponent("a"), wards: 2)
        #expect(status == 0, "\(output)")
        let wards = try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("a/wards").path).sorted()
        #expect(wards.count == 2)
        let campaignFiles = Workspace(root: Harness.root).campaignFiles().count

        // What the generator says it wrote: "2 ward(s), N events, … of journals in …".
        let reported = numbers(output)
        #expect(reported.first == 2, "\(output)")
        let reportedEvents = reported.count > 1 ? reported[1] : -1

        var events = 0
        var decisions = 0
        var submissions = 0
        for name in wards {
            let ward = base.appendingPathComponent("a/wards").appendingPathComponent(name)
            let check = Harness.run(["check", "--draft"], in: ward)
            #expect(check.code == 0, "\(check.output)\(check.errors)")
            let verify = Harness.run(["verify"], in: ward)
            #expect(verify.code == 0, "\(verify.output)\(verify.errors)")

            let workspace = Workspace(root: ward)
            let roster = try workspace.loadRoster()
            #expect((60...100).contains(roster.people.count) && (10...14).contains(roster.units.count))
            let ids = workspace.journalIDs()
            #expect(ids == workspace.campaignIDs())
            #expect(ids.count == campaignFiles)
            for id in ids {
                let contents = try workspace.journal(for: id).read()
                #expect(contents.failure == nil && contents.tornBytes == 0, "\(id)")
                #expect(contents.events.count == contents.lines, "\(id)")
                #expect(contents.events.map(\.seq) == Array(1...max(1, contents.lines)), "\(id)")
                let state = CampaignState(events: contents.events)
                #expect(state.otherEvents == 0, "\(id): events the fold did not understand")
                #expect(!state.submissions.isEmpty && state.launched != nil, "\(id)")
                #expect(state.lastSeq == contents.events.count, "\(id)")
                events += contents.events.count
                decisions += state.decisions.count
                submissions += state.submissions.count
                // Replay reads each line from its bytes; the String reading must give the same.
                let bytes = try #require(FileManager.default.contents(atPath: workspace.journal(for: id).url.path))
                for line in bytes.split(separator: 0x0A) {
                    let fast = Array(line).withUnsafeBufferPointer { JournalEvent.parse(utf8: $0) }
                    let slow = JournalEvent.parse(String(decoding: line, as: UTF8.self))
                    #expect(fast.0 != nil && fast.0 == slow.0 && fast.1 == slow.1, "\(id)")
                }
                // Replay reads rows directly (JSONValueDecodable); Decodable must give the same.
                for event in contents.events where event.kind == .submission {
                    let rows = try #require(event.payload["rows"])
                    let direct = try rows.decode([SubmissionRow].self)
                    let decodable = try JSONNodeDecoder.decode([SubmissionRow].self, from: rows.node).0
                    #expect(direct == decodable, "\(id) line \(event.seq)")
                }
                // Ballots and appraisals too (`JSONValueDecodable+Payloads.swift`).
                for event in contents.events {
                    switch event.kind {
                    case .ballot: try PayloadDecodingTests.same(BallotPayload.self, event.payload)
                    case .appraisal: try PayloadDecodingTests.same(AppraisalPayload.self, event.payload)
                    default: continue
                    }
                }
            }
        }
        #expect(events == reportedEvents, "the generator reported \(reportedEvents) events, replay found \(events)")
        // A year of a ward: hundreds of events, most of them submissions, and decisions at the end.
        #expect(events >= 2 * 300 && submissions * 2 >= events, "\(events) events, \(submissions) submissions")
        #expect(decisions > 0, "no campaign reached a decision")

        // The bench's own replay over the kept folder finds the same events.
        let (replayStatus, replayOutput) = try bench(["profile", "replay", base.appendingPathComponent("a").path])
        #expect(replayStatus == 0, "\(replayOutput)")
        #expect(numbers(replayOutput).first == events, "\(replayOutput)")

        // The same seed writes the same bytes; a second run reuses the folder.
        let (again, _) = try generate(into: base.appendingPathComponent("b"), wards: 2)
        #expect(again == 0)
        for name in wards {
            let a = Workspace(root: base.appendingPathComponent("a/wards").appendingPathComponent(name))
            let b = Workspace(root: base.appendingPathComponent("b/wards").appendingPathComponent(name))
            for id in a.journalIDs() {
                let first = FileManager.default.contents(atPath: a.journal(for: id).url.path)
                let second = FileManager.default.contents(atPath: b.journal(for: id).url.path)
                #expect(first != nil && first == second, "\(name)/\(id) differs between two runs with the same seed")
            }
        }
        let (reused, reuseOutput) = try generate(into: base.appendingPathComponent("a"), wards: 2)
        #expect(reused == 0 && reuseOutput.contains("reused"), "\(reuseOutput)")
    }

    @Test("a whole benchmark run of one ward reports the counts it measured")
    func wholeRun() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-bench-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("results.json")
        let (status, text) = try bench([
            "--scale", "ward", "--keep", base.appendingPathComponent("wards").path, "--repo", Harness.root.path, "--out", out.path,
            "--threads", "1", "--startup-runs", "1", "--dossier-samples", "1", "--render-samples", "1",
        ])
        #expect(status == 0, "\(text)")
        #expect(text.contains("journal replay") && text.contains("Goals:"), "\(text)")
        let data = try #require(FileManager.default.contents(atPath: out.path))
        let results = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        func figure(_ path: String...) -> Int? {
            var node: Any? = results
            for key in path { node = (node as? [String: Any])?[key] }
            return (node as? NSNumber)?.intValue
        }
        let events = try #require(figure("generation", "events"))
        let campaignFiles = Workspace(root: Harness.root).campaignFiles().count
        #expect(figure("wards") == 1)
        #expect(figure("generation", "journals") == campaignFiles)
        #expect(events > 300)
        // Replay, the floor and the end-to-end pass each read every line that was written.
        #expect(figure("replay", "items") == events)
        #expect(figure("floor", "items") == events)
        #expect(figure("breakdown", "lines") == events)
        #expect(figure("endToEnd", "events") == events)
        #expect(figure("endToEnd", "errors") == 0 && figure("endToEndWithDossiers", "errors") == 0)
        #expect(figure("load", "items") == campaignFiles)
        #expect(figure("endToEnd", "files") == campaignFiles)
        // Evaluation ranks every enrolled participant; the end-to-end pass counts the same.
        let participants = try #require(figure("evaluation", "items"))
        #expect(participants > 50 && figure("endToEnd", "participants") == participants)
        // One dossier: the same documents whether built alone, rendered, or in the end-to-end pass.
        let documents = try #require(figure("dossier", "documentsPerWard"))
        #expect(documents > campaignFiles && figure("build", "items") == documents)
        #expect(figure("endToEndWithDossiers", "documents") == documents)
        for format in ["md", "html", "docx"] {
            #expect(figure("render", format, "items") == documents, "\(format)")
            #expect((figure("render", format, "bytes") ?? 0) > 0, "\(format)")
        }
        let goals = try #require(results["goals"] as? [[String: Any]])
        #expect(goals.contains { ($0["goal"] as? String)?.hasPrefix("replay") == true })
    }
}

/// Replay reads each journal line straight from its bytes (`JournalEvent.parse(utf8:)`, by
/// `JSONFastReader`); it must give exactly what `JournalEvent.parse(String)` gives, event or
/// reason, for every line: the reader gives up on anything unusual and the full parser decides.
@Suite("Journal lines read straight from bytes")
struct JournalLineReadingTests {
    /// Both readings of `line`, compared exactly (numbers by bit pattern, text by scalars).
    func same(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) {
        same(Array(line.utf8), sourceLocation: sourceLocation)
    }

    func same(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let fast = bytes.withUnsafeBufferPointer { JournalEvent.parse(utf8: $0) }
        let slow = JournalEvent.parse(String(decoding: bytes, as: UTF8.self))
        let shown = String(decoding: bytes.prefix(160), as: UTF8.self)
        #expect(fast.1 == slow.1, "\(shown)", sourceLocation: sourceLocation)
        switch (fast.0, slow.0) {
        case (nil, nil): break
        case (let a?, let b?):
            #expect(a.seq == b.seq && a.date == b.date && a.kind == b.kind, "\(shown)", sourceLocation: sourceLocation)
            #expect(scalars(a.time) == scalars(b.time) && scalars(a.actor) == scalars(b.actor), "\(shown)", sourceLocation: sourceLocation)
            #expect(scalars(a.prev) == scalars(b.prev), "\(shown)", sourceLocation: sourceLocation)
            #expect(identical(a.payload, b.payload), "\(shown)", sourceLocation: sourceLocation)
        default:
            Issue.record("one reading gave an event, the other did not: \(shown)", sourceLocation: sourceLocation)
        }
    }

    func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    func identical(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x.bitPattern == y.bitPattern
        case (.string(let x), .string(let y)): return scalars(x) == scalars(y)
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { identical($0, $1) }
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { scalars($0.key) == scalars($1.key) && identical($0.value, $1.value) }
        default: return false
        }
    }

    /// A line with `payload` spliced in as written.
    func line(payload: String, seq: String = "1", date: String = "\"2026-03-01\"") -> String {
        #"{"seq":\#(seq),"time":"2026-03-01T08:00:00Z","date":\#(date),"actor":"Nguyễn Thị Lan","kind":"submission","payload":\#(payload),"prev":"\#(JournalEvent.genesis)"}"#
    }

    static let payloads: [String] = [
        "{}", "[]", "null", "true", "false", "0", "-0", "-0.0", "007", "1e3", "1E+3", "2.5e-3", "98.5", "123456789012345",
        "1234567890123456", "12345678901234567890", "1e400", "-1e400", "0.1", "[0.30000000000000004, -7, 1.0]",
        #"{"a":1,"b":[1,2,{"c":null}],"d":"Ủy ban nhân dân phường"}"#,
        #"{"rows":[{"line":2,"values":{"ten":{"text":"“Dân vận khéo” – năm 2026 … ≥ 98% → đạt"}}}]}"#,
        #"{"s":"a\nb\t\"q\" \\ \/ \b\f\r"}"#, #"{"s":"\u1ee6y \ud83d\ude00 \u0000"}"#, #"{"s":"\ud83d"}"#,
        #"{"s":"\ud83dx"}"#, #"{"s":"\udc00"}"#, #"{"s":"\uZZZZ"}"#, #"{"s":"\x"}"#, #"{"s":"Nguye\u0302\u0303n"}"#,
        "{\"s\":\"Nguye\u{0302}\u{0303}n\"}", #"{"a":1,"a":2}"#, "{\"é\":1,\"e\u{0301}\":2}", "{\"K\":1,\"\u{212A}\":2}",
        #"{"a":1,}"#, "[1,2,]", "[,1]", "{,}", #"{"a" 1}"#, #"{"a":}"#, "[1 2]", "{\"a\":98,5}", "[98,5]", "{\"a\":98%}",
        "// c\n{}", "/* c */ {}", "{} // c", " { \"a\" : [ 1 , 2 ] } ", "\t{\r\n}", "-", "-x", "1.", ".5", "1e", "1e+", "tru",
        "nul", "falsey", #""text""#, #"{"a":"unterminated}"#, "{\"a\":\"tab\there\"}",
        String(repeating: "[", count: 199) + String(repeating: "]", count: 199),
        String(repeating: "[", count: 201) + String(repeating: "]", count: 201),
        String(repeating: "{\"a\":", count: 199) + "1" + String(repeating: "}", count: 199),
        "{" + (0..<40).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}",
        "{" + (0..<40).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + ",\"k3\":1}",
    ]

    @Test("odd payloads read the same both ways")
    func payloads() {
        for payload in Self.payloads { same(line(payload: payload)) }
    }

    @Test("odd lines read the same both ways")
    func lines() {
        let good = line(payload: "{}")
        same(good)
        same("\u{FEFF}" + good)
        same(good + " ")
        same(good + "x")
        same(good + "{}")
        same("[" + good + "]")
        same("")
        same("   ")
        same(line(payload: "{}", seq: "1.0"))
        same(line(payload: "{}", seq: "-3"))
        same(line(payload: "{}", seq: "99999999999999999999"))
        same(line(payload: "{}", seq: "\"1\""))
        same(line(payload: "{}", date: "\"01/03/2026\""))
        same(line(payload: "{}", date: "\"31/02/2026\""))
        same(line(payload: "{}", date: "\" 2026-03-01\""))
        same(line(payload: "{}", date: "20260301"))
        for key in ["seq", "time", "date", "actor", "kind", "payload", "prev"] {
            // Each field missing, and each present twice.
            same(good.replacingOccurrences(of: "\"\(key)\":", with: "\"x\(key)\":"))
            same(String(good.dropLast()) + ",\"\(key)\":1}")
        }
        same(#"{"kind":"launch","seq":1,"extra":[1,2],"time":"t","date":"2026-01-01","actor":"a","payload":{},"prev":"p"}"#)
        // Invalid UTF-8 inside and outside a string: the String reading repairs it first.
        var bytes = Array(good.utf8)
        if let i = bytes.firstIndex(of: UInt8(ascii: "N")) { bytes[i] = 0xFF }
        same(bytes)
        same([0xC3] + Array(good.utf8))
        same(Array(line(payload: "{\"s\":\"a\u{00E9}b\"}").utf8).map { $0 == 0xA9 ? 0x29 : $0 })
    }

    @Test("writing a string whole gives the bytes writing it scalar by scalar gives")
    func writerStrings() throws {
        let texts = [
            "", "a", "Ủy ban nhân dân", "“Dân vận khéo” – năm 2026 … ≥ 98% → đạt", "a\"b", "a\\b", "a\nb", "a\rb\tc", "\u{0}\u{1F}\u{7F}",
            "Nguye\u{0302}\u{0303}n", "😀 \u{212A}", "/slash/",
        ]
        for text in texts {
            var written = ""
            JSONWriter.string(text, into: &written)
            #expect(Array(written.utf8) == Array(reference(text).utf8), "\(text)")
            // And what is written reads back to the same text.
            let back = try JSONParser.parse(written).value
            #expect(back == .string(text) && scalars(back.string ?? "") == scalars(text), "\(text)")
        }
    }

    /// `JSONWriter.string` as it was: scalar by scalar.
    func reference(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
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
