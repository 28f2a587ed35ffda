import Foundation
import ThiDuaBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One campaign's journal: an append-only file of JSON lines, the system of record.
///
/// Writers hold an exclusive `flock` for the whole append, so two processes never interleave;
/// every append is written whole and `fsync`ed before it returns; a last line cut short by a
/// crash is moved to `<file>.torn` and reported, never dropped. Readers take a shared lock.
public struct JournalStore: Sendable {
    public let url: URL
    /// How messages name the file.
    public let displayName: String

    public init(url: URL, displayName: String? = nil) {
        self.url = url
        self.displayName = displayName ?? url.lastPathComponent
    }

    /// An event to append: what, by whom, for which day.
    public struct Draft: Sendable {
        public var kind: EventKind
        public var actor: String
        public var date: CivilDate
        public var payload: JSONValue

        public init(kind: EventKind, actor: String, date: CivilDate, payload: JSONValue) {
            self.kind = kind
            self.actor = actor
            self.date = date
            self.payload = payload
        }
    }

    /// What an append wrote, and the torn tail it set aside first, if any.
    public struct AppendResult: Sendable {
        public var events: [JournalEvent]
        public var tornTail: TornTail?
    }

    func fail(_ message: String) -> JournalError { JournalError(file: displayName, message: message) }

    func errnoText() -> String { String(cString: strerror(errno)) }

    /// Appends events as one locked, fsynced write. Nothing is written when it throws.
    ///
    /// With `expectingLastSeq`, the append happens only if the journal still ends at that line:
    /// a command that checked the state it read (a lock, an open review) never writes on top of
    /// events another process added meanwhile.
    public func append(_ drafts: [Draft], time: String, expectingLastSeq: Int? = nil) throws(JournalError) -> AppendResult {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw fail("không tạo được thư mục \(folder.path): \(error.localizedDescription)")
        }
        let existed = FileManager.default.fileExists(atPath: url.path)
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw fail("không mở được để ghi: \(errnoText())") }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw fail("không khóa được tệp: \(errnoText())") }
        defer { flock(fd, LOCK_UN) }
        if !existed { fsyncFolder(folder) }

        let tail = try readTail(fd)
        var torn: TornTail?
        if tail.tornBytes.count > 0 {
            torn = try setAside(tail.tornBytes)
            guard ftruncate(fd, off_t(tail.completeLength)) == 0, fsync(fd) == 0 else {
                throw fail("không cắt được dòng dở dang: \(errnoText())")
            }
        }
        var seq = 0
        var prev = JournalEvent.genesis
        if let last = tail.lastLine {
            let (event, reason) = JournalEvent.parse(String(decoding: last, as: UTF8.self))
            guard let event else {
                throw fail("dòng cuối bị hỏng (\(reason ?? "")); chạy `thidua verify` để xem, không ghi thêm")
            }
            seq = event.seq
            prev = SHA256.hex(SHA256.hash(last))
        }
        if let expected = expectingLastSeq, expected != seq {
            throw fail("nhật ký vừa có thêm sự kiện (dòng \(expected) → \(seq)) trong lúc lệnh đang chạy; không ghi gì, hãy chạy lại lệnh")
        }
        var events: [JournalEvent] = []
        var bytes: [UInt8] = []
        for draft in drafts {
            seq += 1
            let event = JournalEvent(
                seq: seq, time: time, date: draft.date, actor: draft.actor, kind: draft.kind, payload: draft.payload, prev: prev)
            let line = Array(event.line.utf8)
            prev = SHA256.hex(SHA256.hash(line))
            bytes += line
            bytes.append(0x0A)
            events.append(event)
        }
        try writeAll(fd, bytes, restoreLength: tail.completeLength)
        writeHead(seq: seq, hash: prev)
        return AppendResult(events: events, tornTail: torn)
    }

    /// Writes every byte at the end, then fsyncs; on any failure cuts the file back.
    private func writeAll(_ fd: Int32, _ bytes: [UInt8], restoreLength: Int) throws(JournalError) {
        guard lseek(fd, off_t(restoreLength), SEEK_SET) >= 0 else { throw fail("không ghi được: \(errnoText())") }
        var written = 0
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errnoText()
                    return
                }
                written += n
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = errnoText() }
        if let failure {
            _ = ftruncate(fd, off_t(restoreLength))
            _ = fsync(fd)
            throw fail("không ghi được (đã hoàn tác, không có gì được ghi): \(failure)")
        }
    }

    private func fsyncFolder(_ folder: URL) {
        let dfd = open(folder.path, O_RDONLY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
    }

    /// Saves torn bytes to `<file>.torn` (appending, fsynced) before they are cut off.
    private func setAside(_ bytes: [UInt8]) throws(JournalError) -> TornTail {
        let tornPath = url.path + ".torn"
        let tfd = open(tornPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard tfd >= 0 else { throw fail("không lưu được dòng dở dang vào \(tornPath): \(errnoText())") }
        defer { close(tfd) }
        var record = bytes
        record.append(0x0A)
        let ok = record.withUnsafeBytes { write(tfd, $0.baseAddress!, $0.count) == $0.count }
        guard ok, fsync(tfd) == 0 else { throw fail("không lưu được dòng dở dang vào \(tornPath): \(errnoText())") }
        return TornTail(bytes: bytes.count, savedTo: displayName + ".torn")
    }

    struct Tail {
        /// Length up to and including the last newline.
        var completeLength: Int
        var lastLine: [UInt8]?
        var tornBytes: [UInt8]
    }

    /// Reads from the end just enough to find the last complete line and any torn bytes.
    private func readTail(_ fd: Int32) throws(JournalError) -> Tail {
        let size = Int(lseek(fd, 0, SEEK_END))
        guard size > 0 else { return Tail(completeLength: 0, lastLine: nil, tornBytes: []) }
        var window = min(size, 65_536)
        while true {
            var chunk = [UInt8](repeating: 0, count: window)
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, window, off_t(size - window)) }
            guard n == window else { throw fail("không đọc được: \(errnoText())") }
            let newlines = chunk.indices.filter { chunk[$0] == 0x0A }
            let lastNewline = newlines.last
            let tornStart = lastNewline.map { $0 + 1 } ?? 0
            let torn = Array(chunk[tornStart...])
            if let lastNewline {
                let previousNewline = newlines.dropLast().last
                if previousNewline != nil || window == size {
                    let start = previousNewline.map { $0 + 1 } ?? 0
                    return Tail(
                        completeLength: size - window + lastNewline + 1, lastLine: Array(chunk[start..<lastNewline]), tornBytes: torn)
                }
            } else if window == size {
                return Tail(completeLength: 0, lastLine: nil, tornBytes: torn)
            }
            window = min(size, window * 4)
        }
    }
}
