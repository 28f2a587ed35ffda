import Foundation

/// One browser's session; anonymous (login nil) before sign-in, to carry the login form's CSRF token.
public struct Session: Sendable, Equatable {
    /// SHA-256 of the cookie value, hex: the store never keeps the id itself.
    public var key: String
    /// The signed-in account, nil for a pre-session.
    public var login: String?
    /// Synchronizer token for every POST of this session, 256 bits.
    public var csrfToken: String
    public var created: Date
    public var lastSeen: Date
    /// The password salt at sign-in: a password change ends every older session.
    public var passwordStamp: [UInt8]
}

/// Session timeouts (OWASP Session Management Cheat Sheet; ASVS 4.0.3 V3.3.2 L2).
public struct SessionPolicy: Sendable {
    /// Ends a session after this long without a request: 30 minutes.
    public var idleTimeout: TimeInterval = 30 * 60
    /// Ends a session this long after sign-in, however active: 8 hours, an office day.
    public var absoluteTimeout: TimeInterval = 8 * 3600
    /// Sessions kept at most; beyond it the oldest anonymous ones go first.
    public var capacity = 10_000
    /// Adds `Secure` to the cookie; only behind HTTPS (a TLS proxy), documented in docs/web-server.md.
    public var secureCookie = false

    public init() {}
}

/// The sessions of one workspace, in memory: a restart signs everyone out.
public final class SessionStore: Sendable {
    public let policy: SessionPolicy
    private let sessions = Locked<[String: Session]>([:])

    public init(policy: SessionPolicy = SessionPolicy()) {
        self.policy = policy
    }

    /// Starts a session; returns the cookie value (256 random bits) and the session.
    public func create(login: String?, passwordStamp: [UInt8] = [], now: Date) -> (id: String, session: Session) {
        let id = SecureRandom.token(byteCount: 32)
        let session = Session(
            key: Self.key(id), login: login, csrfToken: SecureRandom.token(byteCount: 32), created: now, lastSeen: now,
            passwordStamp: passwordStamp)
        sessions.withLock { all in
            if all.count >= policy.capacity { evict(&all, now: now) }
            all[session.key] = session
        }
        return (id, session)
    }

    /// The live session for a cookie value, touched; nil (and forgotten) when unknown or expired.
    public func session(forID id: String, now: Date) -> Session? {
        let key = Self.key(id)
        return sessions.withLock { all in
            guard var session = all[key] else { return nil }
            guard !isExpired(session, now: now) else {
                all[key] = nil
                return nil
            }
            session.lastSeen = now
            all[key] = session
            return session
        }
    }

    /// Ends a session.
    public func destroy(key: String) {
        sessions.withLock { $0[key] = nil }
    }

    /// Ends every session of `login` (disabled account, new password).
    public func destroyAll(login: String) {
        sessions.withLock { all in all = all.filter { $0.value.login != login } }
    }

    /// Number of sessions held, for tests.
    public var count: Int { sessions.withLock { $0.count } }

    func isExpired(_ session: Session, now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeen) > policy.idleTimeout || now.timeIntervalSince(session.created) > policy.absoluteTimeout
    }

    private func evict(_ all: inout [String: Session], now: Date) {
        all = all.filter { !isExpired($0.value, now: now) }
        guard all.count >= policy.capacity else { return }
        let victims = all.values.sorted { ($0.login == nil ? 0 : 1, $0.lastSeen) < ($1.login == nil ? 0 : 1, $1.lastSeen) }
        for victim in victims.prefix(all.count - policy.capacity + 1) { all[victim.key] = nil }
    }

    static func key(_ id: String) -> String {
        SHA256Hex.of(id)
    }
}
