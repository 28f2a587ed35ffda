import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The socket front of `WebApplication`: blocking sockets, one thread per connection (bounded).
///
/// On a 2-core office machine a thread per connection with `poll(2)` deadlines is simpler and
/// sturdier than an event loop, and keeps blocking socket calls off Swift's cooperative pool.
/// Every read waits at most 250 ms at a time, so deadlines and `stop()` are noticed promptly.
public final class HTTPServer: Sendable {
    public let configuration: ServerConfiguration
    private let respond: @Sendable (Request) -> Response
    private let state = Locked(State())
    private let finished = DispatchSemaphore(value: 0)
    /// Upload bodies being read now (`ServerConfiguration.maximumUploadsAtOnce`).
    private let uploads = Locked(0)

    struct State {
        var listener: Int32 = -1
        var port: UInt16 = 0
        var stopping = false
        var started = false
        var acceptLoopDone = false
        /// Open connections: socket → peer address.
        var connections: [Int32: String] = [:]
    }

    public init(configuration: ServerConfiguration, respond: @escaping @Sendable (Request) -> Response) {
        self.configuration = configuration
        self.respond = respond
    }

    /// The bound port (after `start`).
    public var port: UInt16 { state.withLock { $0.port } }

    /// Connections open now.
    public var openConnections: Int { state.withLock { $0.connections.count } }

    /// Binds, listens and starts accepting on a background thread; returns the bound port.
    @discardableResult
    public func start() throws(WebError) -> UInt16 {
        signal(SIGPIPE, SIG_IGN)
        let address = configuration.bindAddress == "localhost" ? "127.0.0.1" : configuration.bindAddress
        let isIPv6 = address.contains(":")
        let fd = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw WebError("Không tạo được socket: \(String(cString: strerror(errno))).") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound: Int32
        if isIPv6 {
            var addr = sockaddr_in6()
            addr.sin6_family = sa_family_t(AF_INET6)
            addr.sin6_port = configuration.port.bigEndian
            guard inet_pton(AF_INET6, address, &addr.sin6_addr) == 1 else {
                close(fd)
                throw WebError("Địa chỉ «\(configuration.bindAddress)» không phải địa chỉ IP hợp lệ.")
            }
            bound = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_port = configuration.port.bigEndian
            guard inet_pton(AF_INET, address, &addr.sin_addr) == 1 else {
                close(fd)
                throw WebError("Địa chỉ «\(configuration.bindAddress)» không phải địa chỉ IP hợp lệ.")
            }
            bound = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw WebError(
                "Không mở được cổng \(configuration.port) trên \(configuration.bindAddress): \(reason). Cổng có thể đang được chương trình khác dùng; chọn cổng khác bằng --port."
            )
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        let port = withUnsafePointer(to: &storage) { pointer -> UInt16 in
            isIPv6
                ? pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
                : pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
        state.withLock {
            $0.listener = fd
            $0.port = port
            $0.started = true
        }
        let thread = Thread { [self] in acceptLoop(fd) }
        thread.name = "thidua-accept"
        thread.start()
        return port
    }

    /// Stops accepting, lets in-flight requests finish their responses, closes idle connections,
    /// and returns when every connection is closed (or the grace period is over and they were shut).
    public func stop() {
        let alreadyStopping = state.withLock { state -> Bool in
            defer { state.stopping = true }
            // Never started: there is no accept loop to wait for.
            if !state.started { state.acceptLoopDone = true }
            return state.stopping
        }
        if alreadyStopping {
            waitUntilStopped()
            return
        }
        let deadline = Date().addingTimeInterval(configuration.stopGrace)
        while Date() < deadline {
            if state.withLock({ $0.acceptLoopDone && $0.connections.isEmpty }) { break }
            usleep(20_000)
        }
        // Past the grace period: unblock whatever is left.
        state.withLock { for fd in $0.connections.keys { shutdown(fd, Int32(SHUT_RDWR)) } }
        while !state.withLock({ $0.acceptLoopDone && $0.connections.isEmpty }) { usleep(20_000) }
        finished.signal()
    }

    /// Blocks until `stop()` has finished.
    public func waitUntilStopped() {
        finished.wait()
        finished.signal()
    }

    private func acceptLoop(_ listener: Int32) {
        var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        while !state.withLock({ $0.stopping }) {
            let ready = poll(&descriptor, 1, 200)
            guard ready > 0 else { continue }
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { accept(listener, $0, &length) }
            }
            guard fd >= 0 else { continue }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            let peer = Self.describe(&storage)
            let admitted = state.withLock { state -> Bool in
                guard state.connections.count < configuration.maximumConnections, !state.stopping else { return false }
                // One other machine cannot hold every slot; this machine (a local proxy, tests) is not capped.
                if configuration.capsLoopback || !ServerConfiguration.isLoopback(peer) {
                    let fromPeer = state.connections.values.filter { $0 == peer }.count
                    guard fromPeer < configuration.maximumConnectionsPerAddress else { return false }
                }
                state.connections[fd] = peer
                return true
            }
            guard admitted else {
                var busy = Pages.bare(HTTPError(.serviceUnavailable, "Máy chủ đang bận. Hãy thử lại sau ít giây."))
                SecurityHeadersMiddleware.apply(to: &busy)
                busy.headers.set("Retry-After", "2")
                Connection.sendAll(fd, ResponseWriter.serialize(busy, keepAlive: false))
                close(fd)
                continue
            }
            let connection = Connection(fd: fd, peer: peer, configuration: configuration, respond: respond, uploads: uploads) { [self] in
                state.withLock { $0.stopping }
            }
            let thread = Thread { [self] in
                connection.run()
                state.withLock { _ = $0.connections.removeValue(forKey: fd) }
                close(fd)
            }
            thread.name = "thidua-connection"
            thread.start()
        }
        close(listener)
        state.withLock {
            $0.listener = -1
            $0.acceptLoopDone = true
        }
    }

    /// The peer's IP address as text.
    static func describe(_ storage: inout sockaddr_storage) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        if Int32(storage.ss_family) == AF_INET {
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                    var address = pointer.pointee.sin_addr
                    inet_ntop(AF_INET, &address, &buffer, socklen_t(buffer.count))
                    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                }
            }
        }
        return withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                var address = pointer.pointee.sin6_addr
                inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count))
                return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        }
    }
}
