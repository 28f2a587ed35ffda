import Foundation

/// Counts failed sign-ins per account and per address and refuses further tries for a while.
///
/// ASVS 4.0.3 V2.2.1 asks for at most 100 failures an hour on one account; here an account
/// takes 10 failures in 15 minutes, an address 30, then waits until the oldest counted failure
/// leaves the window. The count is per account, not only per address, so spreading guesses
/// over many machines does not help (OWASP Authentication Cheat Sheet).
public final class LoginThrottle: Sendable {
    public struct Policy: Sendable {
        public var window: TimeInterval = 15 * 60
        public var accountFailures = 10
        public var addressFailures = 30
        /// Keys remembered at most (memory bound); the stalest go first.
        public var capacity = 50_000
        public init() {}
    }

    public let policy: Policy
    private let failures = Locked<[String: [Date]]>([:])

    public init(policy: Policy = Policy()) {
        self.policy = policy
    }

    /// Seconds to wait before `login` may try again from `address`, or nil when it may try now.
    public func wait(login: String, address: String, now: Date) -> TimeInterval? {
        failures.withLock { all in
            let checks = [("tk:" + login, policy.accountFailures), ("ip:" + address, policy.addressFailures)]
            var longest: TimeInterval?
            for (key, limit) in checks {
                let recent = (all[key] ?? []).filter { now.timeIntervalSince($0) < policy.window }
                all[key] = recent.isEmpty ? nil : recent
                if recent.count >= limit, let oldest = recent.first {
                    let wait = policy.window - now.timeIntervalSince(oldest)
                    longest = max(longest ?? 0, wait)
                }
            }
            return longest
        }
    }

    /// Counts one failure.
    public func recordFailure(login: String, address: String, now: Date) {
        failures.withLock { all in
            if all.count >= policy.capacity {
                all = all.filter { $0.value.last.map { now.timeIntervalSince($0) < policy.window } ?? false }
                if all.count >= policy.capacity { all.removeAll() }
            }
            for key in ["tk:" + login, "ip:" + address] {
                var list = all[key] ?? []
                list.append(now)
                if list.count > 100 { list.removeFirst(list.count - 100) }
                all[key] = list
            }
        }
    }

    /// Clears the account's count after a successful sign-in.
    public func recordSuccess(login: String) {
        failures.withLock { $0["tk:" + login] = nil }
    }
}
