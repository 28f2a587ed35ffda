import Foundation
import ThiDuaBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A campaign's folded state saved in `.thidua/cache/` with the journal position it reflects,
/// so a command in a new process folds only the lines after it.
///
/// The file is binary (`CheckpointWriter`): a magic line, the key, the position, a checksum of
/// the rest, then the state. It is used only when its key matches (format, program build,
/// campaign id), its checksum holds, every id in it passes the fold's check, and the journal
/// still holds the line it names at the same place with the same hash
/// (`JournalStore.read(after:)`). Anything else: the journal is read whole, as without a
/// checkpoint. Written to a temporary file and renamed; any failure to write only means the
/// next command replays more. The state is the fold of the journal alone, so the campaign
/// file, directives and tables are not part of its key.
struct StateCheckpoint {
    /// Bumped whenever what a checkpoint holds or how it is written changes.
    static let format = "thidua-state-checkpoint 1"
    static let magic = Array("THIDUA-STATE\n".utf8)

    var state: CampaignState
    var position: JournalPosition

    /// The key of a campaign's checkpoints under a program.
    static func key(campaign: String, program: String) -> String {
        SHA256.hex(SHA256.hash(Array("\(format)\n\(program)\n\(campaign.utf8.count):\(campaign)".utf8)))
    }

    /// The file of a campaign's checkpoint: named by a hash, so no id reaches a file name.
    static func fileName(campaign: String) -> String {
        "state-" + String(SHA256.hex(SHA256.hash(Array(campaign.utf8))).prefix(32)) + ".bin"
    }

    /// A checkpoint's size limit: a larger file is not read.
    static let limit = ByteLimit(bytes: 1 << 30, what: "điểm lưu trạng thái")

    /// The stored checkpoint of a campaign when whole and keyed for this program; nil otherwise.
    static func read(campaign: String, in workspace: Workspace, program: String = ProgramIdentity.current) -> StateCheckpoint? {
        guard let folder = try? CheckedFolder.open(workspace.cacheFolder, under: workspace.root, create: false),
            let bytes = (try? folder.read(fileName(campaign: campaign), limit: limit)) ?? nil
        else { return nil }
        return try? decode(bytes, key: key(campaign: campaign, program: program))
    }

    static func decode(_ bytes: [UInt8], key: String) throws(CheckpointReader.Damaged) -> StateCheckpoint {
        guard bytes.count > magic.count, Array(bytes[0..<magic.count]) == magic else { throw CheckpointReader.Damaged() }
        var header = try CheckpointReader(bytes, from: magic.count)
        guard try header.string() == key else { throw CheckpointReader.Damaged() }
        let position = JournalPosition(seq: try header.int(), hash: try header.string(), lineStart: try header.int(), offset: try header.int())
        let checksum = try header.unsigned()
        let start = try header.int()
        guard start > magic.count, start < bytes.count, checksum == Self.checksum(bytes, from: start) else { throw CheckpointReader.Damaged() }
        var body = try CheckpointReader(bytes, from: start)
        let state = try CampaignState(from: &body)
        guard body.isAtEnd, state.lastSeq == position.seq, position.seq > 0, position.hash.utf8.count == 64 else {
            throw CheckpointReader.Damaged()
        }
        return StateCheckpoint(state: state, position: position)
    }

    /// The file's bytes.
    func encoded(key: String) throws -> [UInt8] {
        var body = CheckpointWriter()
        try state.encode(to: &body)
        let bodyBytes = body.finished()
        // The header's length depends on the offset it names: two passes settle it.
        var start = Self.magic.count
        var header: [UInt8] = []
        for _ in 0..<3 {
            var h = CheckpointWriter()
            h.string(key)
            h.int(position.seq)
            h.string(position.hash)
            h.int(position.lineStart)
            h.int(position.offset)
            h.unsigned(Self.checksum(bodyBytes, from: 0))
            h.int(start)
            header = h.finished()
            start = Self.magic.count + header.count
        }
        return Self.magic + header + bodyBytes
    }

    /// Saves the checkpoint; a failure only means the next command replays more.
    func write(campaign: String, in workspace: Workspace, program: String = ProgramIdentity.current) {
        guard let bytes = try? encoded(key: Self.key(campaign: campaign, program: program)),
            let folder = try? CheckedFolder.open(workspace.cacheFolder, under: workspace.root, create: true)
        else { return }
        let name = Self.fileName(campaign: campaign)
        let temporary = ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        try? folder.writeAtomically(bytes, to: name, temporary: temporary, sync: false)
    }

    /// A 64-bit checksum of `bytes[start...]`, eight bytes at a time: finds a damaged file, not
    /// a forged one (a forged checkpoint is no worse than a forged journal, and its ids are checked).
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
