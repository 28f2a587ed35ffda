import Foundation

/// A bounded store of results that depend only on content, each under the SHA-256 of
/// everything it was computed from. Shared by every workspace of a process: wards hold
/// byte-identical copies of the same campaign files and types, so a run over many wards
/// computes each distinct one once. An entry is found only by its whole key, so one whose
/// inputs changed is never seen; the least recently used entry goes when the store is full.
public final class ContentCache<Value: Sendable>: @unchecked Sendable {
    /// Guards the entries; held only to look up or store.
    private let lock = NSLock()
    private var entries: [[UInt8]: (value: Value, used: UInt64)] = [:]
    private var clock: UInt64 = 0
    /// The most entries kept.
    public let capacity: Int

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The value stored under exactly `key`.
    public func value(for key: [UInt8]) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        clock += 1
        guard let entry = entries[key] else { return nil }
        entries[key] = (entry.value, clock)
        return entry.value
    }

    /// Stores `value` under `key`, dropping the least recently used entry when full.
    public func store(_ value: Value, for key: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        clock += 1
        if entries[key] == nil, entries.count >= capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
            entries[oldest] = nil
        }
        entries[key] = (value, clock)
    }

    /// The value under `key`, computed and stored when absent. Two threads may both compute a
    /// missing one; both results are the same, as the key says.
    public func value(for key: [UInt8], compute: () -> Value) -> Value {
        if let known = value(for: key) { return known }
        let value = compute()
        store(value, for: key)
        return value
    }

    /// How many entries are kept.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }

    /// Forgets every entry (a benchmark measuring a new process; tests).
    public func clear() {
        lock.lock()
        defer { lock.unlock() }
        entries = [:]
    }
}
