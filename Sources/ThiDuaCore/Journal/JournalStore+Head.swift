import Foundation

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
