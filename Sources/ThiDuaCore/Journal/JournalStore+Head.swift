import Foundation
import ThiDuaBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `<journal>.head` says: the seq and hash of the last line written.
enum HeadState: Sendable {
    /// Not looked at (a walk over bytes alone).
    case unchecked
    case missing
    /// Present but unreadable, with why.
    case broken(String)
    case present(seq: Int, hash: String)

    static func missingReason(_ headName: String) -> String {
        "thiếu tệp \(headName) (tệp ghi dấu dòng cuối): không kiểm chứng được dòng cuối của nhật ký; nếu đây là bản chép từ nơi khác, hãy chép cả tệp \(headName)"
    }

    static func shortReason(headSeq: Int, lines: Int, tornBytes: Int) -> String {
        if tornBytes > 0 {
            return
                "dòng \(lines + 1) bị cắt cụt (còn \(tornBytes) byte) sau khi đã ghi xong: lần ghi cuối là dòng \(headSeq) nhưng tệp chỉ còn \(lines) dòng đủ"
        }
        return "thiếu dòng: lần ghi cuối là dòng \(headSeq) nhưng tệp chỉ còn \(lines) dòng (dòng cuối đã bị xóa)"
    }

    /// The failure the head shows for a journal whose chain held: (line, reason), or nil.
    func problem(lines: Int, lastHash: String, hashAtHead: String?, tornBytes: Int, headName: String) -> (line: Int, reason: String)? {
        switch self {
        case .unchecked:
            return nil
        case .missing:
            return lines > 0 ? (lines, Self.missingReason(headName)) : nil
        case .broken(let reason):
            return (max(lines, 1), "tệp \(headName) bị hỏng (\(reason)): không kiểm chứng được dòng cuối của nhật ký")
        case .present(let seq, let hash):
            if seq > lines { return (lines + 1, Self.shortReason(headSeq: seq, lines: lines, tornBytes: tornBytes)) }
            if seq == lines {
                return hash == lastHash ? nil : (lines, "dòng \(lines) đã bị sửa sau khi ghi: mã băm không khớp với tệp \(headName)")
            }
            // Behind (a crash between the lines and the head): the line it names must match;
            // the lines after it are vouched for by their chain.
            return hashAtHead == hash ? nil : (max(seq, 1), "dòng \(seq) đã bị sửa sau khi ghi: mã băm không khớp với tệp \(headName)")
        }
    }
}

extension JournalStore {
    /// The file that records the last line's hash: `<journal>.head`.
    var headURL: URL { URL(fileURLWithPath: url.path + ".head") }

    /// Reads the head (never through a link; a head over 4 KB is broken).
    func readHead(_ folder: CheckedFolder) -> HeadState {
        let bytes: [UInt8]?
        do {
            bytes = try folder.read(headName, limit: ByteLimit(bytes: 4_096, what: "tệp .head"))
        } catch {
            return .broken(error.reason)
        }
        guard let bytes else { return .missing }
        guard let node = try? JSONParser.parse(bytes),
            case .number(let seqText)? = node["seq"]?.kind, let seq = Int(seqText), seq >= 0,
            case .string(let hash)? = node["hash"]?.kind, hash.count == 64
        else { return .broken("nội dung không phải {\"seq\":…,\"hash\":…}") }
        return .present(seq: seq, hash: hash)
    }

    /// Writes the head whole (temporary file, fsync, rename, folder fsync).
    func writeHead(_ folder: CheckedFolder, seq: Int, hash: String) throws(JournalError) {
        let pending = headName + ".tmp"
        do {
            try prepareHead(folder, seq: seq, hash: hash, temporary: pending)
            try folder.rename(pending, to: headName)
        } catch {
            folder.remove(pending)
            throw fail("không ghi được \(headName)", error)
        }
    }

    /// Writes the head's next content to `temporary`, fsynced, ready to be renamed over the head.
    func prepareHead(_ folder: CheckedFolder, seq: Int, hash: String, temporary: String) throws(FileAccessError) {
        folder.remove(temporary)  // a leftover of a killed writer, or a planted link
        let fd = try folder.open(temporary, O_WRONLY | O_CREAT | O_EXCL)
        var failure = CheckedFolder.writeAll(fd, Array("{\"seq\":\(seq),\"hash\":\"\(hash)\"}\n".utf8))
        if failure == nil && fsync(fd) != 0 { failure = .system(errno) }
        close(fd)
        if let failure {
            folder.remove(temporary)
            throw failure
        }
    }
}

extension JournalStore {
    /// Accepts the journal as it is now, after a person has looked at it: rewrites `.head` to name
    /// the last complete line. Only when every line parses and chains (the damage is at the tail
    /// only, e.g. a last line removed on purpose) and no torn bytes remain; otherwise it throws
    /// `.damaged` with the first failing line. Returns the seq the head now names. Not wired to a
    /// command yet: for an explicit "I accept this journal" action of the back office.
    @discardableResult
    public func acceptTail() throws(JournalError) -> Int {
        let folder = try folder(create: false)
        let lock: FileLock
        do {
            lock = try FileLock.acquire(name + ".lock", in: folder, what: "nhật ký \(displayName)", policy: lockPolicy)
        } catch {
            throw fail(error.message, error.busy ? .busy : .io)
        }
        defer { lock.release() }
        let bytes: [UInt8]
        do {
            bytes = try folder.read(name, limit: ByteLimit(bytes: Int.max, what: "nhật ký")) ?? []
        } catch {
            throw fail("không mở được để đọc", error)
        }
        let contents = Self.walk(bytes)
        if let failure = contents.failure { throw damaged("dòng \(failure.line): \(failure.reason)") }
        guard contents.tornBytes == 0 else { throw damaged("\(contents.tornBytes) byte cuối tệp là dòng ghi dở") }
        var hash = JournalEvent.genesis
        if let end = bytes.indices.last {
            let start = bytes[..<end].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            hash = SHA256.hex(SHA256.hash(Array(bytes[start..<end])))
        }
        try writeHead(folder, seq: contents.lines, hash: hash)
        return contents.lines
    }
}
