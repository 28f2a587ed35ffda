import Foundation

/// A multipart/form-data body (RFC 7578), split into parts with limits.
public struct MultipartForm: Sendable {
    /// One part: a form field or an uploaded file.
    public struct Part: Sendable, Equatable {
        public var name: String
        /// The file name as sent, if the part is a file; never used as a path.
        public var filename: String?
        public var contentType: String?
        public var data: [UInt8]

        /// The part's data as text, if it is valid UTF-8 (NFC).
        public var text: String? { PercentDecoding.utf8(data).map { $0.precomposedStringWithCanonicalMapping } }
    }

    public var parts: [Part]

    /// At most this many parts.
    public static let maximumParts = 100
    /// One part's header block at most this long.
    public static let maximumPartHeader = 4 * 1024

    /// The first part named `name`.
    public subscript(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// Parses `body` as sent with `contentType` (which must carry the boundary).
    public init(body: [UInt8], contentType: String) throws(HTTPError) {
        guard let boundary = Self.boundary(from: contentType) else {
            throw HTTPError(.badRequest, "Thiếu tham số boundary của multipart/form-data.")
        }
        let delimiter = Array("--\(boundary)".utf8)
        guard var position = Self.find(delimiter, in: body, from: 0) else {
            throw HTTPError(.badRequest, "Không tìm thấy ranh giới đầu tiên của biểu mẫu nhiều phần.")
        }
        position += delimiter.count
        var parts: [Part] = []
        let nextDelimiter = [13, 10] + delimiter
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body.count >= position + 2, body[position] == UInt8(ascii: "-"), body[position + 1] == UInt8(ascii: "-") { break }
            guard body.count >= position + 2, body[position] == 13, body[position + 1] == 10 else {
                throw HTTPError(.badRequest, "Ranh giới của biểu mẫu nhiều phần sai dạng.")
            }
            position += 2
            guard parts.count < Self.maximumParts else {
                throw HTTPError(.contentTooLarge, "Biểu mẫu có hơn \(Self.maximumParts) phần.")
            }
            guard let headerEnd = Self.find([13, 10, 13, 10], in: body, from: position, limit: position + Self.maximumPartHeader) else {
                throw HTTPError(.badRequest, "Phần đầu của một phần biểu mẫu sai dạng hoặc quá dài.")
            }
            let headerText = String(decoding: body[position..<headerEnd], as: UTF8.self)
            let dataStart = headerEnd + 4
            guard let dataEnd = Self.find(nextDelimiter, in: body, from: dataStart) else {
                throw HTTPError(.badRequest, "Một phần biểu mẫu không có ranh giới kết thúc.")
            }
            var part = Part(name: "", filename: nil, contentType: nil, data: Array(body[dataStart..<dataEnd]))
            for line in headerText.components(separatedBy: "\r\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let name = line[..<colon].lowercased()
                let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                if name == "content-disposition" {
                    let parameters = Self.parameters(value)
                    part.name = parameters["name"] ?? ""
                    part.filename = parameters["filename"]
                } else if name == "content-type" {
                    part.contentType = value
                }
            }
            guard !part.name.isEmpty else {
                throw HTTPError(.badRequest, "Một phần biểu mẫu không có tên (Content-Disposition: form-data; name=…).")
            }
            parts.append(part)
            position = dataEnd + nextDelimiter.count
        }
        self.parts = parts
    }

    static func boundary(from contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        let value = parameters(contentType)["boundary"]
        // RFC 2046 §5.1.1: 1 to 70 characters.
        guard let value, (1...70).contains(value.utf8.count) else { return nil }
        return value
    }

    /// `key=value` and `key="value"` parameters after the first `;`, keys lowercased.
    static func parameters(_ header: String) -> [String: String] {
        var result: [String: String] = [:]
        for piece in header.split(separator: ";").dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let key = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            result[key] = value.precomposedStringWithCanonicalMapping
        }
        return result
    }

    static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int, limit: Int = .max) -> Int? {
        let end = min(bytes.count, limit)
        guard !pattern.isEmpty, end - start >= pattern.count else { return nil }
        var i = start
        let first = pattern[0]
        while i + pattern.count <= end {
            if bytes[i] == first && bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }
}
