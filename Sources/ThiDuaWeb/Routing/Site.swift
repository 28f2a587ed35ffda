import Foundation
import ThiDuaCore

/// One workspace served over the web, with its own accounts, sessions, throttle and access journal.
///
/// With `thidua serve --root DIR` each ward folder is one `Site` under `/<ward>/`; nothing
/// (cookie path, session store, account file) is shared between two sites.
public final class Site: Sendable {
    /// The ward folder name under `--root`, nil when one workspace is served at `/`.
    public let name: String?
    public let workspace: Workspace
    public let registry: CampaignTypeRegistry
    public let accounts: AccountStore
    public let sessions: SessionStore
    public let throttle: LoginThrottle
    public let accessLog: AccessLog
    /// Work factor of the dummy hash checked for unknown logins, so they take as long as known ones.
    public let dummyIterations: Int
    /// At most two password checks run at once: PBKDF2 is the server's costliest step (CPU DoS).
    let passwordGate = DispatchSemaphore(value: 2)
    private let dummyHash = Locked<PasswordHash?>(nil)

    public init(
        name: String? = nil, workspace: Workspace, registry: CampaignTypeRegistry, sessionPolicy: SessionPolicy = SessionPolicy(),
        throttlePolicy: LoginThrottle.Policy = LoginThrottle.Policy(), dummyIterations: Int = PasswordHash.defaultIterations
    ) {
        self.name = name
        self.workspace = workspace
        self.registry = registry
        accounts = AccountStore(workspace: workspace)
        sessions = SessionStore(policy: sessionPolicy)
        throttle = LoginThrottle(policy: throttlePolicy)
        accessLog = AccessLog(workspace: workspace)
        self.dummyIterations = dummyIterations
    }

    /// Checks `password` against a hash no account has, at the site's work factor; always false.
    /// Made on first use, so starting the server does not wait for it.
    func verifyAgainstDummy(_ password: String) -> Bool {
        let hash = dummyHash.withLock { stored -> PasswordHash in
            if let stored { return stored }
            let made = PasswordHash(password: SecureRandom.token(), iterations: dummyIterations)
            stored = made
            return made
        }
        return hash.verify(password) && false
    }

    /// The URL prefix: "" or "/<ward>".
    public var basePath: String { name.map { "/" + PercentDecoding.encode($0) } ?? "" }

    /// A path of this site, e.g. `link("/dang-nhap")`.
    public func link(_ path: String) -> String { basePath + path }

    /// The session cookie's Path attribute: "/" or "/<ward>/".
    public var cookiePath: String { basePath + "/" }
}
