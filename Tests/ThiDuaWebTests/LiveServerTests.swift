import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaWeb

#if canImport(Glibc)
    import Glibc
#endif

/// The socket layer on 127.0.0.1 with an ephemeral port; short timeouts so each test ends by itself.
@Suite(.serialized) struct LiveServerTests {
    struct Live {
        let ward: TestWard
        let server: HTTPServer
        let port: UInt16

        init(configure: (inout Router) -> Void = { _ in }) throws {
            ward = try TestWard()
            let app = WebApplication(mount: .single(ward.site), configure: configure)
            var configuration = ServerConfiguration()
            configuration.port = 0
            configuration.headerTimeout = 1
            configuration.idleTimeout = 1
            configuration.bodyTimeout = 2
            configuration.stopGrace = 3
            server = HTTPServer(configuration: configuration, respond: { app.respond($0) })
            port = try server.start()
            app.setHostPolicy(HostPolicy(port: port))
        }

        var host: String { "127.0.0.1:\(port)" }

        func client() throws -> RawClient { try RawClient(port: port) }
    }

    @Test func limitsAreEnforcedOnTheWire() throws {
        let live = try Live()
        defer { live.server.stop() }
        let cases: [(String, Int)] = [
            ("GET /\(String(repeating: "a", count: 9000)) HTTP/1.1\r\nHost: \(live.host)\r\n\r\n", 414),
            ("GET / HTTP/1.1\r\nHost: \(live.host)\r\nX-Big: \(String(repeating: "b", count: 17000))\r\n\r\n", 431),
            ("POST /dang-nhap HTTP/1.1\r\nHost: \(live.host)\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 70000\r\n\r\n", 413),
            ("POST /dang-nhap HTTP/1.1\r\nHost: \(live.host)\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc", 400),
        ]
        for (text, expected) in cases {
            let client = try live.client()
            client.send(text)
            let reply = try #require(client.readReply())
            #expect(reply.status == expected)
            #expect(reply.header("Connection") == "close")
            #expect(client.closedByServer())
        }
    }

    @Test func slowHeadersAreCutOffAtTheDeadline() throws {
        let live = try Live()
        defer { live.server.stop() }
        let client = try live.client()
        let start = Date()
        // One byte every 200 ms: each read is quick, but the whole head never arrives within 1 s.
        for byte in "GET / HTTP/1.1\r\nHost: \(live.host)\r\nX-Slow: 1".utf8 {
            guard client.send([byte]) else { break }
            usleep(200_000)
            if Date().timeIntervalSince(start) > 4 { break }
        }
        let reply = client.readReply()
        #expect(reply == nil || reply?.status == 408)
        #expect(client.closedByServer())
        #expect(Date().timeIntervalSince(start) < 6)
        // An idle connection that never sends is closed too.
        let idle = try live.client()
        #expect(idle.closedByServer())
    }

    @Test func badHostIsRefused() throws {
        let live = try Live()
        defer { live.server.stop() }
        let client = try live.client()
        client.send("GET /dang-nhap HTTP/1.1\r\nHost: attacker.example:\(live.port)\r\n\r\n")
        #expect(client.readReply()?.status == 421)
    }

    @Test func keepAliveCarriesTwoRequests() throws {
        let live = try Live()
        defer { live.server.stop() }
        let client = try live.client()
        client.send("GET /dang-nhap HTTP/1.1\r\nHost: \(live.host)\r\n\r\n")
        let first = try #require(client.readReply())
        #expect(first.status == 200)
        #expect(first.header("Connection") == nil)
        client.send("GET /tai-nguyen/giao-dien.css HTTP/1.1\r\nHost: \(live.host)\r\nConnection: close\r\n\r\n")
        let second = try #require(client.readReply())
        #expect(second.status == 200)
        #expect(second.body.contains(".error-summary"))
        #expect(second.header("Connection") == "close")
        #expect(client.closedByServer())
        // HTTP/1.0 keeps the connection only when asked, and the answer says so.
        let old = try live.client()
        old.send("GET /tai-nguyen/giao-dien.css HTTP/1.0\r\nHost: \(live.host)\r\nConnection: keep-alive\r\n\r\n")
        #expect(old.readReply()?.header("Connection") == "keep-alive")
        old.send("GET /tai-nguyen/giao-dien.css HTTP/1.0\r\nHost: \(live.host)\r\n\r\n")
        #expect(old.readReply()?.header("Connection") == "close")
        #expect(old.closedByServer())
        // HEAD: the GET's headers, no body.
        let head = try live.client()
        head.send("HEAD /dang-nhap HTTP/1.1\r\nHost: \(live.host)\r\nConnection: close\r\n\r\n")
        let raw = head.readToEnd()
        #expect(raw.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(raw.hasSuffix("\r\n\r\n"))
        #expect(!raw.contains("Content-Length: 0\r\n"))
    }

