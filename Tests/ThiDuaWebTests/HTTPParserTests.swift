import Foundation
import Testing

@testable import ThiDuaWeb

@Suite struct HTTPParserTests {
    func parse(_ text: String, limits: HTTPLimits = HTTPLimits()) throws(HTTPError) -> Request? {
        var parser = RequestParser(limits: limits)
        parser.append(Array(text.utf8))
        return try parser.next()
    }

    func status(_ text: String, limits: HTTPLimits = HTTPLimits()) -> Int? {
        do throws(HTTPError) {
            _ = try parse(text, limits: limits)
            return nil
        } catch {
            return error.status.code
        }
    }

    @Test func parsesARequestFedByteByByte() throws {
        let text = "POST /dang-nhap?a=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Length: 7\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nx=1&y=2"
        var parser = RequestParser()
        var request: Request?
        for byte in text.utf8 {
            #expect(request == nil)
            parser.append([byte])
            request = try parser.next()
        }
        let parsed = try #require(request)
        #expect(parsed.method == "POST")
        #expect(parsed.segments == ["dang-nhap"])
        #expect(parsed.query["a"] == "1")
        #expect(parsed.headers["content-length"] == "7")
        #expect(String(decoding: parsed.body, as: UTF8.self) == "x=1&y=2")
        #expect(parsed.keepAlive)
    }

    @Test func keepAliveFollowsRFC9112() throws {
        #expect(try parse("GET / HTTP/1.1\r\nHost: a\r\n\r\n")?.keepAlive == true)
        #expect(try parse("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")?.keepAlive == false)
        #expect(try parse("GET / HTTP/1.0\r\n\r\n")?.keepAlive == false)
        #expect(try parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")?.keepAlive == true)
    }

    @Test func pipelinedRequestsComeOutInOrder() throws {
        var parser = RequestParser()
        parser.append(Array("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\nGET /c".utf8))
        #expect(try parser.next()?.path == "/a")
        #expect(try parser.next()?.path == "/b")
        #expect(try parser.next() == nil)
        #expect(parser.hasPartialRequest)
    }

    @Test func sizeLimits() {
        let longTarget = "/" + String(repeating: "a", count: 8 * 1024)
        #expect(status("GET \(longTarget) HTTP/1.1\r\nHost: x\r\n\r\n") == 414)
        // Without the line's end yet, too: the limit holds while bytes still arrive.
        #expect(status("GET \(longTarget)") == 414)
        let bigHeader = "X-Big: " + String(repeating: "b", count: 16 * 1024)
        #expect(status("GET / HTTP/1.1\r\nHost: x\r\n\(bigHeader)\r\n\r\n") == 431)
        let many = (0..<101).map { "X-\($0): 1\r\n" }.joined()
        #expect(status("GET / HTTP/1.1\r\nHost: x\r\n\(many)\r\n") == 431)
        #expect(status("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 65537\r\n\r\n") == 413)
        #expect(status("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n") == 400)
        // Only a multipart POST to an upload route (…/minh-chung) has the larger limit: a file
        // at the evidence limit plus 256 KiB of framing; anything else keeps 64 KiB.
        let upload =
            "POST /don-vi/phong-trao/p/minh-chung HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 1000000\r\n\r\n"
        let largest: Int = 10 * 1024 * 1024 + 256 * 1024
        #expect(status(upload) == nil)
        #expect(status(upload.replacingOccurrences(of: "1000000", with: String(largest))) == nil)
        #expect(status(upload.replacingOccurrences(of: "1000000", with: String(largest + 1))) == 413)
        #expect(status(upload.replacingOccurrences(of: "minh-chung HTTP", with: "minh-chung?x=1 HTTP")) == nil)
        #expect(status(upload.replacingOccurrences(of: "/minh-chung", with: "/bieu-mau/a")) == 413)
        #expect(status(upload.replacingOccurrences(of: "POST", with: "PUT")) == 413)
        // The clerk's roster upload keeps its 16 MiB.
        let roster = upload.replacingOccurrences(of: "/don-vi/phong-trao/p/minh-chung", with: "/xa-a/can-bo/danh-sach")
        #expect(status(roster.replacingOccurrences(of: "1000000", with: "16777216")) == nil)
        #expect(status(roster.replacingOccurrences(of: "1000000", with: "16777217")) == 413)
        #expect(status(upload.replacingOccurrences(of: "multipart/form-data", with: "application/x-www-form-urlencoded")) == 413)
    }

    @Test func ambiguousFramingIsRefused() {
        #expect(status("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n") == 400)
        #expect(status("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd") == 400)
        #expect(status("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 4\r\n\r\nabcd") == 400)
        #expect(status("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc") == nil)
        #expect(status("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +3\r\n\r\nabc") == 400)
        #expect(status("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n") == 501)
        #expect(status("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n") == 400)
        #expect(status("GET / HTTP/1.1\r\n\r\n") == 400)  // no Host
        #expect(status("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") == 400)
        #expect(status("GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n") == 400)
        #expect(status("GET / HTTP/1.1\r\nHost : a\r\n\r\n") == 400)
        #expect(status("GET / HTTP/2.0\r\nHost: a\r\n\r\n") == 505)
        #expect(status("GET  / HTTP/1.1\r\nHost: a\r\n\r\n") == 400)
    }

