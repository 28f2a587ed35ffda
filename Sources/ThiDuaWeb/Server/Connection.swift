import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One accepted connection: reads requests under deadlines, answers them, keeps alive per RFC 9112 §9.3.
struct Connection: Sendable {
    let fd: Int32
    let peer: String
    let configuration: ServerConfiguration
    let respond: @Sendable (Request) -> Response
    /// Requests with an upload's body being read now, across connections (`maximumUploadsAtOnce`).
    let uploads: Locked<Int>
    let isStopping: @Sendable () -> Bool

    init(
        fd: Int32, peer: String, configuration: ServerConfiguration, respond: @escaping @Sendable (Request) -> Response,
        uploads: Locked<Int>, isStopping: @escaping @Sendable () -> Bool
    ) {
        self.fd = fd
        self.peer = peer
        self.configuration = configuration
        self.respond = respond
        self.uploads = uploads
        self.isStopping = isStopping
    }

    func run() {
        var timeout = timeval(tv_sec: Int(configuration.writeTimeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var parser = RequestParser(limits: configuration.limits, remoteAddress: peer)
        var served = 0
        var idleSince = Date()
        var headerStart: Date?
        var bodyStart: Date?
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        // Whether this connection holds one of the upload slots (from a large body's first bytes to its answer).
        var holdsUpload = false
        defer { if holdsUpload { uploads.withLock { $0 -= 1 } } }
        while true {
            // Answer every complete request already buffered (pipelining) before reading more.
            let request: Request?
            do throws(HTTPError) {
                request = try parser.next()
            } catch {
                refuse(error)
                return
            }
            if let request {
                served += 1
                var response = respond(request)
                if holdsUpload {
                    uploads.withLock { $0 -= 1 }
                    holdsUpload = false
                }
                let keepAlive = request.keepAlive && served < configuration.maximumRequestsPerConnection && !isStopping()
                // An HTTP/1.0 client keeps the connection only when the answer says so (RFC 9112 §9.3).
                if keepAlive && request.minorVersion == 0 { response.headers.set("Connection", "keep-alive") }
                let bytes = ResponseWriter.serialize(response, headOnly: request.method == "HEAD", keepAlive: keepAlive)
                guard Self.sendAll(fd, bytes), keepAlive else {
                    lingeringClose()
                    return
                }
                idleSince = Date()
                headerStart = nil
                bodyStart = nil
                continue
            }
            if parser.isReadingBody {
                if bodyStart == nil { bodyStart = Date() }
                if !holdsUpload && parser.pendingBodyLimit > configuration.limits.formBody {
                    let limit = configuration.maximumUploadsAtOnce
                    holdsUpload = uploads.withLock { count in
                        guard count < limit else { return false }
                        count += 1
                        return true
                    }
                    guard holdsUpload else {
                        refuse(HTTPError(.serviceUnavailable, "Máy chủ đang nhận nhiều tệp cùng lúc. Hãy gửi lại sau ít giây."))
                        return
                    }
                }
            } else if parser.hasPartialRequest {
                if headerStart == nil { headerStart = Date() }
            }
            let deadline: Date
            if let bodyStart {
                deadline = bodyStart.addingTimeInterval(configuration.bodyTimeout)
            } else if let headerStart {
                deadline = headerStart.addingTimeInterval(configuration.headerTimeout)
            } else {
                // Nothing of a request yet: idle keep-alive (or a fresh connection).
                if isStopping() { return }
                deadline = idleSince.addingTimeInterval(served == 0 ? configuration.headerTimeout : configuration.idleTimeout)
            }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                if headerStart != nil || bodyStart != nil {
                    refuse(HTTPError(.requestTimeout, "Yêu cầu gửi quá chậm nên máy chủ đã đóng kết nối."))
                }
                return
            }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(250, max(1, remaining * 1000))))
            if ready < 0 && errno != EINTR { return }
            guard ready > 0 else { continue }
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { return }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            parser.append(chunk[0..<n])
        }
    }

    /// Sends an error page and closes: after a framing error the rest of the stream means nothing.
    private func refuse(_ error: HTTPError) {
        var response = Pages.bare(error)
        SecurityHeadersMiddleware.apply(to: &response)
        if error.status == .serviceUnavailable { response.headers.set("Retry-After", "2") }
        _ = Self.sendAll(fd, ResponseWriter.serialize(response, keepAlive: false))
        lingeringClose()
    }

    /// Half-closes, then drains what the client still sends for up to a second, so the client
    /// reads the response instead of a reset caused by its own unread bytes (RFC 9112 §9.6).
    private func lingeringClose() {
        shutdown(fd, Int32(SHUT_WR))
        let deadline = Date().addingTimeInterval(1)
        var drained = 0
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        while Date() < deadline && drained < 1 << 20 {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            let n = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return }
            drained += n
        }
    }

    /// Writes everything; false when the peer went away or stalled. MSG_NOSIGNAL: no SIGPIPE.
    @discardableResult
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }
}
