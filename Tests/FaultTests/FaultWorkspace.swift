import Foundation
import Testing
import ThiDuaCLI

/// A temporary workspace driven by the real command line, in-process.
struct FaultWorkspace {
    let root: URL

    /// The date every command runs on, so deadlines and locks do not depend on the clock.
    static let today = "2026-11-20"

    struct Result {
        var code: Int32
        var output: String
        var errors: String
        /// Both streams, with the workspace's path taken out so messages read as the user sees them.
        var text: String
    }

    /// A new empty folder under the temporary directory (not yet a workspace).
    static func fresh(_ label: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("thidua-fault-\(label)-\(UUID().uuidString)")
    }

    /// Runs `thidua --workspace <root> --today … --actor … <arguments>` in this process.
    @discardableResult
    func run(_ arguments: [String], today: String = FaultWorkspace.today) -> Result {
        let capture = CapturingConsole()
        let full = ["--workspace", root.path, "--today", today, "--actor", "Cán bộ kiểm thử"] + arguments
        let code = CLI.run(full, console: capture.console, currentDirectory: root.path)
        let text = (capture.output + capture.errors).replacingOccurrences(of: root.path + "/", with: "")
        return Result(code: code, output: capture.output, errors: capture.errors, text: text)
    }

    /// Writes a file (creating its folder) and returns its absolute path.
    @discardableResult
    func write(_ relative: String, _ data: Data) throws -> String {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url.path
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String { try write(relative, Data(text.utf8)) }

    /// A copy of this workspace in a new temporary folder.
    func copy(_ label: String) throws -> FaultWorkspace {
        let target = Self.fresh(label)
        try FileManager.default.copyItem(at: root, to: target)
        return FaultWorkspace(root: target)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Every entry under the root: files with their bytes, symlinks with their target,
    /// folders as present. Equal snapshots mean nothing was written, created or removed.
    func snapshot() -> [String: Data] {
        var out: [String: Data] = [:]
        let base = root.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return out }
        while let relative = enumerator.nextObject() as? String {
            // The cache may be written by any command and is not the workspace's content.
            if relative == ".thidua" || relative.hasPrefix(".thidua/") { continue }
            let path = base + "/" + relative
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                out[relative] = Data(("-> " + target).utf8)
                continue
            }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            out[relative] =
                isDirectory.boolValue ? Data("<folder>".utf8) : (FileManager.default.contents(atPath: path) ?? Data("<unreadable>".utf8))
        }
        return out
    }

    /// The paths that differ between two snapshots.
    static func changes(_ before: [String: Data], _ after: [String: Data]) -> [String] {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }
}

/// The workspaces the corpus starts from, each built from the one before by real commands:
/// `bare` → `roster` → `enrolled` → `assessed` → `review-open` → `review-closed`.
enum FaultWorkspaces {
    static let units = """
        Mã,Tên đơn vị,Loại,Trực thuộc
        van-phong,Văn phòng HĐND và UBND,phòng/ban,
        phong-vhxh,Phòng Văn hóa – Xã hội,phòng/ban,
        cong-an,Công an phường,Công an,
        tdp-1,Tổ dân phố 1,tổ dân phố,
        tdp-2,Tổ dân phố 2,tổ dân phố,
        hoi-phu-nu,Hội Liên hiệp Phụ nữ,đoàn thể,

        """
    static let people = """
        Họ và tên,Chức vụ,Đơn vị,Ngày sinh
        Nguyễn Thị Lan,Chánh Văn phòng,Văn phòng HĐND và UBND,12/03/1985
        Trần Văn Hùng,Chuyên viên,Văn phòng HĐND và UBND,
        Lê Thị Mai,Trưởng phòng,Phòng Văn hóa – Xã hội,
        Phạm Quốc Việt,Tổ trưởng,Tổ dân phố 1,
        Hoàng Văn Nam,Tổ trưởng,Tổ dân phố 2,05/11/1970

        """
    static let selfAssessment = """
        "Cơ quan, đơn vị",Tiêu chí,Tự đánh giá đạt,Điểm tự chấm,"Tài liệu, minh chứng"
        Văn phòng HĐND và UBND,ky-luat-ky-cuong,có,,
        Văn phòng HĐND và UBND,sang-kien,có,,Quyết định công nhận sáng kiến số 12/QĐ-UBND
        Phòng Văn hóa – Xã hội,ky-luat-ky-cuong,có,,
        Phòng Văn hóa – Xã hội,dan-dau,không,,

        """
    static let members = """
        Họ và tên,Chức vụ trong Hội đồng
        Nguyễn Văn An,Chủ tịch Hội đồng
        Trần Thị Bình,Thư ký
        Lê Văn Cường,Ủy viên
        Phạm Thị Dung,Ủy viên
        Hoàng Văn Em,Ủy viên

        """
    static let ballots = """
        Thành viên,Mã đề cử,Biểu quyết
        Nguyễn Văn An,1,đồng ý
        Trần Thị Bình,1,đồng ý
        Lê Văn Cường,1,đồng ý
        Phạm Thị Dung,1,xung đột lợi ích

        """

