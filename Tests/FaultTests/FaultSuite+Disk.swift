import Foundation
import Testing

/// A full disk and a read-only workspace: each write refused with a clear error and nothing
/// half-written.
///
/// A full disk is simulated by running the built `thidua` under a file-size limit
/// (`prlimit --fsize`, with SIGXFSZ ignored) so a write stops part-way with EFBIG after some
/// bytes went out, which is what a disk filling up mid-append does. (A journal linked to
/// `/dev/full` is now refused as a link: `HostileWorkspaceTests`.)
extension FaultSuite {
    static let journal = "data/minh-xuan-dvk-2026.journal.jsonl"

    /// A registration file with many rows, so its journal line is long.
    static func registrations(_ count: Int) -> String {
        var text =
            "\"Cơ quan, đơn vị, tổ dân phố đăng ký\",Tên mô hình,Lĩnh vực,Địa bàn thực hiện,\"Mục tiêu, nội dung chủ yếu\",Lực lượng tham gia,Thời gian bắt đầu,Người phụ trách\n"
        for i in 1...count {
            text +=
                "Tổ dân phố \(1 + i % 2),Mô hình số \(i),Kinh tế - đô thị,Tổ dân phố \(1 + i % 2),Chỉnh trang,Đoàn thanh niên,01/02/2026,\n"
        }
        return text
    }

    /// A workspace with the roster imported and the two campaigns enrolled.
    static func enrolledWorkspace() throws -> (FaultWorkspace, cleanup: () -> Void) {
        let setups = try FaultWorkspaces.build(through: "enrolled")
        let ws = setups["enrolled"]!
        return (ws, { setups.values.forEach { $0.remove() } })
    }

    /// Runs the built `thidua` under `prlimit --fsize=<bytes>` with SIGXFSZ ignored; nil (with
    /// the reason printed) when the binary or the tools are missing.
    static func runLimited(_ ws: FaultWorkspace, bytes: Int, _ arguments: [String]) throws -> Subprocess.Outcome? {
        guard let binary = Subprocess.thidua else {
            Issue.record("the built `thidua` was not found beside the test bundle")
            return nil
        }
        guard let prlimit = Subprocess.tool("prlimit"), let sh = Subprocess.tool("sh") else {
            print("FaultSuite: prlimit (util-linux) not found: the mid-write disk-full case is skipped")
            return nil
        }
        let command =
            ([prlimit.path, "--fsize=\(bytes)", "--", binary.path, "--workspace", ws.root.path, "--today", FaultWorkspace.today]
            + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        // A coverage build's profile could not be written under the size limit either, and the
        // profile runtime's own "File too large" would land in the output the tests read.
        return try Subprocess.run(sh, ["-c", "trap '' XFSZ; LLVM_PROFILE_FILE=/dev/null exec \(command)"])
    }

    @Test("the disk fills up in the middle of a journal append: the journal keeps its bytes, no partial line")
    func journalFillsUpMidWrite() throws {
        let (ws, cleanup) = try Self.enrolledWorkspace()
        defer { cleanup() }
        let file = try ws.write("inbox/dang-ky.csv", Self.registrations(40))
        let journal = ws.root.appendingPathComponent(Self.journal)
        let size = try Data(contentsOf: journal).count
        let before = ws.snapshot()
        // Room for 100 more bytes: the 40-row line (several kilobytes) is cut after them.
        guard let outcome = try Self.runLimited(ws, bytes: size + 100, ["submit", "minh-xuan-dvk-2026", "dang-ky-mo-hinh", file]) else {
            return
        }
        #expect(!outcome.signaled, "thidua \(outcome.summary)")
        #expect(outcome.status == 1, "\(outcome.summary): \(outcome.output)\(outcome.errors)")
        #expect(outcome.errors.contains("\(Self.journal): không ghi được (đã hoàn tác, không có gì được ghi)"), "\(outcome.errors)")
        #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty, "the journal or its head changed")
        // The journal is whole: its chain verifies and the same submission goes in once there is room.
        let verified = ws.run(["verify", "minh-xuan-dvk-2026"])
        #expect(verified.code == 0, "\(verified.text)")
        let again = ws.run(["submit", "minh-xuan-dvk-2026", "dang-ky-mo-hinh", file])
        #expect(again.code == 0, "\(again.text)")
        #expect(ws.run(["verify", "minh-xuan-dvk-2026"]).code == 0)
    }

    @Test("the disk fills up while the roster is saved: the old roster stays, no temporary file is left")
    func rosterFillsUpMidWrite() throws {
        let (ws, cleanup) = try Self.enrolledWorkspace()
        defer { cleanup() }
        let file = try ws.write("inbox/them.csv", "Mã,Tên đơn vị,Loại,Trực thuộc\ntdp-3,Tổ dân phố 3,tổ dân phố,\n")
        let before = ws.snapshot()
        guard let outcome = try Self.runLimited(ws, bytes: 300, ["roster", "import", file]) else { return }
        #expect(!outcome.signaled, "thidua \(outcome.summary)")
        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("không ghi được roster/roster.json"), "\(outcome.errors)")
        #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty, "the roster changed or a temporary file was left")
    }

