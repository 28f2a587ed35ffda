import Foundation

/// A thread-safe store of at most `capacity` values, the least recently used dropped when a new
/// one comes in. Shared checks (`ContentCache`, keyed by the SHA-256 of everything a result was
/// computed from) and the workspaces' memories (`WorkspaceMemories`, keyed by folder) both keep
/// their entries here.
public final class BoundedCache<Key: Hashable & Sendable, Value>: @unchecked Sendable {
    /// Guards the entries; held only to look up, store or make a cheap value.
    private let lock = NSLock()
    private var entries: [Key: (value: Value, used: UInt64)] = [:]
    private var clock: UInt64 = 0
    private var bound: Int

    public init(capacity: Int) {
        bound = max(1, capacity)
    }

    /// The most entries kept; lowering it drops the least recently used at once.
    public var capacity: Int {
        get { lock.withLock { bound } }
        set {
            lock.withLock {
                bound = max(1, newValue)
                while entries.count > bound { dropOldest() }
            }
        }
    }

    /// How many entries are kept.
    public var count: Int { lock.withLock { entries.count } }

    /// The value stored under exactly `key`.
    public func value(for key: Key) -> Value? {
        lock.withLock {
            clock += 1
            guard let entry = entries[key] else { return nil }
            entries[key] = (entry.value, clock)
            return entry.value
        }
    }

    /// Stores `value` under `key`, dropping the least recently used entry when full.
    public func store(_ value: Value, for key: Key) {
        lock.withLock { insert(value, for: key) }
    }

    /// The value under `key`, computed outside the lock and stored when absent: for costly pure
    /// results, where two threads computing the same one at once both get equal values.
    public func value(for key: Key, compute: () -> Value) -> Value {
        if let known = value(for: key) { return known }
        let value = compute()
        store(value, for: key)
        return value
    }

    /// The value under `key`, made under the lock when absent: for cheap values of which there
    /// must be exactly one per key (a workspace's memory).
    public func valueMadeOnce(for key: Key, make: () -> Value) -> Value {
        lock.withLock {
            clock += 1
            if let entry = entries[key] {
                entries[key] = (entry.value, clock)
                return entry.value
            }
            let value = make()
            insert(value, for: key)
            return value
        }
    }

    /// Forgets every entry (a benchmark measuring a new process; tests).
    public func clear() {
        lock.withLock { entries = [:] }
    }

    /// The lock is held.
    private func insert(_ value: Value, for key: Key) {
        clock += 1
        if entries[key] == nil, entries.count >= bound { dropOldest() }
        entries[key] = (value, clock)
    }

    /// Drops the least recently used entry; the lock is held.
    private func dropOldest() {
        guard let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key else { return }
        entries[oldest] = nil
    }
}

/// Results that depend only on content, each under the SHA-256 of everything it was computed
/// from, shared by every workspace of a process: wards hold byte-identical copies of the same
/// campaign files and types, so a run over many wards computes each distinct one once. An entry
/// is found only by its whole key, so one whose inputs changed is never seen.
public typealias ContentCache<Value> = BoundedCache<[UInt8], Value>
