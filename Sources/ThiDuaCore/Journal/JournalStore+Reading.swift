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
    /// Where the last complete line stands: what a state folded from `events` reflects when
    /// there is no failure.
    public var position = JournalPosition.start
}

extension JournalStore {
    /// Whether the journal exists yet (a link counts: reading it is then refused).
    public var exists: Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }

    /// Reads every line, checking the chain as it goes and the last line against `.head`.
    ///
    /// Takes no lock: the journal only grows by whole fsynced appends and the head only changes
    /// by a rename after them, so reading the head first and the journal second always sees a
    /// journal at least as long as the head says; lines past the head are checked by their chain.
    public func read() throws(JournalError) -> JournalContents {
        guard exists else {
            if let folder = try? folder(create: false), case .present(let seq, _) = readHead(folder), seq > 0 {
                return JournalContents(
                    events: [], lines: 0, failure: (1, "tệp nhật ký không còn, nhưng \(headName) ghi rằng đã có \(seq) dòng"), tornBytes: 0)
            }
            return JournalContents(events: [], lines: 0, failure: nil, tornBytes: 0)
        }
        let folder = try folder(create: false)
        let head = readHead(folder)
        let bytes: [UInt8]
        do {
            bytes = try folder.read(name, limit: ByteLimit(bytes: Int.max, what: "nhật ký")) ?? []
        } catch {
            throw fail("không mở được để đọc", error)
        }
        return Self.walk(bytes, head: head, headName: headName)
    }

    /// Reads only the lines after `position`, when the journal still holds that line there:
    /// the bytes from the line's start to its newline must hash to `position.hash`, and the
    /// head must name that line or a later one. The lines after it are checked as `read()`
    /// checks them (chain, seq, head). Nil — read the journal whole instead — when anything
    /// does not match or fails, so every error a caller shows is the one `read()` gives.
    /// Lines before `position` are not read again: `verify` reads them all.
    public func read(after position: JournalPosition) throws(JournalError) -> JournalContents? {
        guard position.seq > 0, position.lineStart >= 0, position.offset > position.lineStart, exists else { return nil }
        let folder = try folder(create: false)
        let head = readHead(folder)
        guard case .present(let headSeq, _) = head, headSeq >= position.seq else { return nil }
        let bytes: [UInt8]
        do {
            guard let tail = try folder.read(name, from: position.lineStart, limit: ByteLimit(bytes: Int.max, what: "nhật ký")) else {
                return nil
            }
            bytes = tail
        } catch {
            throw fail("không mở được để đọc", error)
        }
        let lineLength = position.offset - position.lineStart
        guard bytes.count >= lineLength, bytes[lineLength - 1] == 0x0A else { return nil }
        let matches = bytes.withUnsafeBytes { raw -> Bool in
            let line = UnsafeRawBufferPointer(rebasing: raw[0..<(lineLength - 1)])
            if line.contains(0x0A) { return false }
            var hasher = SHA256()
            hasher.update(line)
            return SHA256.hex(hasher.finalize()) == position.hash
        }
        guard matches else { return nil }
        let contents = Self.walk(Array(bytes[lineLength...]), head: head, headName: headName, after: position)
        return contents.failure == nil ? contents : nil
    }

    /// Walks the chain and names the first line that fails, the head file included: a missing
    /// or broken `.head` is a failure, said as such.
    public func verify() throws(JournalError) -> VerifyReport {
        let contents = try read()
        return VerifyReport(file: displayName, lines: contents.lines, failure: contents.failure, tornBytes: contents.tornBytes)
    }

    /// Checks each line: it parses, its `seq` follows, its `prev` is the hash of the line before;
    /// then the last line against the head (unless `head` is `.unchecked`).
    ///
    /// When line k's `prev` does not match line k−1, line k+1 (or the head, for the last line)
    /// tells which of the two was changed: if k+1 still vouches for k, k−1 was changed.
    ///
    /// `after` continues a walk past a known line: `bytes` then begin at `after.offset`, with
    /// line `after.seq + 1` whose `prev` must be `after.hash`, and `events` holds only the lines
    /// after it.
    static func walk(
        _ bytes: [UInt8], head: HeadState = .unchecked, headName: String = ".head", after: JournalPosition = .start
    ) -> JournalContents {
        var events: [JournalEvent] = []
        var prev = after.hash
        var lineNumber = after.seq
        var start = 0
        var lastStart = after.lineStart - after.offset
        var failure: (Int, String)?
        var pending: Int?  // a line whose prev did not match the line before
        var headSeq = -1
        var hashAtHead: String?
        if case .present(let seq, _) = head { headSeq = seq }
        if headSeq == after.seq { hashAtHead = after.hash }
        var index = 0
        let count = bytes.count
        while index < count {
            if bytes[index] == 0x0A {
                lineNumber += 1
                var hasher = SHA256()
                bytes.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[start..<index])) }
                let hash = SHA256.hex(hasher.finalize())
                if let k = pending {
                    let (event, _) = bytes.withUnsafeBufferPointer { JournalEvent.parse(utf8: UnsafeBufferPointer(rebasing: $0[start..<index])) }
                    failure = blame(k, nextVouches: event?.prev == prev)
                    if event?.prev == prev, !events.isEmpty { events.removeLast() }
                    pending = nil
                } else if failure == nil {
                    let (event, reason) = bytes.withUnsafeBufferPointer { JournalEvent.parse(utf8: UnsafeBufferPointer(rebasing: $0[start..<index])) }
                    if let event {
                        if event.seq != lineNumber {
                            failure = (lineNumber, "số thứ tự là \(event.seq), cần \(lineNumber)")
                        } else if event.prev != prev {
                            pending = lineNumber
                        } else {
                            events.append(event)
                        }
                    } else {
                        failure = (lineNumber, "dòng không đọc được: \(reason ?? "")")
                    }
                }
                if lineNumber == headSeq { hashAtHead = hash }
                prev = hash
                lastStart = start
                start = index + 1
            }
            index += 1
        }
        if let k = pending {
            // The last line: the head vouches for it when its hash is the one recorded there.
            var vouched = false
            if case .present(let seq, let hash) = head, seq == k { vouched = hash == prev }
            failure = blame(k, nextVouches: vouched)
            if vouched, !events.isEmpty { events.removeLast() }
        }
        let torn = count - start
        if failure == nil, let problem = head.problem(lines: lineNumber, lastHash: prev, hashAtHead: hashAtHead, tornBytes: torn, headName: headName) {
            failure = problem
            events.removeLast(max(0, events.count - max(0, problem.line - 1 - after.seq)))
        }
        let position = JournalPosition(seq: lineNumber, hash: prev, lineStart: after.offset + lastStart, offset: after.offset + start)
        return JournalContents(events: events, lines: lineNumber, failure: failure, tornBytes: torn, position: position)
    }

    /// Which of lines k−1 and k was changed when k's `prev` does not match k−1.
    private static func blame(_ k: Int, nextVouches: Bool) -> (Int, String) {
        if nextVouches {
            return (k - 1, "dòng \(k - 1) đã bị sửa: mã băm của nó không khớp với «prev» ghi ở dòng \(k)")
        }
        return (k, "dòng \(k) đã bị sửa: «prev» của nó không khớp với mã băm của dòng \(k - 1), và dòng sau không còn xác nhận nó")
    }
}
