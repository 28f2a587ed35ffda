import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaWeb

/// The upload limit on the wire: only a multipart POST to an upload route may send a body past
/// 64 KiB, up to one evidence file at its limit plus 256 KiB; beyond, 413 before the body is read.
@Suite struct EvidenceLiveTests {
    @Test func uploadBodyLimitHoldsOnTheWire() throws {
        let live = try LiveServerTests.Live()
        defer { live.server.stop() }
        let limit = HTTPLimits().uploadBody
        #expect(limit == InputLimits.evidenceFile.bytes + 256 * 1024)
        func head(_ path: String, length: Int) -> String {
            "POST \(path) HTTP/1.1\r\nHost: \(live.host)\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: \(length)\r\n\r\n"
        }
        for (path, length) in [("/don-vi/phong-trao/p/minh-chung", limit + 1), ("/don-vi/phong-trao/p/bieu-mau/f", 70_000), ("/dang-nhap", 70_000)] {
            let client = try live.client()
            client.send(head(path, length: length))
            let reply = try #require(client.readReply())
            #expect(reply.status == 413, "\(path) \(length)")
            #expect(reply.header("Connection") == "close")
        }
        // A body of 1 MiB to the upload route is read whole and reaches the application (which
        // refuses it for want of a session: 403, not 413).
        let client = try live.client()
        let body =
            Array("--b\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"a.pdf\"\r\n\r\n".utf8) + Array(repeating: 0x41, count: 1 << 20)
            + Array("\r\n--b--\r\n".utf8)
        client.send(head("/don-vi/phong-trao/p/minh-chung", length: body.count))
        client.send(body)
        let reply = try #require(client.readReply())
        #expect(reply.status == 403)
    }
}
