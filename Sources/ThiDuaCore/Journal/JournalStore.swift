import Foundation
import ThiDuaBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One campaign's journal: an append-only file of JSON lines, the system of record.
///
/// Writers take the journal's lock (`<file>.lock`, a bounded wait naming the holder), so two
/// processes never interleave and a second writer waits its turn; every append is written
/// whole and `fsync`ed before it returns. `<file>.head` records the last line's seq and hash:
/// every read and append checks the tail against it, so a last line edited, removed or cut
/// short is reported and never written over. A last line cut short by a crash (before the
/// head moved) is moved to `<file>.torn` and reported, never dropped. Readers take no lock.
/// Every file is opened through `CheckedFolder`: no link is followed, nothing leaves the folder.
public struct JournalStore: Sendable {
    public let url: URL
    /// How messages name the file.
    public let displayName: String
    /// The workspace the journal must stay under; nil when the folder is trusted as named.
    public let root: URL?
    /// How long a writer waits for another, and where it says so.
    public var lockPolicy: LockPolicy

    public init(url: URL, displayName: String? = nil, root: URL? = nil, lockPolicy: LockPolicy = .standard) {
        self.url = url.standardizedFileURL
        self.displayName = displayName ?? url.lastPathComponent
        self.root = root
        self.lockPolicy = lockPolicy
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

    /// The drafts of one action and the clock time it was taken at: several actions' groups
    /// can be written by one append (group commit, see `BackOffice.commit`).
    public struct Group: Sendable {
        public var drafts: [Draft]
        public var time: String

        public init(drafts: [Draft], time: String) {
            self.drafts = drafts
            self.time = time
        }
    }

    /// What an append wrote, and the torn tail it set aside first, if any.
    public struct AppendResult: Sendable {
        /// Every group's events, in the order of the groups.
        public var events: [JournalEvent]
        public var tornTail: TornTail?
        /// The journal's last line before the write, and after it: a state folded up to
        /// `before` and given `events` stands at `after`.
        public var before = JournalPosition.start
        public var after = JournalPosition.start
    }

    var name: String { url.lastPathComponent }
    var headName: String { name + ".head" }

    func fail(_ message: String, _ kind: JournalError.Kind = .other) -> JournalError {
        JournalError(file: displayName, message: message, kind: kind)
    }

    /// A refused file access as a journal error: a refused path is `.unsafePath`, the rest `.io`.
    func fail(_ doing: String, _ error: FileAccessError) -> JournalError {
        fail("\(doing): \(error.reason)", error.code == nil || error.code == ELOOP ? .unsafePath : .io)
    }

    func folder(create: Bool) throws(JournalError) -> CheckedFolder {
        do {
            return try CheckedFolder.open(url.deletingLastPathComponent(), under: root, create: create)
        } catch {
            throw fail("không mở được thư mục chứa nhật ký", error)
        }
    }

    /// Appends events as one locked, fsynced write. Nothing is written when it throws.
    ///
    /// With `expectingLastSeq`, the append happens only if the journal still ends at that line:
    /// a command that checked the state it read (a lock, an open review) never writes on top of
    /// events another process added meanwhile; it gets a `.stale` error and may read again and retry.
    public func append(_ drafts: [Draft], time: String, expectingLastSeq: Int? = nil) throws(JournalError) -> AppendResult {
        try append([Group(drafts: drafts, time: time)], expectingLastSeq: expectingLastSeq)
    }

    /// Appends several actions' drafts, each group with its own time, as one locked write with one
    /// fsync: all of them or none. `expectingLastSeq` as for `append(_:time:expectingLastSeq:)`.
    public func append(_ groups: [Group], expectingLastSeq: Int? = nil) throws(JournalError) -> AppendResult {
        let folder = try folder(create: true)
        let lock: FileLock
        do {
            lock = try FileLock.acquire(name + ".lock", in: folder, what: "nhật ký \(displayName)", policy: lockPolicy)
        } catch {
            throw error.busy ? fail(error.message, .busy) : fail("không mở được để ghi: \(error.message)", .io)
        }
        defer { lock.release() }
        let existed = folder.contains(name)
        let fd: Int32
        do {
            fd = try folder.open(name, O_RDWR | O_CREAT)
        } catch {
            throw fail("không mở được để ghi", error)
        }
        defer { close(fd) }
        if !existed { folder.sync() }

        let tail = try readTail(fd)
        let head = readHead(folder)
        if tail.completeLength == 0, case .missing = head {
            // A new journal gets its head (line 0) first: a crash after its first line is then
            // a head one write behind, which the next append repairs, never a missing head.
            try writeHead(folder, seq: 0, hash: JournalEvent.genesis)
        }
        let (lastSeq, lastHash) = try checkTail(tail, head: head, fd: fd)
        var torn: TornTail?
        if tail.tornBytes.count > 0 {
            torn = try setAside(tail.tornBytes, in: folder)
            guard ftruncate(fd, off_t(tail.completeLength)) == 0, fsync(fd) == 0 else {
                throw fail("không cắt được dòng dở dang: \(SystemError.text())", .io)
            }
        }
        if let expected = expectingLastSeq, expected != lastSeq {
            throw fail("nhật ký vừa có thêm sự kiện (dòng \(expected) → \(lastSeq)) trong lúc lệnh đang chạy; không ghi gì, hãy chạy lại lệnh", .stale)
        }
        var seq = lastSeq
        var prev = lastHash
        var events: [JournalEvent] = []
        var bytes: [UInt8] = []
        var lastLineStart = tail.completeLength - (tail.lastLine.map { $0.count + 1 } ?? 0)
        let before = tail.lastLine == nil ? .start : JournalPosition(seq: lastSeq, hash: lastHash, lineStart: lastLineStart, offset: tail.completeLength)
        for group in groups {
            for draft in group.drafts {
                seq += 1
                let event = JournalEvent(
                    seq: seq, time: group.time, date: draft.date, actor: draft.actor, kind: draft.kind, payload: draft.payload, prev: prev)
                let line = Array(event.line.utf8)
                prev = SHA256.hex(SHA256.hash(line))
                lastLineStart = tail.completeLength + bytes.count
                bytes += line
                bytes.append(0x0A)
                events.append(event)
            }
        }
        let after = events.isEmpty ? before : JournalPosition(seq: seq, hash: prev, lineStart: lastLineStart, offset: tail.completeLength + bytes.count)
        // The new head is written and synced before the journal moves, so a full disk is
        // found while nothing is written yet; it replaces the old head only after the lines are on disk.
        let pending = headName + ".tmp"
        do {
            try prepareHead(folder, seq: seq, hash: prev, temporary: pending)
        } catch {
            throw fail("không ghi được (đã hoàn tác, không có gì được ghi): \(error.reason)", .io)
        }
        do {
            try writeAll(fd, bytes, restoreLength: tail.completeLength)
        } catch {
            folder.remove(pending)
            throw error
        }
        do {
            try folder.rename(pending, to: headName)
        } catch {
            folder.remove(pending)
            _ = ftruncate(fd, off_t(tail.completeLength))
            _ = fsync(fd)
            throw fail("không ghi được (đã hoàn tác, không có gì được ghi): không cập nhật được \(headName): \(error.reason)", .io)
        }
        return AppendResult(events: events, tornTail: torn, before: before, after: after)
    }

    /// The seq and hash the next line chains to, after checking the tail against the head.
    /// A tail that does not match is damage, refused with what to do; a head one write behind
    /// (a crash after the lines were on disk, before the head moved) is accepted once the
    /// lines after it are checked.
    private func checkTail(_ tail: Tail, head: HeadState, fd: Int32) throws(JournalError) -> (Int, String) {
        var lastSeq = 0
        var lastHash = JournalEvent.genesis
        if let last = tail.lastLine {
            let (event, reason) = JournalEvent.parse(String(decoding: last, as: UTF8.self))
            guard let event else { throw damaged("dòng cuối không đọc được (\(reason ?? ""))") }
            lastSeq = event.seq
            lastHash = SHA256.hex(SHA256.hash(last))
        }
        switch head {
        case .unchecked:
            break
        case .missing:
            if tail.completeLength > 0 { throw damaged(HeadState.missingReason(headName)) }
        case .broken(let reason):
            throw damaged("tệp \(headName) bị hỏng (\(reason))")
        case .present(let seq, let hash):
            if seq == lastSeq {
                if hash != lastHash { throw damaged("dòng cuối (dòng \(lastSeq)) đã bị sửa sau khi ghi: mã băm không khớp với tệp \(headName)") }
            } else if seq > lastSeq {
                throw damaged(HeadState.shortReason(headSeq: seq, lines: lastSeq, tornBytes: tail.tornBytes.count))
            } else {
                // Behind: walk the whole file to check the line the head names and every line after it.
                let bytes: [UInt8]
                do {
                    bytes = try CheckedFolder.readAll(fd, limit: ByteLimit(bytes: Int.max, what: "nhật ký"))
                } catch {
                    throw fail("không đọc được", error)
                }
                let contents = Self.walk(Array(bytes[0..<tail.completeLength]), head: head, headName: headName)
                if let failure = contents.failure { throw damaged("dòng \(failure.line): \(failure.reason)") }
            }
        }
        return (lastSeq, lastHash)
    }

    /// Damage found at the tail: nothing is written until the user acts.
    func damaged(_ what: String) -> JournalError {
        fail(
            "\(what). Không ghi gì thêm: nhật ký có thể đã bị sửa hoặc hỏng sau lần ghi cuối. Chạy `thidua verify` để xem; khôi phục \(displayName) và \(displayName).head từ bản sao lưu (hoặc git) rồi chạy lại lệnh.",
            .damaged)
    }

    /// Writes every byte at the end, then fsyncs; on any failure cuts the file back.
    private func writeAll(_ fd: Int32, _ bytes: [UInt8], restoreLength: Int) throws(JournalError) {
        guard lseek(fd, off_t(restoreLength), SEEK_SET) >= 0 else { throw fail("không ghi được: \(SystemError.text())", .io) }
        var failure = CheckedFolder.writeAll(fd, bytes)
        if failure == nil && fsync(fd) != 0 { failure = .system(errno) }
        if let failure {
            _ = ftruncate(fd, off_t(restoreLength))
            _ = fsync(fd)
            throw fail("không ghi được (đã hoàn tác, không có gì được ghi): \(failure.reason)", .io)
        }
    }

    /// Saves torn bytes to `<file>.torn` (appending, fsynced, never through a link) before they are cut off.
    private func setAside(_ bytes: [UInt8], in folder: CheckedFolder) throws(JournalError) -> TornTail {
        let tornName = name + ".torn"
        let tfd: Int32
        do {
            tfd = try folder.open(tornName, O_WRONLY | O_CREAT | O_APPEND)
        } catch {
            throw fail("không lưu được dòng dở dang vào \(displayName).torn", error)
        }
        defer { close(tfd) }
        if let problem = CheckedFolder.writeAll(tfd, bytes + [0x0A]) {
            throw fail("không lưu được dòng dở dang vào \(displayName).torn: \(problem.reason)", .io)
        }
        guard fsync(tfd) == 0 else { throw fail("không lưu được dòng dở dang vào \(displayName).torn: \(SystemError.text())", .io) }
        folder.sync()
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
            guard n == window else { throw fail("không đọc được: \(SystemError.text())", .io) }
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