    @Test func chunkedBodyIsDecoded() throws {
        let text =
            "POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nTrailer: t\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n"
        var parser = RequestParser()
        for chunk in Array(text.utf8).chunked(7) { parser.append(chunk) }
        let request = try #require(try parser.next())
        #expect(String(decoding: request.body, as: UTF8.self) == "Wikipedia")
        #expect(request.headers["Transfer-Encoding"] == nil)
        #expect(request.headers["Content-Length"] == "9")
        #expect(try parser.next()?.path == "/next")
        var limits = HTTPLimits()
        limits.formBody = 8
        #expect(status("POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabcde\r\n5\r\nfghij\r\n0\r\n\r\n", limits: limits) == 413)
        #expect(status("POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n") == 400)
        #expect(status("POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabX\r\n0\r\n\r\n") == 400)
    }

    @Test func pathsAreDecodedOnceAndChecked() throws {
        for bad in ["/a/%2e%2e/b", "/%2E%2E", "/..", "/a/..%2f", "/a%2fb", "/a%5cb", "/%00", "/%zz", "/a//b", "/%ff"] {
            #expect(throws: HTTPError.self, "\(bad)") { try Request(method: "GET", target: bad) }
        }
        // Double-encoded dots are decoded once only: a literal segment "%2e%2e", harmless.
        #expect(try Request(method: "GET", target: "/%252e%252e").segments == ["%2e%2e"])
        #expect(try Request(method: "GET", target: "/phong-trao/ph%C6%B0%E1%BB%9Dng/").segments == ["phong-trao", "phường"])
        #expect(throws: HTTPError.self) { try Request(method: "GET", target: "http://evil/") }
    }

    @Test func urlencodedFormsFollowWHATWG() throws {
        let form = try FormData(urlencoded: Array("ho_ten=Nguy%E1%BB%85n+V%C4%83n+A&ghi_chu=a%2Bb+c&rong=&x".utf8))
        #expect(form["ho_ten"] == "Nguyễn Văn A")
        #expect(form["ghi_chu"] == "a+b c")
        #expect(form["rong"] == "")
        #expect(form["x"] == "")
        #expect(throws: HTTPError.self) { try FormData(urlencoded: Array("bad=%E1%BB".utf8)) }
        #expect(throws: HTTPError.self) { try FormData(urlencoded: Array("bad=%G1".utf8)) }
        // Decomposed input (NFD) comes out precomposed (NFC).
        let nfd = "Nguyễn".decomposedStringWithCanonicalMapping
        let decoded = try FormData(urlencoded: Array(FormData([("t", nfd)]).encoded.utf8))
        #expect(Array(decoded["t"]!.utf8) == Array("Nguyễn".precomposedStringWithCanonicalMapping.utf8))
    }

    @Test func multipartFormsSplitIntoParts() throws {
        let body =
            "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntok\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"minh_chung\"; filename=\"ảnh 1.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\u{1}\u{2}\r\n-XyZ\r\n"
            + "--XyZ--\r\n"
        let form = try MultipartForm(body: Array(body.utf8), contentType: "multipart/form-data; boundary=XyZ")
        #expect(form["_csrf"]?.text == "tok")
        #expect(form["minh_chung"]?.filename == "ảnh 1.jpg")
        #expect(form["minh_chung"]?.contentType == "image/jpeg")
        #expect(form["minh_chung"]?.data == Array("\u{1}\u{2}\r\n-XyZ".utf8))
        #expect(throws: HTTPError.self) { try MultipartForm(body: Array(body.utf8), contentType: "multipart/form-data") }
        #expect(throws: HTTPError.self) { try MultipartForm(body: Array("--XyZ\r\nno end".utf8), contentType: "multipart/form-data; boundary=XyZ") }
        let many = (0...MultipartForm.maximumParts).map { "--b\r\nContent-Disposition: form-data; name=\"f\($0)\"\r\n\r\nv\r\n" }.joined() + "--b--"
        #expect(throws: HTTPError.self) { try MultipartForm(body: Array(many.utf8), contentType: "multipart/form-data; boundary=b") }
    }

    @Test func responseWriterRefusesHeaderInjection() {
        var response = Response.redirect(to: "/a\r\nSet-Cookie: x=1")
        var text = String(decoding: ResponseWriter.serialize(response, keepAlive: true), as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 500 "))
        #expect(!text.contains("x=1"))
        response = .text("xin chào")
        text = String(decoding: ResponseWriter.serialize(response, keepAlive: false, date: Date(timeIntervalSince1970: 784_111_777)), as: UTF8.self)
        #expect(text.contains("Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n"))
        #expect(text.contains("Content-Length: 9\r\n"))
        #expect(text.contains("Connection: close\r\n"))
        #expect(text.hasSuffix("\r\n\r\nxin chào"))
        let head = String(decoding: ResponseWriter.serialize(response, headOnly: true, keepAlive: true), as: UTF8.self)
        #expect(head.hasSuffix("\r\n\r\n") && head.contains("Content-Length: 9"))
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