    @Test("documents on a full disk: clear error, no partial file in out/")
    func documentFillsUpMidWrite() throws {
        let (ws, cleanup) = try Self.enrolledWorkspace()
        defer { cleanup() }
        let before = ws.snapshot()
        guard
            let outcome = try Self.runLimited(
                ws, bytes: 2_000,
                ["doc", "minh-xuan-dvk-2026", "plan", "--format", "html", "--out", ws.root.appendingPathComponent("out").path])
        else {
            return
        }
        #expect(!outcome.signaled)
        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("Không ghi được «"), "\(outcome.errors)")
        #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty, "a partial document was left")
    }

    /// The commands a read-only workspace must refuse, with what each must say.
    static func readOnlyCommands(_ ws: FaultWorkspace) throws -> [(arguments: [String], message: String)] {
        let roster = try ws.write("inbox/them.csv", "Mã,Tên đơn vị,Loại,Trực thuộc\ntdp-3,Tổ dân phố 3,tổ dân phố,\n")
        let registrations = try ws.write("inbox/dang-ky.csv", Self.registrations(2))
        return [
            (["launch", "minh-xuan-dvk-2026"], "\(Self.journal): không mở được để ghi"),
            (["submit", "minh-xuan-dvk-2026", "dang-ky-mo-hinh", registrations], "\(Self.journal): không mở được để ghi"),
            (["roster", "import", roster], "không ghi được roster/roster.json"),
            (["doc", "minh-xuan-dvk-2026", "plan", "--out", ws.root.appendingPathComponent("out").path], "Không ghi được «"),
        ]
    }

    @Test("a read-only workspace: every write refused with a clear error, nothing changed")
    func readOnlyWorkspace() throws {
        let (ws, cleanup) = try Self.enrolledWorkspace()
        defer { cleanup() }
        let commands = try Self.readOnlyCommands(ws)
        let folders = ["data", "roster", "out"].map { ws.root.appendingPathComponent($0).path }
        if !Subprocess.isRoot {
            for folder in folders { try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder) }
            defer { for folder in folders { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) } }
            let before = ws.snapshot()
            for (arguments, message) in commands {
                let result = ws.run(arguments)
                #expect(result.code == 1, "\(arguments): \(result.text)")
                #expect(result.text.contains(message), "\(arguments): \(result.text)")
                #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty, "\(arguments) changed a file")
            }
            return
        }
        // Root writes through any permission bits, so chmod proves nothing here. Run the built
        // binary as the unprivileged user `nobody` instead: to it the whole workspace is read-only.
        guard let setpriv = Subprocess.tool("setpriv"), let binary = Subprocess.thidua else {
            print(
                "FaultSuite: running as root, where chmod does not stop a write, and setpriv or the built thidua is missing: read-only case skipped"
            )
            return
        }
        let before = ws.snapshot()
        for (arguments, message) in commands {
            let outcome = try Subprocess.run(
                setpriv,
                [
                    "--reuid=65534", "--regid=65534", "--clear-groups", "--", binary.path, "--workspace", ws.root.path, "--today",
                    FaultWorkspace.today,
                ]
                    + arguments)
            #expect(!outcome.signaled, "\(arguments): thidua \(outcome.summary)")
            #expect(outcome.status == 1, "\(arguments): \(outcome.summary) \(outcome.errors)")
            #expect(outcome.errors.contains(message), "\(arguments): \(outcome.errors)")
            #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty, "\(arguments) changed a file")
        }
        print("FaultSuite: running as root: the read-only workspace was checked by running thidua as user nobody (setpriv)")
    }
}
