import Foundation

/// One response: status, headers and the whole body (pages are small; nothing is streamed).
public struct Response: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// An HTML page, UTF-8.
    public static func html(_ html: String, status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: HTTPHeaders([("Content-Type", "text/html; charset=utf-8")]), body: Array(html.utf8))
    }

    /// Plain text, UTF-8.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: HTTPHeaders([("Content-Type", "text/plain; charset=utf-8")]), body: Array(text.utf8))
    }

    /// A 303 See Other to a path of this server (POST → redirect → GET).
    public static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: HTTPHeaders([("Location", location)]))
    }

    /// The body as text, for tests.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The value of the cookie `name` set by this response, if any.
    public func setCookie(_ name: String) -> String? {
        for value in headers.values("Set-Cookie") {
            let pair = value.split(separator: ";", maxSplits: 1).first ?? ""
            if pair.hasPrefix(name + "=") { return String(pair.dropFirst(name.count + 1)) }
        }
        return nil
    }
}
