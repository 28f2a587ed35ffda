import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Serialises responses; a header that could split the response is never written.
public enum ResponseWriter {
    /// The bytes of `response` as sent on the wire.
    ///
    /// `Content-Length` and `Date` are set here; `Connection: close` is added when the
    /// connection ends after it. A header name that is not a token, or a value with CR, LF or
    /// NUL, turns the response into a plain 500 (response splitting, cowlib CVE-2026-43969).
    public static func serialize(_ response: Response, headOnly: Bool = false, keepAlive: Bool, date: Date = Date()) -> [UInt8] {
        var headers = response.headers
        let valid = headers.allSatisfy { field in
            !field.name.isEmpty && field.name.utf8.allSatisfy(RequestParser.isTokenByte)
                && !field.value.utf8.contains { $0 == 13 || $0 == 10 || $0 == 0 }
        }
        guard valid else {
            return serialize(.text("Lỗi máy chủ.", status: .internalServerError), headOnly: headOnly, keepAlive: false, date: date)
        }
        headers.set("Content-Length", String(response.body.count))
        headers.set("Date", httpDate(date))
        if !keepAlive { headers.set("Connection", "close") }
        var text = "HTTP/1.1 \(response.status.code) \(response.status.reason)\r\n"
        for field in headers { text += "\(field.name): \(field.value)\r\n" }
        text += "\r\n"
        var bytes = Array(text.utf8)
        if !headOnly { bytes += response.body }
        return bytes
    }

    /// IMF-fixdate (RFC 9110 §5.6.7), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`; no formatter, so no locale or thread issues.
    public static func httpDate(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