    @Test func fiftyClientsLogInAtOnce() throws {
        let live = try Live()
        defer { live.server.stop() }
        let logins = TestWard.defaultAccounts.map(\.0)
        let results = Locked<[Bool]>([])
        let group = DispatchGroup()
        for i in 0..<50 {
            group.enter()
            let login = logins[i % logins.count]
            Thread {
                defer { group.leave() }
                let ok = (try? Self.logInAndOpenHome(port: live.port, host: live.host, login: login)) ?? false
                results.withLock { $0.append(ok) }
            }.start()
        }
        #expect(group.wait(timeout: .now() + 120) == .success)
        let outcomes = results.withLock { $0 }
        #expect(outcomes.count == 50)
        #expect(outcomes.allSatisfy { $0 })
        let events = try live.ward.site.accessLog.store.read().events
        #expect(events.count == 50)
        #expect(try live.ward.site.accessLog.store.verify().isValid)
    }

    static func logInAndOpenHome(port: UInt16, host: String, login: String) throws -> Bool {
        let client = try RawClient(port: port, timeout: 60)
        client.send("GET /dang-nhap HTTP/1.1\r\nHost: \(host)\r\n\r\n")
        guard let page = client.readReply(), let cookie = page.cookie,
            let token = TestBrowser.csrf(in: Response.html(page.body))
        else { return false }
        let body = FormData([("_csrf", token), ("ten-dang-nhap", login), ("mat-khau", TestWard.password(login))]).encoded
        client.send(
            "POST /dang-nhap HTTP/1.1\r\nHost: \(host)\r\nCookie: thidua_sid=\(cookie)\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        )
        guard let posted = client.readReply(), posted.status == 303, let session = posted.cookie else { return false }
        client.send("GET / HTTP/1.1\r\nHost: \(host)\r\nCookie: thidua_sid=\(session)\r\n\r\n")
        guard let home = client.readReply() else { return false }
        return home.status == 200 && home.body.contains("Đang đăng nhập: <strong>\(login)</strong>")
    }

    @Test func stopFinishesTheResponseInFlight() throws {
        let live = try Live { router in
            router.get("/cham", access: .everyone) { _, _ in
                usleep(600_000)
                return .text("xong")
            }
        }
        let client = try live.client()
        client.send("GET /cham HTTP/1.1\r\nHost: \(live.host)\r\n\r\n")
        usleep(150_000)
        let idle = try live.client()  // a keep-alive connection with nothing in flight
        let stopped = DispatchSemaphore(value: 0)
        Thread {
            live.server.stop()
            stopped.signal()
        }.start()
        let reply = try #require(client.readReply())
        #expect(reply.status == 200)
        #expect(reply.body == "xong")
        #expect(reply.header("Connection") == "close")
        #expect(idle.closedByServer())
        #expect(stopped.wait(timeout: .now() + 10) == .success)
        #expect(throws: RawClient.ClientError.self) { try live.client() }
    }

    @Test func aClientThatVanishesDoesNotStopTheServer() throws {
        let live = try Live { router in
            router.get("/lon", access: .everyone) { _, _ in .text(String(repeating: "x", count: 4 << 20)) }
        }
        defer { live.server.stop() }
        for _ in 0..<3 {
            let client = try live.client()
            client.send("GET /lon HTTP/1.1\r\nHost: \(live.host)\r\n\r\n")
            var linger = linger(l_onoff: 1, l_linger: 0)
            setsockopt(client.fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
        }
        usleep(300_000)
        let after = try live.client()
        after.send("GET /dang-nhap HTTP/1.1\r\nHost: \(live.host)\r\n\r\n")
        #expect(after.readReply()?.status == 200)
    }
}

extension LiveServerTests {
    @Test func stopBeforeStartReturns() {
        let server = HTTPServer(configuration: ServerConfiguration(), respond: { _ in .text("") })
        server.stop()
        server.waitUntilStopped()
        #expect(server.openConnections == 0)
    }
}

extension LiveServerTests {
    @Test func oneAddressCannotHoldEverySlot() throws {
        let ward = try TestWard()
        let app = ward.app
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.maximumConnectionsPerAddress = 3
        configuration.capsLoopback = true
        let server = HTTPServer(configuration: configuration, respond: { app.respond($0) })
        let port = try server.start()
        defer { server.stop() }
        let held = try (0..<3).map { _ in try RawClient(port: port) }
        usleep(200_000)
        let fourth = try RawClient(port: port)
        let refused = try #require(fourth.readReply())
        #expect(refused.status == 503)
        #expect(refused.header("Retry-After") == "2")
        #expect(fourth.closedByServer())
        // The held connections still work.
        held[0].send("GET /dang-nhap HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
        #expect(held[0].readReply()?.status == 200)
    }
}
