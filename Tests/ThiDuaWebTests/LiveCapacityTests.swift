import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaWeb

#if canImport(Glibc)
    import Glibc
#endif

/// The server with a ward's whole staff at once, on a real loopback socket with the default
/// limits: 64 keep-alive clients submitting into one campaign all get in and lose nothing, and
/// large uploads at once are bounded so the connection limit does not multiply their memory.
@Suite(.serialized) struct LiveCapacityTests {
    /// Connections opened on the test's thread, each then used by one thread only.
    final class OpenClients: @unchecked Sendable {
        let list: [RawClient]
        init(_ list: [RawClient]) { self.list = list }
    }

    static let report = "/don-vi/phong-trao/phu-ly-cqtt-2024/bieu-mau/bao-cao-tong-ket"

    /// Signs `vanphong` in over the socket: the session cookie and the form's CSRF token.
    static func signIn(port: UInt16, host: String) throws -> (cookie: String, token: String) {
        let client = try RawClient(port: port, timeout: 60)
        client.send("GET /dang-nhap HTTP/1.1\r\nHost: \(host)\r\n\r\n")
        let page = try #require(client.readReply())
        let cookie = try #require(page.cookie)
        let token = try #require(TestBrowser.csrf(in: Response.html(page.body)))
        let body = FormData([("_csrf", token), ("ten-dang-nhap", "vanphong"), ("mat-khau", TestWard.password("vanphong"))]).encoded
        client.send(
            "POST /dang-nhap HTTP/1.1\r\nHost: \(host)\r\nCookie: thidua_sid=\(cookie)\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        )
        let posted = try #require(client.readReply())
        #expect(posted.status == 303)
        let session = try #require(posted.cookie)
        client.send("GET \(report) HTTP/1.1\r\nHost: \(host)\r\nCookie: thidua_sid=\(session)\r\n\r\n")
        let form = try #require(client.readReply())
        return (session, try #require(TestBrowser.csrf(in: Response.html(form.body))))
    }

    @Test func sixtyFourClientsSubmitIntoOneCampaignAtOnce() throws {
        let ward = try TestWard(campaigns: true)
        let (server, port) = try ward.serve()
        defer { server.stop() }
        let host = "127.0.0.1:\(port)"
        let (cookie, token) = try Self.signIn(port: port, host: host)
        let journal = ward.workspace.journal(for: "phu-ly-cqtt-2024")
        let before = try journal.read().events.count
        // Every connection is open before any submits: 64 at once are all admitted.
        let clients = OpenClients(try (0..<64).map { _ in try RawClient(port: port, timeout: 60) })
        let statuses = Locked<[Int]>([])
        let group = DispatchGroup()
        for index in 0..<64 {
            group.enter()
            Thread {
                defer { group.leave() }
                let client = clients.list[index]
                for turn in 0..<3 {
                    let body = FormData([("_csrf", token), ("so-ky-cam-ket", "\(index)"), ("ket-qua", "Máy \(index) lần \(turn)")]).encoded
                    client.send(
                        "POST \(Self.report) HTTP/1.1\r\nHost: \(host)\r\nCookie: thidua_sid=\(cookie)\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                    )
                    let status = client.readReply()?.status ?? 0
                    statuses.withLock { $0.append(status) }
                }
            }.start()
        }
        #expect(group.wait(timeout: .now() + 300) == .success)
        let answered = statuses.withLock { $0 }
        #expect(answered.count == 64 * 3)
        #expect(answered.allSatisfy { $0 == 303 }, "\(Dictionary(grouping: answered, by: { $0 }).mapValues(\.count))")
        let contents = try journal.read()
        #expect(contents.events.count == before + 64 * 3)
        let texts = Set(
            CampaignState(events: contents.events).submissions.compactMap { record -> String? in
                guard case .text(let text)? = record.rows.first?.values["ket-qua"] else { return nil }
                return text
            })
        for index in 0..<64 {
            for turn in 0..<3 { #expect(texts.contains("Máy \(index) lần \(turn)")) }
        }
        #expect(try journal.verify().isValid)
    }

    @Test func largeUploadsAtOnceAreBounded() throws {
        let ward = try TestWard()
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.maximumUploadsAtOnce = 1
        configuration.bodyTimeout = 3
        let app = ward.app
        let server = HTTPServer(configuration: configuration, respond: { app.respond($0) })
        let port = try server.start()
        app.setHostPolicy(HostPolicy(port: port))
        defer { server.stop() }
        let head =
            "POST /don-vi/phong-trao/x/minh-chung HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 1000000\r\n\r\n"
        // The first upload is under way (its body still arriving): it holds the one slot.
        let first = try RawClient(port: port)
        first.send(head + String(repeating: "x", count: 1000))
        usleep(300_000)
        let second = try RawClient(port: port)
        second.send(head + String(repeating: "x", count: 1000))
        let refused = try #require(second.readReply())
        #expect(refused.status == 503)
        #expect(refused.header("Retry-After") == "2")
        #expect(second.closedByServer())
        // A form post is not an upload: it is served meanwhile.
        let form = try RawClient(port: port)
        form.send("GET /dang-nhap HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
        #expect(form.readReply()?.status == 200)
        // Once the first upload is answered, the slot is free again.
        first.send(String(repeating: "x", count: 1_000_000 - 1000))
        #expect(first.readReply() != nil)
        let third = try RawClient(port: port)
        third.send(head + String(repeating: "x", count: 1000))
        usleep(300_000)
        third.send(String(repeating: "x", count: 1_000_000 - 1000))
        #expect(third.readReply()?.status != 503)
    }

    @Test func theDefaultsAdmitAWardsStaff() {
        let configuration = ServerConfiguration()
        #expect(configuration.maximumConnections >= 256)
        #expect(configuration.maximumConnectionsPerAddress >= 64)
        // Uploads at once × the largest upload body bounds the memory uploads can hold.
        #expect(configuration.maximumUploadsAtOnce * configuration.limits.rosterUploadBody <= 256 * 1024 * 1024)
    }
}
