import Foundation

/// One parsed HTTP request, as handlers see it.
public struct Request: Sendable {
    /// `GET`, `HEAD`, `POST`…, as sent (methods are case-sensitive).
    public var method: String
    /// The request target as sent, e.g. `/dang-nhap?tiep=%2F`.
    public var target: String
    /// The path's segments, each percent-decoded exactly once and checked (no `.`, `..`, `/`, NUL).
    public var segments: [String]
    /// The query string's fields (application/x-www-form-urlencoded rules).
    public var query: FormData
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    public var minorVersion: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The peer's address, for throttling and the access journal.
    public var remoteAddress: String

    /// Builds a request from parts; the target is checked as the parser checks it.
    public init(
        method: String, target: String, minorVersion: Int = 1, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [],
        remoteAddress: String = "127.0.0.1"
    ) throws(HTTPError) {
        self.method = method
        self.target = target
        let (segments, query) = try Self.parseTarget(target)
        self.segments = segments
        self.query = query
        self.minorVersion = minorVersion
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// The decoded path, segments joined with `/`.
    public var path: String { "/" + segments.joined(separator: "/") }

    /// Whether the connection may carry another request after this one (RFC 9112 §9.3).
    public var keepAlive: Bool {
        if headers.hasToken("Connection", "close") { return false }
        return minorVersion >= 1 || headers.hasToken("Connection", "keep-alive")
    }

    /// The media type of the body, lowercased, without parameters.
    public var mediaType: String? {
        headers["Content-Type"]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// Splits an origin-form target into checked path segments and query fields.
    static func parseTarget(_ target: String) throws(HTTPError) -> ([String], FormData) {
        guard target.hasPrefix("/") else {
            throw HTTPError(.badRequest, "Địa chỉ yêu cầu phải bắt đầu bằng «/».")
        }
        let bytes = Array(target.utf8)
        let queryStart = bytes.firstIndex(of: UInt8(ascii: "?"))
        let pathBytes = bytes[..<(queryStart ?? bytes.endIndex)]
        let query: FormData
        if let queryStart {
            do {
                query = try FormData(urlencoded: Array(bytes[(queryStart + 1)...]))
            } catch {
                throw HTTPError(.badRequest, "Chuỗi truy vấn của địa chỉ không hợp lệ: \(error.message)")
            }
        } else {
            query = FormData()
        }
        var segments: [String] = []
        for raw in pathBytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst() {
            guard let decoded = PercentDecoding.decode(raw, plusIsSpace: false),
                let text = PercentDecoding.utf8(decoded)
            else {
                throw HTTPError(.badRequest, "Đường dẫn có mã phần trăm sai hoặc không phải UTF-8.")
            }
            // Decoded once, then checked: `%2e%2e`, `..%2f` and `%5c` cannot climb out of a route.
            if text == "." || text == ".." || text.contains("/") || text.contains("\\") || text.utf8.contains(0) {
                throw HTTPError(.badRequest, "Đường dẫn chứa đoạn không được phép («.», «..», «/», «\\»).")
            }
            segments.append(text.precomposedStringWithCanonicalMapping)
        }
        // "/a/" and "/a" name the same page; the empty last segment is dropped.
        if segments.last == "" { segments.removeLast() }
        if segments.contains("") {
            throw HTTPError(.badRequest, "Đường dẫn có hai dấu «/» liền nhau.")
        }
        return (segments, query)
    }
}

/// Percent-decoding of bytes (RFC 3986 §2.1).
enum PercentDecoding {
    /// The decoded bytes, or nil when a `%` is not followed by two hex digits.
    static func decode<C: Collection>(_ bytes: C, plusIsSpace: Bool) -> [UInt8]? where C.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                out.append(high << 4 | low)
            } else if plusIsSpace && byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else {
                out.append(byte)
            }
        }
        return out
    }

    /// The bytes as text, or nil when they are not valid UTF-8 (portable to macOS 13).
    static func utf8(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.utf8.elementsEqual(bytes) ? text : nil
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Percent-encodes everything but unreserved characters, for building URLs.
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
