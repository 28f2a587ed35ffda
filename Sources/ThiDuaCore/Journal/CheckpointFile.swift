import Foundation
import ThiDuaBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The frame every file of `.thidua/cache/` made from a journal shares (the state checkpoint,
/// the status digest): a magic line, the key (format, program build, campaign), the journal
/// position the body reflects, a checksum of the body, the body's offset, then the body
/// (`CheckpointWriter`). A file whose magic, key or checksum does not hold is not read.
enum CheckpointFile {
    /// The key of a campaign's file of one `format` under a program.
    static func key(format: String, campaign: String, program: String) -> String {
        SHA256.hex(SHA256.hash(Array("\(format)\n\(program)\n\(campaign.utf8.count):\(campaign)".utf8)))
    }

    /// A campaign's file of one kind: named by a hash, so no id reaches a file name.
    static func fileName(prefix: String, campaign: String) -> String {
        prefix + String(SHA256.hex(SHA256.hash(Array(campaign.utf8))).prefix(32)) + ".bin"
    }

    /// The framed file.
    static func encode(magic: [UInt8], key: String, position: JournalPosition, body: [UInt8]) -> [UInt8] {
        // The header's length depends on the offset it names: passes until it settles.
        var start = magic.count
        var header: [UInt8] = []
        for _ in 0..<3 {
            var h = CheckpointWriter()
            h.string(key)
            h.int(position.seq)
            h.string(position.hash)
            h.int(position.lineStart)
            h.int(position.offset)
            h.unsigned(checksum(body, from: 0))
            h.int(start)
            header = h.finished()
            start = magic.count + header.count
        }
        return magic + header + body
    }

    /// The position and a reader at the body, when the magic, the key and the checksum hold.
    static func decode(_ bytes: [UInt8], magic: [UInt8], key: String) throws(CheckpointReader.Damaged) -> (JournalPosition, CheckpointReader) {
        guard bytes.count > magic.count, Array(bytes[0..<magic.count]) == magic else { throw CheckpointReader.Damaged() }
        var header = try CheckpointReader(bytes, from: magic.count)
        guard try header.string() == key else { throw CheckpointReader.Damaged() }
        let position = JournalPosition(seq: try header.int(), hash: try header.string(), lineStart: try header.int(), offset: try header.int())
        let sum = try header.unsigned()
        let start = try header.int()
        guard start > magic.count, start < bytes.count, sum == checksum(bytes, from: start) else { throw CheckpointReader.Damaged() }
        guard position.seq > 0, position.hash.utf8.count == 64 else { throw CheckpointReader.Damaged() }
        return (position, try CheckpointReader(bytes, from: start))
    }

    /// The bytes of a cache file, or nil (absent, unreadable, too large, no cache folder).
    static func read(_ name: String, in workspace: Workspace, limit: ByteLimit) -> [UInt8]? {
        guard let folder = try? CheckedFolder.open(workspace.cacheFolder, under: workspace.root, create: false) else { return nil }
        return (try? folder.read(name, limit: limit)) ?? nil
    }

    /// Writes a cache file through a temporary one and a rename; a failure only means the next
    /// command reads more of the journal.
    static func write(_ bytes: [UInt8], to name: String, in workspace: Workspace) {
        guard let folder = try? CheckedFolder.open(workspace.cacheFolder, under: workspace.root, create: true) else { return }
        let temporary = ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        try? folder.writeAtomically(bytes, to: name, temporary: temporary, sync: false)
    }

    /// A 64-bit checksum of `bytes[start...]`, eight bytes at a time: finds a damaged file, not
    /// a forged one (a forged file is no worse than a forged journal, and its ids are checked).
    static func checksum(_ bytes: [UInt8], from start: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count - start)
        bytes.withUnsafeBytes { raw in
            var i = start
            let count = raw.count
            while i + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 29
                i += 8
            }
            while i < count {
                h = (h ^ UInt64(raw[i])) &* 0x0000_0100_0000_01B3
                i += 1
            }
        }
        return h
    }
}
