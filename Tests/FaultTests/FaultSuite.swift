import Foundation
import Testing
import ThiDuaCLI

/// The fault and bad-input suite: every malformed file of `Corpus/` run through the real
/// command line against a temporary workspace, the disk-full and read-only workspace
/// (`FaultSuite+Disk.swift`), and the inputs the fuzzers found (`FaultSuite+Fuzz.swift`).
///
/// For each case: the exit code is 1 (or what the manifest says), the message names the file
/// (and the line where it has one) and holds the expected Vietnamese fragment, no file of the
/// workspace changed, and, for a sample run through the built `thidua` as a child process, the
/// process ended with an exit status, never a signal.
@Suite("Fault and bad-input suite")
struct FaultSuite {
    /// One case ready to run: the manifest's, or one generated here (too big to keep on disk).
    struct PreparedCase {
        var category: String
        var name: String
        var setup: String
        var destination: String
        var bytes: Data
        var command: [String]
        var expect: String
        var at: Int?
        var exit: Int32
        var also: [(source: URL, target: String)]
        var place: String?
        var gap: String?

        var label: String { "\(category)/\(name)" }
    }

    /// What the suite counted.
    struct Tally {
        var tried = 0
        var clear = 0
        var gaps: [String] = []
        var warningsOnly = 0
        var sampled = 0
        var crashes: [String] = []
        var changed: [String] = []
    }

    /// Runs through the child process every `sampleEvery`-th case.
    static let sampleEvery = 4

    static func preparedCases() throws -> [PreparedCase] {
        var out: [PreparedCase] = []
        for (name, category) in try Corpus.categories() {
            let folder = Corpus.folder.appendingPathComponent(name)
            for c in category.cases {
                let bytes = try Data(contentsOf: folder.appendingPathComponent(c.file))
                out.append(
                    PreparedCase(
                        category: name, name: c.file, setup: c.setup ?? category.setup,
                        destination: category.into + "/" + (category.as ?? c.file), bytes: bytes, command: c.command ?? category.command,
                        expect: c.expect, at: c.at, exit: c.exit ?? 1,
                        also: (c.also ?? [:]).sorted { $0.key < $1.key }.map { (folder.appendingPathComponent($0.key), $0.value) },
                        place: c.place, gap: c.gap))
            }
        }
        out.append(tenThousandRows())
        return out
    }

    /// 10,000 registrations of which row 7,777 has 31/02: one error, nothing recorded.
    static func tenThousandRows() -> PreparedCase {
        var text =
            "\"Cơ quan, đơn vị, tổ dân phố đăng ký\",Tên mô hình,Lĩnh vực,Địa bàn thực hiện,\"Mục tiêu, nội dung chủ yếu\",Lực lượng tham gia,Thời gian bắt đầu,Người phụ trách\n"
        for i in 1...10_000 {
            let day = i == 7_777 ? "31/02/2026" : "01/02/2026"
            text += "Tổ dân phố \(1 + i % 2),Mô hình số \(i),Kinh tế - đô thị,Tổ dân phố \(1 + i % 2),Chỉnh trang,Đoàn thanh niên,\(day),\n"
        }
        return PreparedCase(
            category: "submission", name: "sinh-ra-10000-dong.csv", setup: "enrolled", destination: "inbox/sinh-ra-10000-dong.csv",
            bytes: Data(text.utf8), command: ["submit", "minh-xuan-dvk-2026", "dang-ky-mo-hinh", "{file}"],
            expect: "ngày 31/02/2026 không có thật", at: 7_778, exit: 1, also: [], place: nil, gap: nil)
    }

    /// Copies a case into a copy of its setup; returns the workspace and the command line.
    static func stage(_ c: PreparedCase, from setups: [String: FaultWorkspace], label: String) throws -> (FaultWorkspace, [String]) {
        guard let template = setups[c.setup] else { throw FaultWorkspaces.SetupError(step: c.setup, text: "no such setup") }
        let ws = try template.copy(label)
        var alsoPaths: [String] = []
        for (source, target) in c.also {
            alsoPaths.append(try ws.write(target, try Data(contentsOf: source)))
        }
        let file = try ws.write(c.destination, c.bytes)
        let command = c.command.map {
            $0.replacingOccurrences(of: "{file}", with: file).replacingOccurrences(of: "{also}", with: alsoPaths.first ?? "")
        }
        return (ws, command)
    }

