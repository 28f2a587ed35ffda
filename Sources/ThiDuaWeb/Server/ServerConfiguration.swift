import Foundation

/// Where the server listens and how long it waits; every number is in docs/web-server.md.
public struct ServerConfiguration: Sendable {
    /// The address to bind: loopback unless the operator asks for the LAN (`--bind 0.0.0.0`).
    public var bindAddress = "127.0.0.1"
    /// The port; 0 picks a free one (tests).
    public var port: UInt16 = 8080
    public var limits = HTTPLimits()
    /// Request line and headers must arrive within this time of their first byte, however slowly
    /// they trickle (slowloris; Apache mod_reqtimeout's documented example is header=10).
    public var headerTimeout: TimeInterval = 10
    /// The body must arrive within this time once the headers are read (mod_reqtimeout body=30).
    public var bodyTimeout: TimeInterval = 30
    /// An idle keep-alive connection is closed after this long (Node's keepAliveTimeout, 5 s).
    public var idleTimeout: TimeInterval = 5
    /// A response write that makes no progress for this long ends the connection.
    public var writeTimeout: TimeInterval = 15
    /// Connections served at once, one thread each; more are answered 503 and closed. A ward's
    /// whole staff (about 60 people, a browser keeping a few connections each) at once, with room
    /// for connections still closing while their clients open new ones.
    public var maximumConnections = 256
    /// Connections from one non-loopback address at once; more are answered 503 and closed. A ward
    /// reaching a data centre's server through one NAT address is one address for all its staff.
    public var maximumConnectionsPerAddress = 64
    /// Requests at once whose body may be larger than a form's (evidence and roster uploads); more
    /// are answered 503 and closed. Bounds what uploads hold in memory whatever the connection
    /// limit: 16 × the largest upload body (16 MiB) = 256 MiB.
    public var maximumUploadsAtOnce = 16
    /// Whether loopback peers count against `maximumConnectionsPerAddress` (tests; a local proxy must not be capped).
    public var capsLoopback = false
    /// Requests on one keep-alive connection before it is closed.
    public var maximumRequestsPerConnection = 100
    /// On stop, in-flight requests get this long to finish before their sockets are shut.
    public var stopGrace: TimeInterval = 10

    public init() {}

    /// Whether `address` is a loopback address (127.0.0.0/8 or ::1).
    public static func isLoopback(_ address: String) -> Bool {
        address == "::1" || address == "localhost" || address.hasPrefix("127.") || address.hasPrefix("::ffff:127.")
    }
}
