import Foundation
import Testing
import ThiDuaCore

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 16: the crash test on the real command. `thidua submit` of 10,000 rows (a journal line
/// of several megabytes) is killed with SIGKILL at random moments: every submission in the
/// journal is whole, every one the command acknowledged is there, the chain and the head
/// hold after each kill, and the next submit sets aside any torn tail and verifies.
@Suite("Crash: a real thidua submit killed mid-write", .serialized, .enabled(if: Subprocess.thidua != nil, "thidua is not built"))
struct KilledSubmitTests {
    static let campaign = "minh-xuan-dvk-2026"
    static let journal = "data/minh-xuan-dvk-2026.journal.jsonl"

    /// The submissions recorded and the number of rows of each.
    static func submissions(_ ws: FaultWorkspace) throws -> (rows: [Int], failure: String?) {
        let contents = try JournalStore(url: ws.url(journal), root: ws.root).read()
        let rows = contents.events.filter { $0.kind == .submission }.map { event -> Int in
            guard case .object(let members) = event.payload, case .array(let rows)? = members.first(where: { $0.key == "rows" })?.value else {
                return -1
            }
            return rows.count
        }
        return (rows, contents.failure.map { "dòng \($0.line): \($0.reason)" })
    }

    @Test("SIGKILL during a 10,000-row submit: all rows or none, acknowledged ones kept, chain and head valid")
    func killedSubmit() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let file = try ws.write("inbox/dang-ky.csv", FaultSuite.registrations(10_000))
        // One whole run first: how long a submit takes here, so the kills land around its write.
        let started = Date()
        let first = ws.run(["submit", Self.campaign, "dang-ky-mo-hinh", file])
        #expect(first.code == 0, "\(first.text.prefix(600))")
        let whole = Date().timeIntervalSince(started)
        var acknowledged = 1
        var killed = 0
        let deadline = Date().addingTimeInterval(min(120, max(45, whole * 6)))
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<8 where Date() < deadline {
            // --again: the same file is sent each time; this test is about a write cut short.
            guard let process = try ws.start(["submit", Self.campaign, "dang-ky-mo-hinh", file, "--again"]) else { return }
            let pause = Double.random(in: 0.5...1.3, using: &generator) * whole
            usleep(UInt32(pause * 1_000_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            if process.terminationReason == .exit && process.terminationStatus == 0 { acknowledged += 1 }
            let (rows, failure) = try Self.submissions(ws)
            #expect(failure == nil, "trial \(trial): \(failure ?? "")")
            #expect(rows.allSatisfy { $0 == 10_000 }, "trial \(trial): a partial submission \(rows)")
            #expect(rows.count >= acknowledged, "trial \(trial): an acknowledged submission was lost")
        }
        let line = ws.bytes(Self.journal).split(separator: 0x0A).map(\.count).max() ?? 0
        // A retry after a crash with the same file is refused as a duplicate, unless asked again.
        let retry = ws.run(["submit", Self.campaign, "dang-ky-mo-hinh", file])
        #expect(retry.code == 1 && retry.text.contains("giống hệt lần nộp"), "\(retry.text.prefix(600))")
        let again = ws.run(["submit", Self.campaign, "dang-ky-mo-hinh", file, "--again"])
        #expect(again.code == 0, "\(again.text.prefix(600))")
        let verified = ws.run(["verify", Self.campaign])
        #expect(verified.code == 0, "\(verified.text)")
        #expect(!verified.text.contains("cảnh báo"), "\(verified.text)")
        #expect(line > 2_000_000, "the journal line was only \(line) bytes")
        print("killed submit: \(killed) kills, \(acknowledged) acknowledged, longest line \(line) bytes")
    }
}