    @Test("every malformed file gives a clear error, changes no file, and never crashes")
    func corpus() throws {
        let cases = try Self.preparedCases()
        #expect(cases.count >= 100, "the corpus holds \(cases.count) cases")
        let setups = try FaultWorkspaces.build()
        defer { setups.values.forEach { $0.remove() } }
        let binary = Subprocess.thidua
        if binary == nil {
            Issue.record("the built `thidua` was not found beside the test bundle; `swift build` builds it")
        }
        var tally = Tally()
        for (index, c) in cases.enumerated() {
            tally.tried += 1
            let (ws, command) = try Self.stage(c, from: setups, label: "case")
            defer { ws.remove() }
            let before = ws.snapshot()
            let result = ws.run(command)
            let changes = FaultWorkspace.changes(before, ws.snapshot())
            if !changes.isEmpty { tally.changed.append(c.label) }
            #expect(changes.isEmpty, "\(c.label): a failed command changed \(changes)")
            if check(c, result, &tally) { tally.clear += 1 }
            if c.exit == 0 { tally.warningsOnly += 1 }

            if index % Self.sampleEvery == 0, let binary {
                tally.sampled += 1
                let (child, childCommand) = try Self.stage(c, from: setups, label: "child")
                defer { child.remove() }
                let childBefore = child.snapshot()
                let arguments =
                    ["--workspace", child.root.path, "--today", FaultWorkspace.today, "--actor", "Cán bộ kiểm thử"] + childCommand
                let outcome = try Subprocess.run(binary, arguments)
                if outcome.signaled || outcome.timedOut { tally.crashes.append("\(c.label): \(outcome.summary)") }
                #expect(!outcome.signaled && !outcome.timedOut, "\(c.label): thidua \(outcome.summary)\n\(outcome.errors)")
                #expect(outcome.status == c.exit, "\(c.label): thidua ended with \(outcome.summary), expected exit \(c.exit)")
                #expect([0, 1, 64].contains(outcome.status))
                #expect(FaultWorkspace.changes(childBefore, child.snapshot()).isEmpty, "\(c.label): the child process changed a file")
            }
        }
        print(
            """
            FaultSuite: cases tried: \(tally.tried); clear errors: \(tally.clear) \
            (\(tally.warningsOnly) of them warnings by design, exit 0); \
            refused with a clear message that does not name the file (known gaps): \(tally.gaps.count); \
            crashes: \(tally.crashes.count) (in-process: 0, the test process survived every case; \
            child processes: \(tally.crashes.count) of \(tally.sampled) sampled); \
            files changed by a failed command: \(tally.changed.count).
            """)
        if !tally.gaps.isEmpty { print("FaultSuite: known gaps: " + tally.gaps.joined(separator: ", ")) }
        #expect(tally.crashes.isEmpty)
        #expect(tally.changed.isEmpty)
    }

    /// Checks one in-process result; true when the error is clear (exit code, fragment, place).
    func check(_ c: PreparedCase, _ result: FaultWorkspace.Result, _ tally: inout Tally) -> Bool {
        let text = result.text
        var clear = true
        if result.code != c.exit {
            Issue.record("\(c.label): exit \(result.code), expected \(c.exit)\n\(text)")
            clear = false
        }
        if !text.contains(c.expect) {
            Issue.record("\(c.label): the message lacks «\(c.expect)»:\n\(text)")
            clear = false
        }
        let fileName = (c.destination as NSString).lastPathComponent
        let place = c.place ?? (c.at.map { "\(fileName):\($0)" } ?? fileName)
        if let gap = c.gap {
            tally.gaps.append(c.label)
            clear = false
            withKnownIssue("\(c.label): \(gap)") {
                #expect(text.contains(fileName), "\(c.label): the message does not name \(fileName):\n\(text)")
            }
        } else if !text.contains(place) {
            Issue.record("\(c.label): the message does not name «\(place)»:\n\(text)")
            clear = false
        }
        return clear
    }
}
