import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaCLI
@testable import ThiDuaWeb

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let current = Locked(Date(timeIntervalSince1970: 1_780_000_000))
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// PBKDF2 rounds for test accounts: the production 600,000 would take seconds per login in a debug build.
let testIterations = 1000

/// A temporary workspace with accounts, served in-process.
struct TestWard {
    let root: URL
    let workspace: Workspace
    let site: Site
    let clock = TestClock()
    let app: WebApplication

    init(name: String? = nil, root: URL? = nil, accounts: [(String, Role, String?)] = TestWard.defaultAccounts, campaigns: Bool = false) throws {
        let root = root ?? FileManager.default.temporaryDirectory.appendingPathComponent("thidua-web-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        self.root = root
        workspace = Workspace(root: root)
        if campaigns { try TestWard.addCampaigns(to: root) }
        let store = AccountStore(workspace: workspace)
        try store.update { (list: inout [Account]) throws(WebError) in
            for (login, role, unit) in accounts {
                list.append(
                    Account(
                        login: login, role: role, unit: unit, password: PasswordHash(password: TestWard.password(login), iterations: testIterations),
                        created: "2026-01-01T00:00:00Z"))
            }
        }
        site = Site(name: name, workspace: workspace, registry: CompiledTypes.registry(for: workspace), dummyIterations: testIterations)
        let clock = clock
        app = WebApplication(mount: .single(site), clock: { clock.now })
    }

    /// The ward's application on a real socket at a free loopback port, with its Host policy set.
    func serve() throws -> (server: HTTPServer, port: UInt16) {
        var configuration = ServerConfiguration()
        configuration.port = 0
        let app = app
        let server = HTTPServer(configuration: configuration, respond: { app.respond($0) })
        let port = try server.start()
        app.setHostPolicy(HostPolicy(port: port))
        return (server, port)
    }

    static let defaultAccounts: [(String, Role, String?)] = [
        ("quantri", .admin, nil), ("canbo", .clerk, nil), ("vanphong", .unit, "van-phong"), ("hoidong", .council, nil), ("xem", .viewer, nil),
    ]

    static func password(_ login: String) -> String { "mật khẩu của \(login)" }

    /// Two seed campaigns and a roster; `van-phong` enrolled in the first only.
    static func addCampaigns(to root: URL) throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let fm = FileManager.default
        for folder in ["campaigns", "directives", "types", "roster", "data"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for folder in ["directives", "types"] {
            for name in (try? fm.contentsOfDirectory(atPath: repository.appendingPathComponent(folder).path)) ?? [] where name.hasSuffix(".json") {
                try fm.copyItem(
                    at: repository.appendingPathComponent(folder).appendingPathComponent(name),
                    to: root.appendingPathComponent(folder).appendingPathComponent(name))
            }
        }
        for id in ["phu-ly-cqtt-2024", "phuong-6-cchc-2023"] {
            try fm.copyItem(
                at: repository.appendingPathComponent("campaigns/\(id).json"), to: root.appendingPathComponent("campaigns/\(id).json"))
        }
        let roster = """
            {"units": [{"id": "van-phong", "kind": "phong-ban", "name": "Văn phòng HĐND và UBND"},
                       {"id": "phong-kinh-te", "kind": "phong-ban", "name": "Phòng Kinh tế"}], "people": []}
            """
        try Data(roster.utf8).write(to: root.appendingPathComponent("roster/roster.json"))
        let workspace = Workspace(root: root)
        let enrol = JournalStore.Draft(
            kind: .enrolment, actor: "test", date: CivilDate(year: 2024, month: 1, day: 5)!,
            payload: .object([.init(key: "units", value: .array([.string("van-phong")])), .init(key: "people", value: .array([]))]))
        _ = try workspace.journal(for: "phu-ly-cqtt-2024").append([enrol], time: "2024-01-05T01:00:00.000Z")
    }
}

/// A browser as tests drive it: keeps the session cookie, reads CSRF tokens from pages.
final class TestBrowser {
    let app: WebApplication
    var cookie: String?
    var host = "127.0.0.1:8080"
    var address = "127.0.0.1"
    let prefix: String

    init(_ app: WebApplication, prefix: String = "") {
        self.app = app
        self.prefix = prefix
    }

    func request(_ method: String, _ path: String, form: [(String, String)]? = nil, headers extra: [(String, String)] = []) throws -> Response {
        var headers = HTTPHeaders([("Host", host)])
        if let cookie { headers.add("Cookie", "\(SessionMiddleware.cookieName)=\(cookie)") }
        var body: [UInt8] = []
        if let form {
            headers.add("Content-Type", "application/x-www-form-urlencoded")
            body = Array(FormData(form).encoded.utf8)
        }
        for (name, value) in extra { headers.set(name, value) }
        let response = app.respond(try Request(method: method, target: prefix + path, headers: headers, body: body, remoteAddress: address))
        if let value = response.setCookie(SessionMiddleware.cookieName) { cookie = value.isEmpty ? nil : value }
        return response
    }

    func get(_ path: String) throws -> Response { try request("GET", path) }

    /// The `_csrf` value of the page's first form.
    static func csrf(in response: Response) -> String? {
        let html = response.bodyText
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// Opens the login page and posts the form; returns the POST's response.
    @discardableResult
    func logIn(_ login: String, password: String? = nil) throws -> Response {
        let page = try get("/dang-nhap")
        let token = TestBrowser.csrf(in: page) ?? ""
        return try request("POST", "/dang-nhap", form: [("_csrf", token), ("ten-dang-nhap", login), ("mat-khau", password ?? TestWard.password(login))])
    }

    /// Posts the logout form of the page at `/`.
    func logOut() throws -> Response {
        let token = TestBrowser.csrf(in: try get("/")) ?? ""
        return try request("POST", "/dang-xuat", form: [("_csrf", token)])
    }
}
