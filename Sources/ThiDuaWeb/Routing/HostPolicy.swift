/// The `Host` values this server answers to, against DNS rebinding.
///
/// A page on another site can make a browser send requests to `127.0.0.1` under its own
/// name; refusing any Host that is not one of ours (421) stops it reading the answers.
public struct HostPolicy: Sendable, Equatable {
    /// Accepted Host values, lowercased, `name:port` (and bare `name` when the port is 80).
    public private(set) var allowed: Set<String>

    /// Accepts the loopback names and `names`, on `port`.
    public init(port: UInt16, names: [String] = []) {
        var hosts: Set<String> = []
        for name in ["127.0.0.1", "localhost", "[::1]"] + names {
            let lower = name.lowercased()
            let spelled = lower.contains(":") && !lower.hasPrefix("[") ? "[\(lower)]" : lower
            hosts.insert("\(spelled):\(port)")
            if port == 80 { hosts.insert(spelled) }
        }
        allowed = hosts
    }

    /// nil when `host` is allowed; else the status to refuse with (400 missing, 421 foreign).
    public func refusal(for host: String?) -> HTTPError? {
        guard let host, !host.isEmpty else { return HTTPError(.badRequest, "Yêu cầu thiếu trường Host.") }
        let lower = host.lowercased()
        let trimmed = lower.hasSuffix(".") ? String(lower.dropLast()) : lower
        if allowed.contains(lower) || allowed.contains(trimmed) { return nil }
        return HTTPError(
            .misdirectedRequest, "Máy chủ này không phục vụ tên «\(host)». Hãy mở đúng địa chỉ đã được cấp (ví dụ http://127.0.0.1:8080/).")
    }
}
