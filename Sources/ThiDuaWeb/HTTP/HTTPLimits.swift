import Foundation

/// Size limits of one request; every number is documented in docs/web-server.md.
public struct HTTPLimits: Sendable {
    /// Request line, CRLF excluded (Apache's LimitRequestLine is 8190): beyond → 414.
    public var requestLine = 8 * 1024
    /// The whole header block after the request line: beyond → 431.
    public var headerBlock = 16 * 1024
    /// Header fields per request (Apache's LimitRequestFields is 100): beyond → 431.
    public var headerCount = 100
    /// Body of any request that is not multipart/form-data (forms, logins): beyond → 413.
    public var formBody = 64 * 1024
    /// Body of a multipart/form-data request (evidence uploads): beyond → 413.
    public var uploadBody = 16 * 1024 * 1024
    /// One chunk-size line of a chunked body, extensions included.
    public var chunkLine = 1024

    public init() {}

    /// The body limit for a request with this Content-Type.
    public func bodyLimit(contentType: String?) -> Int {
        let type = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        return type == "multipart/form-data" ? uploadBody : formBody
    }
}
