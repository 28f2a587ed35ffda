import Foundation

/// A value shared between worker threads behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    var current: Value { withLock { $0 } }
}

/// Runs `body` for every index in `0..<count` on `threads` threads, each taking the next index
/// as it finishes the last, so a slow ward does not hold up a whole slice.
func parallelFor(_ count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> Void) {
    guard count > 0 else { return }
    if threads <= 1 {
        for i in 0..<count { body(i) }
        return
    }
    let next = Locked(0)
    DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
        while true {
            let i = next.withLock { n -> Int in
                defer { n += 1 }
                return n
            }
            if i >= count { return }
            body(i)
        }
    }
}

/// Progress lines on standard error, at most one every few seconds, for long runs.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let total: Int
    private let start = Date()
    private var last = Date()
    private var done = 0
    private let lock = NSLock()
    private let interval: TimeInterval

    init(_ label: String, total: Int, interval: TimeInterval = 3) {
        self.label = label
        self.total = total
        self.interval = interval
    }

    /// Counts `n` more items done; prints when enough time has passed.
    func advance(_ n: Int = 1) {
        lock.lock()
        done += n
        let now = Date()
        let due = now.timeIntervalSince(last) >= interval
        if due { last = now }
        let snapshot = done
        lock.unlock()
        guard due else { return }
        let elapsed = now.timeIntervalSince(start)
        let left = snapshot > 0 ? elapsed / Double(snapshot) * Double(total - snapshot) : 0
        Log.info("[\(label)] \(snapshot)/\(total) — \(Figures.seconds(elapsed)) elapsed, about \(Figures.seconds(left)) left")
    }
}

/// Messages for the person running the benchmark, on standard error.
enum Log {
    static func info(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
