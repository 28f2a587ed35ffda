import Foundation
import ThiDuaBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A journal as read: the events whose chain holds, and where it stopped holding.
public struct JournalContents: Sendable {
    /// Events up to (not including) the first failing line.
    public var events: [JournalEvent]
    /// Complete lines in the file.
    public var lines: Int
    public var failure: (line: Int, reason: String)?
    /// Bytes after the last newline.
    public var tornBytes: Int
}

extension JournalStore {
    /// Whether the journal exists yet.
    public var exists: Bool { FileManager.default.fileExists(atPath: url.path) }

    /// Reads every line under a shared lock, checking the chain as it goes.
    public func read() throws(JournalError) -> JournalContents {
        guard exists else { return JournalContents(events: [], lines: 0, failure: nil, tornBytes: 0) }
        let bytes = try readAllBytes()
        return Self.walk(bytes)
    }

    /// Walks the chain and names the first line that fails.
    public func verify() throws(JournalError) -> VerifyReport {
        let contents = try read()
        var failure = contents.failure
        // The last line has no successor to vouch for it: the head file does.
        if failure == nil, let head = readHead() {
            if head.seq > contents.lines {
                failure = (contents.lines + 1, "thiếu dòng: lần ghi cuối là dòng \(head.seq) nhưng tệp chỉ còn \(contents.lines) dòng")
            } else if head.seq >= 1, let line = lineBytes(head.seq), SHA256.hex(SHA256.hash(line)) != head.hash {
                failure = (head.seq, "dòng \(head.seq) đã bị sửa sau khi ghi: mã băm không khớp với tệp .head")
            }
        }
        return VerifyReport(file: displayName, lines: contents.lines, failure: failure, tornBytes: contents.tornBytes)
    }

    /// The file that records the last line's hash: `<journal>.head`.
    var headURL: URL { URL(fileURLWithPath: url.path + ".head") }

    struct Head {
        var seq: Int
        var hash: String
    }

    func readHead() -> Head? {
        guard let data = FileManager.default.contents(atPath: headURL.path),
            let node = try? JSONParser.parse(Array(data)),
            case .number(let seqText)? = node["seq"]?.kind, let seq = Int(seqText),
            case .string(let hash)? = node["hash"]?.kind
        else { return nil }
        return Head(seq: seq, hash: hash)
    }

    /// Writes the head file by a fsynced temporary file and a rename, so it is whole or absent.
    func writeHead(seq: Int, hash: String) {
        let temporary = headURL.path + ".tmp"
        let text = "{\"seq\":\(seq),\"hash\":\"\(hash)\"}\n"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        let ok = Array(text.utf8).withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) == $0.count } && fsync(fd) == 0
        close(fd)
        if ok { rename(temporary, headURL.path) } else { unlink(temporary) }
    }

    /// The bytes of line `n` (1-based), without its newline.
    private func lineBytes(_ n: Int) -> [UInt8]? {
        guard let bytes = try? readAllBytes() else { return nil }
        var line = 1
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            if line == n { return Array(bytes[start..<i]) }
            line += 1
            start = i + 1
        }
        return nil
    }

    func readAllBytes() throws(JournalError) -> [UInt8] {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw fail("không mở được để đọc: \(errnoText())") }
        defer { close(fd) }
        guard flock(fd, LOCK_SH) == 0 else { throw fail("không khóa được tệp: \(errnoText())") }
        defer { flock(fd, LOCK_UN) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw fail("không đọc được: \(errnoText())") }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        var failure: String?
        bytes.withUnsafeMutableBytes { buffer in
            while done < size {
                let n = pread(fd, buffer.baseAddress! + done, size - done, off_t(done))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errnoText()
                    return
                }
                if n == 0 { break }
                done += n
            }
        }
        if let failure { throw fail("không đọc được: \(failure)") }
        return Array(bytes[0..<done])
    }

    /// Checks each line: it parses, its `seq` follows, its `prev` is the hash of the line before.
    static func walk(_ bytes: [UInt8]) -> JournalContents {
        var events: [JournalEvent] = []
        var prev = JournalEvent.genesis
        var lineNumber = 0
        var start = 0
        var failure: (Int, String)?
        var index = 0
        let count = bytes.count
        while index < count {
            if bytes[index] == 0x0A {
                lineNumber += 1
                if failure == nil {
                    let (event, reason) = bytes.withUnsafeBufferPointer { JournalEvent.parse(utf8: UnsafeBufferPointer(rebasing: $0[start..<index])) }
                    if let event {
                        if event.seq != lineNumber {
                            failure = (lineNumber, "số thứ tự là \(event.seq), cần \(lineNumber)")
                        } else if event.prev != prev {
                            // The line before no longer hashes to what this line recorded: it was changed.
                            failure = (lineNumber - 1, "dòng \(lineNumber - 1) đã bị sửa: mã băm của nó không khớp với «prev» ghi ở dòng \(lineNumber)")
                            if !events.isEmpty { events.removeLast() }
                        } else {
                            events.append(event)
                        }
                    } else {
                        failure = (lineNumber, "dòng không đọc được: \(reason ?? "")")
                    }
                    var hasher = SHA256()
                    bytes.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[start..<index])) }
                    prev = SHA256.hex(hasher.finalize())
                }
                start = index + 1
            }
            index += 1
        }
        return JournalContents(events: events, lines: lineNumber, failure: failure, tornBytes: count - start)
    }
}
