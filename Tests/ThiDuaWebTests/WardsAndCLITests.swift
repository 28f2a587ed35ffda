import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaCLI
@testable import ThiDuaWeb

@Suite struct WardsAndCLITests {
    /// `--root`: two wards side by side; an account, a cookie or a token of one is nothing to the other.
    @Test func wardsUnderOneRootShareNothing() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-root-\(UUID().uuidString.prefix(8))")
        let a = try TestWard(name: "phuong-a", root: root.appendingPathComponent("phuong-a"), accounts: [("canbo", .clerk, nil)])
        let b = try TestWard(name: "xa-b", root: root.appendingPathComponent("xa-b"), accounts: [("canbob", .clerk, nil)])
        let clock = a.clock
        let app = WebApplication(mount: .wards([a.site, b.site]), clock: { clock.now })
        let index = app.respond(try Request(method: "GET", target: "/", headers: HTTPHeaders([("Host", "127.0.0.1:8080")])))
        #expect(index.bodyText.contains("<a href=\"/phuong-a/\">phuong-a</a>"))
        #expect(index.bodyText.contains("<a href=\"/xa-b/\">xa-b</a>"))
        let inA = TestBrowser(app, prefix: "/phuong-a")
        let page = try inA.get("/dang-nhap")
        #expect(page.bodyText.contains("action=\"/phuong-a/dang-nhap\""))
        #expect(page.headers.values("Set-Cookie").first?.contains("Path=/phuong-a/;") == true)
        #expect(try inA.logIn("canbo").headers["Location"] == "/phuong-a/")
        #expect(try inA.get("/").status == .ok)
        // The same cookie sent to the other ward is unknown there.
        let stolen = TestBrowser(app, prefix: "/xa-b")
        stolen.cookie = inA.cookie
        #expect(try stolen.get("/").headers["Location"] == "/xa-b/dang-nhap")
        // Ward A's account does not exist in ward B.
        let inB = TestBrowser(app, prefix: "/xa-b")
        #expect(try inB.logIn("canbo", password: TestWard.password("canbo")).status.code == 422)
        #expect(try inB.logIn("canbob").status == .seeOther)
        // Each ward's access journal holds only its own events.
        #expect(try a.site.accessLog.store.read().events.map(\.actor) == ["canbo"])
        let bActors = try b.site.accessLog.store.read().events.map(\.actor)
        #expect(!bActors.contains("khách") && bActors.contains("canbob"))
        #expect(app.respond(try Request(method: "GET", target: "/khong-co/", headers: HTTPHeaders([("Host", "127.0.0.1:8080")]))).status == .notFound)
        let bare = app.respond(try Request(method: "GET", target: "/xa-b", headers: HTTPHeaders([("Host", "127.0.0.1:8080")])))
        #expect(bare.headers["Location"] == "/xa-b/")
    }

    func run(_ arguments: [String], in root: URL, input: String? = nil) -> (Int32, String, String) {
        let capture = CapturingConsole()
        let code = UserCommand.$iterations.withValue(testIterations) {
            UserCommand.$standardInput.withValue(input.map { text in { @Sendable in Array(text.utf8) } }) {
                CLI.run(["--workspace", root.path, "--actor", "người quản trị"] + arguments, console: capture.console, currentDirectory: root.path)
            }
        }
        return (code, capture.output, capture.errors)
    }

    @Test func councilAccountsCarryTheMembersName() throws {
        let ward = try TestWard(accounts: [], campaigns: true)
        var (code, out, err) = run(
            ["user", "add", "an", "--role", "council", "--member", "Nguye\u{0302}\u{0303}n Văn An", "--password-stdin"], in: ward.root,
            input: "mật khẩu dài")
        #expect(code == 0, "\(err)")
        #expect(out.contains("Đã thêm tài khoản «an» (thành viên Hội đồng Thi đua – Khen thưởng)."))
        #expect(try AccountStore(workspace: ward.workspace).account("an")?.member == "Nguyễn Văn An")  // NFC
        (code, _, err) = run(["user", "add", "xem", "--role", "viewer", "--member", "Ai đó", "--password-stdin"], in: ward.root, input: "mật khẩu dài")
        #expect(code == 64 && err.contains("--member chỉ dùng với --role council"))
    }

    @Test func userCommandManagesAccounts() throws {
        let ward = try TestWard(accounts: [], campaigns: true)
        let root = ward.root
        var (code, out, err) = run(["user", "list"], in: root)
        #expect(code == 0 && out.contains("Chưa có tài khoản nào"))
        (code, out, err) = run(["user", "add", "admin", "--role", "admin", "--password-stdin"], in: root, input: "mật khẩu\n")
        #expect(code == 0, "\(err)")
        #expect(out.contains("Đã thêm tài khoản «admin» (quản trị)."))
        (code, _, err) = run(["user", "add", "admin", "--role", "clerk", "--password-stdin"], in: root, input: "mật khẩu khác")
        #expect(code == 1 && err.contains("Đã có tài khoản «admin»"))
        (code, _, err) = run(["user", "add", "dv1", "--role", "unit", "--password-stdin"], in: root, input: "mật khẩu dài")
        #expect(code == 64 && err.contains("--unit"))
        (code, _, err) = run(["user", "add", "dv1", "--role", "unit", "--unit", "van-phon", "--password-stdin"], in: root, input: "mật khẩu dài")
        #expect(code == 1 && err.contains("Có phải ý bạn là «van-phong»?"))
        (code, _, err) = run(["user", "add", "dv1", "--role", "unit", "--unit", "van-phong", "--password-stdin"], in: root, input: "ngắn")
        #expect(code == 1 && err.contains("ít nhất 8 ký tự"))
        (code, _, err) = run(["user", "add", "Dv1", "--role", "viewer", "--password-stdin"], in: root, input: "mật khẩu dài")
        #expect(code == 1 && err.contains("chữ thường không dấu"))
        (code, _, err) = run(["user", "add", "dv1", "--role", "unit", "--unit", "van-phong"], in: root, input: "mật khẩu dài")
        #expect(code == 64 && err.contains("--password-stdin"))
        (code, _, _) = run(["user", "add", "dv1", "--role", "unit", "--unit", "van-phong", "--password-stdin"], in: root, input: "mật khẩu dài\r\n")
        #expect(code == 0)
        (code, out, _) = run(["user", "list"], in: root)
        #expect(out == "admin\tadmin\t-\tđang dùng\ndv1\tunit\tvan-phong\tđang dùng\n")
        let store = AccountStore(workspace: Workspace(root: root))
        // The newline typed after the password is not part of it; CR LF neither.
        #expect(try store.account("admin")?.password.verify("mật khẩu") == true)
        #expect(try store.account("dv1")?.password.verify("mật khẩu dài") == true)
        #expect(try store.account("admin")?.password.iterations == testIterations)
        (code, _, _) = run(["user", "disable", "dv1"], in: root)
        #expect(code == 0)
        #expect(try store.account("dv1")?.disabled == true)
        (code, _, _) = run(["user", "enable", "dv1"], in: root)
        #expect(code == 0)
        #expect(try store.account("dv1")?.disabled == false)
        (code, _, _) = run(["user", "passwd", "dv1", "--password-stdin"], in: root, input: "mật khẩu mới hơn")
        #expect(code == 0)
        #expect(try store.account("dv1")?.password.verify("mật khẩu mới hơn") == true)
        (code, _, err) = run(["user", "disable", "dv2"], in: root)
        #expect(code == 1 && err.contains("Không có tài khoản «dv2»"))
        (code, _, err) = run(["user", "remove", "dv1"], in: root)
        #expect(code == 64)
        let events = try AccessLog(workspace: Workspace(root: root)).store.read().events
        #expect(events.count == 5)
        #expect(events.allSatisfy { $0.actor == "người quản trị" && $0.kind == AccessLog.accountChanged })
        let attributes = try FileManager.default.attributesOfItem(atPath: store.file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let stored = try String(contentsOf: store.file, encoding: .utf8)
        #expect(!stored.contains("mật khẩu"))
    }

    @Test func serveRefusesALANBindWithoutTheFlag() {
        let root = FileManager.default.temporaryDirectory
        let (code, _, err) = run(["serve", "--bind", "0.0.0.0", "--port", "0"], in: root)
        #expect(code == 64)
        #expect(err.contains("--allow-lan"))
        let (badPort, _, portError) = run(["serve", "--port", "99999"], in: root)
        #expect(badPort == 64 && portError.contains("--port"))
    }
}
