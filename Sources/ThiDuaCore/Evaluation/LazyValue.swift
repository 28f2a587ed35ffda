import Foundation

/// A value computed on first use, once, safely from any thread.
final class LazyValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let value = make()
        stored = value
        return value
    }
}

/// Values computed once per key, safely from any thread.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Key: Value] = [:]

    /// The value for `key`, made by `make` the first time (outside the lock: two threads may both
    /// make it; the values are the same).
    func value(for key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        if let value = stored[key] {
            lock.unlock()
            return value
        }
        lock.unlock()
        let value = make()
        lock.lock()
        stored[key] = value
        lock.unlock()
        return value
    }
}