    /// The order setups build in; each starts from the one before it.
    static let chain = ["bare", "roster", "enrolled", "assessed", "review-open", "review-closed"]

    /// Builds every setup up to `last` in new folders; the caller removes them.
    static func build(through last: String = "review-closed") throws -> [String: FaultWorkspace] {
        var built: [String: FaultWorkspace] = [:]
        var previous: FaultWorkspace?
        for name in chain {
            let ws = try previous?.copy(name) ?? makeBare()
            if previous != nil { try advance(ws, to: name) }
            built[name] = ws
            previous = ws
            if name == last { break }
        }
        return built
    }

    static func makeBare() throws -> FaultWorkspace {
        let root = FaultWorkspace.fresh("bare")
        let capture = CapturingConsole()
        let code = CLI.run(["init", root.path], console: capture.console, currentDirectory: NSTemporaryDirectory())
        guard code == 0 else { throw SetupError(step: "init", text: capture.errors) }
        let ws = FaultWorkspace(root: root)
        for name in directiveNames() {
            try FileManager.default.copyItem(
                at: Corpus.repository.appendingPathComponent("directives/\(name)"), to: root.appendingPathComponent("directives/\(name)"))
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("inbox"), withIntermediateDirectories: true)
        return ws
    }

    /// The repository's directive files, copied into every corpus workspace so plans and
    /// directives can cite them.
    static func directiveNames() -> [String] {
        let folder = Corpus.repository.appendingPathComponent("directives")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    struct SetupError: Error, CustomStringConvertible {
        var step: String
        var text: String
        var description: String { "setup step «\(step)» failed: \(text)" }
    }

    static func expectSuccess(_ result: FaultWorkspace.Result, _ step: String) throws {
        guard result.code == 0 else { throw SetupError(step: step, text: result.text) }
    }

    static func advance(_ ws: FaultWorkspace, to name: String) throws {
        switch name {
        case "roster":
            let u = try ws.write("setup-units.csv", units)
            let p = try ws.write("setup-people.csv", people)
            try expectSuccess(ws.run(["roster", "import", u, p]), name)
            try FileManager.default.removeItem(atPath: u)
            try FileManager.default.removeItem(atPath: p)
        case "enrolled":
            for id in ["minh-xuan-dvk-2026", "nam-gia-nghia-cchc-2026"] {
                try FileManager.default.copyItem(
                    at: Corpus.repository.appendingPathComponent("campaigns/\(id).json"),
                    to: ws.root.appendingPathComponent("campaigns/\(id).json"))
            }
            try expectSuccess(
                ws.run(["enroll", "nam-gia-nghia-cchc-2026", "--units", "Văn phòng HĐND và UBND,Phòng Văn hóa – Xã hội"]), name)
            try expectSuccess(ws.run(["enroll", "minh-xuan-dvk-2026", "--unit-kinds", "to-dan-pho,phong-ban"]), name)
        case "assessed":
            let file = try ws.write("setup-tu-danh-gia.csv", selfAssessment)
            try expectSuccess(ws.run(["submit", "nam-gia-nghia-cchc-2026", "tu-danh-gia-tap-the", file], today: "2026-11-05"), name)
            try FileManager.default.removeItem(atPath: file)
        case "review-open":
            let file = try ws.write("setup-hoi-dong.csv", members)
            try expectSuccess(ws.run(["review", "open", "nam-gia-nghia-cchc-2026", "--period", "2026", "--members", file]), name)
            try FileManager.default.removeItem(atPath: file)
        case "review-closed":
            let file = try ws.write("setup-phieu.csv", ballots)
            try expectSuccess(ws.run(["review", "vote", "nam-gia-nghia-cchc-2026", "--file", file]), name)
            try expectSuccess(ws.run(["review", "close", "nam-gia-nghia-cchc-2026", "--absent", "Hoàng Văn Em"]), name)
            try FileManager.default.removeItem(atPath: file)
        default:
            throw SetupError(step: name, text: "no such setup")
        }
    }
}
