import Foundation
import Testing
import ThiDuaCore

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 16, defects 3 and 5: one lock discipline. Two roster imports at once both land; a
/// second writer waits its turn (bounded, saying who holds the lock); a holder stopped with
/// Ctrl-Z blocks no reader. Run with the built `thidua` as child processes.
@Suite("Locks: writers wait their turn, readers never block", .serialized, .enabled(if: Subprocess.thidua != nil, "thidua is not built"))
struct LockTests {
    static let campaign = "minh-xuan-dvk-2026"
    static let journal = "data/minh-xuan-dvk-2026.journal.jsonl"

    @Test("two roster imports at once: both report success and both are kept (5 rounds)")
    func concurrentImports() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        var expected: [String] = []
        for round in 0..<5 {
            var processes: [Process] = []
            for side in ["a", "b"] {
                let id = "to-\(side)-\(round)"
                let file = try ws.write("inbox/\(id).csv", "Mã,Tên đơn vị,Loại,Trực thuộc\n\(id),Tổ \(side.uppercased()) vòng \(round),tổ dân phố,\n")
                if let process = try ws.start(["roster", "import", file]) { processes.append(process) }
                expected.append(id)
            }
            for process in processes {
                process.waitUntilExit()
                #expect(process.terminationStatus == 0)
            }
        }
        let listed = ws.run(["roster", "list", "--format", "json"]).output
        let lost = expected.filter { !listed.contains("\"\($0)\"") }
        #expect(lost.isEmpty, "imports reported as done but lost: \(lost)")
    }

    /// Holds the journal's lock as a writer stopped with Ctrl-Z would: the lock file of this
    /// version (with a holder line) and, as older versions locked, the journal itself.
    final class StoppedWriter {
        let lock: FileLock
        let journalDescriptor: Int32

        init(_ ws: FaultWorkspace) throws {
            let folder = try CheckedFolder.open(ws.url("data"), under: ws.root, create: false)
            lock = try FileLock.acquire(
                "minh-xuan-dvk-2026.journal.jsonl.lock", in: folder, what: "nhật ký", policy: LockPolicy(timeout: 1))
            journalDescriptor = open(ws.url(LockTests.journal).path, O_RDWR)
            _ = flock(journalDescriptor, LOCK_EX)
        }

        func resume() {
            lock.release()
            _ = flock(journalDescriptor, LOCK_UN)
            close(journalDescriptor)
        }
    }

    @Test("a writer stopped mid-command: readers run at once; a second writer waits, then says who holds the lock")
    func stoppedWriter() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let holder = try StoppedWriter(ws)
        defer { holder.resume() }
        let before = ws.snapshot()
        for reader in [["evaluate", Self.campaign], ["verify", Self.campaign], ["evaluate", Self.campaign]] {
            guard let outcome = try ws.spawn(reader, timeout: 20) else { return }
            #expect(!outcome.timedOut, "\(reader) was blocked by the stopped writer")
        }
        let started = Date()
        guard let writer = try ws.spawn(["launch", Self.campaign], timeout: 20, environment: ["THIDUA_LOCK_WAIT": "1"]) else { return }
        #expect(!writer.timedOut && writer.status == 1, "\(writer.summary): \(writer.errors)")
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(writer.errors.contains("Đang chờ"), "\(writer.errors)")
        #expect(writer.errors.contains("pid \(getpid())"), "the holder is not named: \(writer.errors)")
        #expect(writer.errors.contains("Ctrl-Z"), "\(writer.errors)")
        #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty)
    }

    @Test("a second writer waits its turn and then writes")
    func waitsItsTurn() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let holder = try StoppedWriter(ws)
        let errors = FaultWorkspace.fresh("errors")
        defer { try? FileManager.default.removeItem(at: errors) }
        guard let writer = try ws.start(["launch", Self.campaign], errors: errors) else {
            holder.resume()
            return
        }
        Thread.sleep(forTimeInterval: 1.5)
        #expect(writer.isRunning, "the second writer did not wait")
        holder.resume()
        writer.waitUntilExit()
        let said = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        #expect(writer.terminationStatus == 0, "\(said)")
        #expect(said.contains("Đang chờ: nhật ký \(Self.journal) đang được một lệnh khác dùng"), "\(said)")
        #expect(ws.run(["verify", Self.campaign]).code == 0)
    }
}
