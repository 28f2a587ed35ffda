import Foundation

/// Turns the bytes of one connection into requests, enforcing `HTTPLimits` as bytes arrive.
///
/// Framing follows RFC 9112 §6: a request with both Transfer-Encoding and Content-Length,
/// with differing or malformed Content-Length values, or with a transfer coding other than
/// `chunked` is refused, since two parsers could disagree on where it ends (smuggling).
/// Any error ends the connection: after it the byte stream can no longer be trusted.
public struct RequestParser: Sendable {
    public var limits: HTTPLimits
    /// Peer address copied into every request.
    public var remoteAddress: String
    private var buffer: [UInt8] = []
    private var pendingHead: Head?

    /// A parsed request line and headers whose body is still arriving.
    private struct Head: Sendable {
        var method: String
        var target: String
        var minorVersion: Int
        var headers: HTTPHeaders
        var headLength: Int
        var framing: Framing
    }

    private enum Framing: Sendable {
        case length(Int)
        case chunked(limit: Int)
    }

    public init(limits: HTTPLimits = HTTPLimits(), remoteAddress: String = "127.0.0.1") {
        self.limits = limits
        self.remoteAddress = remoteAddress
    }

    /// Adds bytes read from the socket.
    public mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        buffer.append(contentsOf: bytes)
    }

    /// Whether part of a request has arrived (the header deadline is running).
    public var hasPartialRequest: Bool { pendingHead != nil || buffer.contains { $0 != 13 && $0 != 10 } }

    /// Whether the head is complete and the body is being read.
    public var isReadingBody: Bool { pendingHead != nil }

    /// The most body bytes the request being read may still bring: its Content-Length, or its
    /// route's limit when chunked; 0 when no head is pending.
    public var pendingBodyLimit: Int {
        switch pendingHead?.framing {
        case .length(let length)?: return length
        case .chunked(let limit)?: return limit
        case nil: return 0
        }
    }

    /// The next complete request, nil when more bytes are needed.
    public mutating func next() throws(HTTPError) -> Request? {
        if pendingHead == nil {
            // RFC 9112 §2.2: empty lines before a request line are ignored.
            var skip = 0
            while skip + 1 < buffer.count, buffer[skip] == 13, buffer[skip + 1] == 10 { skip += 2 }
            if skip > 0 { buffer.removeFirst(skip) }
            guard let head = try parseHead() else { return nil }
            pendingHead = head
        }
        guard let head = pendingHead else { return nil }
        let body: [UInt8]
        let consumed: Int
        switch head.framing {
        case .length(let length):
            guard buffer.count - head.headLength >= length else { return nil }
            body = Array(buffer[head.headLength..<(head.headLength + length)])
            consumed = head.headLength + length
        case .chunked(let limit):
            guard let (decoded, end) = try decodeChunked(from: head.headLength, limit: limit) else { return nil }
            body = decoded
            consumed = end
        }
        buffer.removeFirst(consumed)
        pendingHead = nil
        var headers = head.headers
        if case .chunked = head.framing {
            // Handlers see a plain body with its length, as if it had come with Content-Length.
            headers.remove("Transfer-Encoding")
            headers.set("Content-Length", String(body.count))
        }
        return try Request(
            method: head.method, target: head.target, minorVersion: head.minorVersion, headers: headers, body: body,
            remoteAddress: remoteAddress)
    }

    private func index(of pattern: [UInt8], from start: Int, before limit: Int) -> Int? {
        let end = min(buffer.count, limit)
        guard end - start >= pattern.count else { return nil }
        var i = start
        while i + pattern.count <= end {
            if buffer[i] == pattern[0] && buffer[(i + 1)..<(i + pattern.count)].elementsEqual(pattern.dropFirst()) { return i }
            i += 1
        }
        return nil
    }

    private mutating func parseHead() throws(HTTPError) -> Head? {
        let crlf: [UInt8] = [13, 10]
        guard let lineEnd = index(of: crlf, from: 0, before: limits.requestLine + 2) else {
            if buffer.count > limits.requestLine + 1 {
                throw HTTPError(.uriTooLong, "Dòng yêu cầu dài quá \(limits.requestLine) byte.")
            }
            return nil
        }
        let blockLimit = lineEnd + 2 + limits.headerBlock + 2
        let headerEnd: Int
        if buffer.count >= lineEnd + 4, buffer[lineEnd + 2] == 13, buffer[lineEnd + 3] == 10 {
            headerEnd = lineEnd + 2  // no header fields at all
        } else if let end = index(of: [13, 10, 13, 10], from: lineEnd, before: blockLimit) {
            headerEnd = end + 2
        } else {
            if buffer.count >= blockLimit {
                throw HTTPError(.headerFieldsTooLarge, "Phần đầu yêu cầu dài quá \(limits.headerBlock) byte.")
            }
            return nil
        }
        let line = Array(buffer[0..<lineEnd])
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(Self.isTokenByte),
            !parts[1].isEmpty, parts[1].allSatisfy({ $0 > 32 && $0 < 127 })
        else {
            throw HTTPError(.badRequest, "Dòng yêu cầu sai dạng (cần «PHƯƠNG-THỨC /đường-dẫn HTTP/1.1»).")
        }
        let minorVersion: Int
        switch String(decoding: parts[2], as: UTF8.self) {
        case "HTTP/1.1": minorVersion = 1
        case "HTTP/1.0": minorVersion = 0
        default: throw HTTPError(.httpVersionNotSupported, "Chỉ hỗ trợ HTTP/1.0 và HTTP/1.1.")
        }
        var headers = HTTPHeaders()
        var position = lineEnd + 2
        while position < headerEnd {
            guard let end = index(of: crlf, from: position, before: headerEnd + 2) else { break }
            let field = buffer[position..<end]
            position = end + 2
            guard headers.fields.count < limits.headerCount else {
                throw HTTPError(.headerFieldsTooLarge, "Yêu cầu có hơn \(limits.headerCount) trường đầu.")
            }
            // RFC 9112 §5.1: no whitespace before the colon; obsolete line folding is refused (§5.2).
            guard let colon = field.firstIndex(of: UInt8(ascii: ":")), colon > field.startIndex,
                field[field.startIndex..<colon].allSatisfy(Self.isTokenByte)
            else {
                throw HTTPError(.badRequest, "Trường đầu sai dạng.")
            }
            let valueBytes = field[(colon + 1)...]
            guard valueBytes.allSatisfy({ $0 == 9 || ($0 >= 32 && $0 != 127) }) else {
                throw HTTPError(.badRequest, "Giá trị trường đầu chứa ký tự điều khiển.")
            }
            let name = String(decoding: field[field.startIndex..<colon], as: UTF8.self)
            let value = String(decoding: valueBytes, as: UTF8.self).trimmingCharacters(in: [" ", "\t"])
            headers.add(name, value)
        }
        let method = String(decoding: parts[0], as: UTF8.self)
        let target = String(decoding: parts[1], as: UTF8.self)
        let hosts = headers.values("Host")
        if minorVersion == 1 && hosts.count != 1 || hosts.count > 1 {
            throw HTTPError(.badRequest, "Yêu cầu HTTP/1.1 phải có đúng một trường Host.")
        }
        let framing = try framing(
            headers: headers, minorVersion: minorVersion, limit: limits.bodyLimit(method: method, target: target, contentType: headers["Content-Type"]))
        return Head(method: method, target: target, minorVersion: minorVersion, headers: headers, headLength: headerEnd + 2, framing: framing)
    }

    private func framing(headers: HTTPHeaders, minorVersion: Int, limit: Int) throws(HTTPError) -> Framing {
        let encodings = headers.values("Transfer-Encoding")
        let lengths = headers.values("Content-Length")
        if !encodings.isEmpty {
            guard lengths.isEmpty else {
                throw HTTPError(.badRequest, "Yêu cầu có cả Transfer-Encoding và Content-Length (RFC 9112 §6.1).")
            }
            guard minorVersion == 1 else { throw HTTPError(.badRequest, "HTTP/1.0 không dùng Transfer-Encoding.") }
            let codings = encodings.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard codings == ["chunked"] else {
                throw HTTPError(.notImplemented, "Chỉ hỗ trợ Transfer-Encoding: chunked.")
            }
            return .chunked(limit: limit)
        }
        // A list such as "5, 5" is the same length repeated (RFC 9110 §8.6); differing values are refused.
        let values = Set(lengths.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }.map { $0.trimmingCharacters(in: .whitespaces) })
        guard values.count <= 1 else { throw HTTPError(.badRequest, "Yêu cầu có nhiều Content-Length khác nhau.") }
        guard let text = values.first else { return .length(0) }
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let length = Int(text) else {
            throw HTTPError(.badRequest, "Content-Length không phải số nguyên không âm.")
        }
        guard length <= limit else {
            throw HTTPError(.contentTooLarge, "Nội dung gửi lên dài \(length) byte, quá giới hạn \(limit) byte.")
        }
        return .length(length)
    }

    /// Decodes a chunked body starting at `start`; nil while incomplete.
    private func decodeChunked(from start: Int, limit: Int) throws(HTTPError) -> ([UInt8], Int)? {
        var body: [UInt8] = []
        var position = start
        while true {
            guard let lineEnd = index(of: [13, 10], from: position, before: position + limits.chunkLine + 2) else {
                if buffer.count - position > limits.chunkLine { throw HTTPError(.badRequest, "Dòng kích thước khối quá dài.") }
                return nil
            }
            let sizeField = buffer[position..<lineEnd].prefix { $0 != UInt8(ascii: ";") }
            guard !sizeField.isEmpty, sizeField.count <= 8, sizeField.allSatisfy({ PercentDecoding.hexValue($0) != nil }),
                let size = Int(String(decoding: sizeField, as: UTF8.self), radix: 16)
            else {
                throw HTTPError(.badRequest, "Kích thước khối (chunked) sai dạng.")
            }
            position = lineEnd + 2
            if size == 0 {
                // Trailer fields are skipped up to the empty line; their size counts against the header limit.
                var trailerBytes = 0
                while true {
                    guard let end = index(of: [13, 10], from: position, before: position + limits.headerBlock + 2) else {
                        if buffer.count - position > limits.headerBlock { throw HTTPError(.headerFieldsTooLarge, "Phần trailer quá dài.") }
                        return nil
                    }
                    let empty = end == position
                    trailerBytes += end - position + 2
                    position = end + 2
                    if trailerBytes > limits.headerBlock { throw HTTPError(.headerFieldsTooLarge, "Phần trailer quá dài.") }
                    if empty { return (body, position) }
                }
            }
            guard body.count + size <= limit else {
                throw HTTPError(.contentTooLarge, "Nội dung gửi lên vượt giới hạn \(limit) byte.")
            }
            guard buffer.count >= position + size + 2 else { return nil }
            guard buffer[position + size] == 13, buffer[position + size + 1] == 10 else {
                throw HTTPError(.badRequest, "Khối dữ liệu (chunked) không kết thúc bằng CRLF.")
            }
            body += buffer[position..<(position + size)]
            position += size + 2
        }
    }

    /// tchar of RFC 9110 §5.6.2.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
