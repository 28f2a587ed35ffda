import Foundation
import ThiDuaBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive `flock` on a lock file beside the resource it guards (`<file>.lock`), taken
/// with a bounded wait. The holder writes who it is (pid, command, time) into the lock file,
/// so a waiter can say who it waits for; the lock goes with the process, so a killed holder
/// never leaves it taken. Readers never take it: they read files that only change by an
/// append or an atomic rename, so a writer stopped with Ctrl-Z blocks no reader.
public final class FileLock: @unchecked Sendable {
    private let descriptor: Int32
    private var held = true

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Takes the lock `name` in `folder`; `what` names the guarded resource in messages
    /// ("nhật ký data/x.journal.jsonl"). Waits up to `policy.timeout` seconds.
    public static func acquire(_ name: String, in folder: CheckedFolder, what: String, policy: LockPolicy) throws(LockError) -> FileLock {
        let fd: Int32
        do {
            fd = try folder.open(name, O_RDWR | O_CREAT, mode: 0o644)
        } catch {
            throw LockError(message: "không mở được tệp khóa \(name): \(error.reason)", busy: false)
        }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
            Self.writeHolder(fd)
            return FileLock(descriptor: fd)
        }
        guard errno == EWOULDBLOCK || errno == EAGAIN || errno == EINTR else {
            let code = errno
            close(fd)
            throw LockError(message: "không khóa được \(what): \(SystemError.text(code))", busy: false)
        }
        let seconds = Numbers.vietnamese(policy.timeout, maxFractionDigits: 1)
        policy.notice("Đang chờ: \(what) đang được một lệnh khác dùng\(Self.holder(fd).map { " (\($0))" } ?? ""); chờ tối đa \(seconds) giây…")
        // A blocking flock queues in the kernel and is woken at the release, so a waiter is not
        // starved by a holder that takes the lock again at once (polling with LOCK_NB would be).
        // It runs on its own thread so the wait can be bounded; an abandoned waiter that gets
        // the lock later gives it straight back.
        let waiter = Waiter(descriptor: fd)
        Thread.detachNewThread { waiter.wait() }
        if waiter.done.wait(timeout: .now() + policy.timeout) == .timedOut {
            let holder = Self.holder(fd)  // before abandoning: the waiter then owns the descriptor
            if waiter.abandon() {
                throw LockError(
                    message:
                        "\(what) đang được một lệnh khác dùng\(holder.map { " (\($0))" } ?? ""); đã chờ \(seconds) giây mà chưa xong. Nếu lệnh đó đang tạm dừng (Ctrl-Z), hãy cho nó chạy tiếp bằng `fg` hoặc kết thúc nó; nếu nó đang chạy, chờ nó xong rồi chạy lại lệnh này (chưa ghi gì).",
                    busy: true)
            }
        }
        guard waiter.acquired else {
            close(fd)
            throw LockError(message: "không khóa được \(what): \(SystemError.text(waiter.code))", busy: false)
        }
        Self.writeHolder(fd)
        return FileLock(descriptor: fd)
    }

    /// A blocking `flock` on its own thread, which the caller can stop waiting for.
    private final class Waiter: @unchecked Sendable {
        let descriptor: Int32
        let done = DispatchSemaphore(value: 0)
        private let state = NSLock()
        private var abandoned = false
        private(set) var acquired = false
        private(set) var code: Int32 = 0

        init(descriptor: Int32) { self.descriptor = descriptor }

        func wait() {
            var result: Int32
            repeat { result = flock(descriptor, LOCK_EX) } while result != 0 && errno == EINTR
            let failure = result == 0 ? 0 : errno
            state.lock()
            if abandoned {
                // Nobody waits any more: give the lock back and close, the caller left it to us.
                if result == 0 { _ = flock(descriptor, LOCK_UN) }
                close(descriptor)
            } else {
                acquired = result == 0
                code = failure
            }
            state.unlock()
            done.signal()
        }

        /// Gives up waiting; false when the lock was obtained (or failed) just before.
        func abandon() -> Bool {
            state.lock()
            defer { state.unlock() }
            if acquired || code != 0 { return false }
            abandoned = true
            return true
        }
    }

    /// Gives the lock back (also done when the lock is released from memory or the process ends).
    public func release() {
        guard held else { return }
        held = false
        _ = ftruncate(descriptor, 0)
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Runs `body` holding the lock.
    public func holding<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        defer { release() }
        return try body()
    }

    /// "pid 4242, lệnh «thidua submit …», từ 2026-12-07T18:40:01Z".
    private static func writeHolder(_ fd: Int32) {
        let arguments = CommandLine.arguments
        let command = ([arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "?"] + arguments.dropFirst()).joined(separator: " ")
        let text = "pid \(getpid()), lệnh «\(InputLimits.shown(printable(command), max: 120))», từ \(ISO8601DateFormatter().string(from: Date()))"
        _ = ftruncate(fd, 0)
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, 0) }
    }

    /// What the holder wrote, made safe to print (no control characters), or nil.
    private static func holder(_ fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 512)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, 512, 0) }
        guard n > 0 else { return nil }
        let text = printable(String(decoding: buffer[0..<n], as: UTF8.self))
        return text.isEmpty ? nil : text
    }

    /// `text` without control characters (a lock file is untrusted: it must not drive the terminal).
    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }))
    }
}
