import ThiDuaBase

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
        CheckpointFile.key(format: format, campaign: campaign, program: program)
    }

    /// The file of a campaign's checkpoint.
    static func fileName(campaign: String) -> String {
        CheckpointFile.fileName(prefix: "state-", campaign: campaign)
    }

    /// A checkpoint's size limit: a larger file is not read.
    static let limit = ByteLimit(bytes: 1 << 30, what: "điểm lưu trạng thái")

    /// The stored checkpoint of a campaign when whole and keyed for this program; nil otherwise.
    static func read(campaign: String, in workspace: Workspace, program: String = ProgramIdentity.current) -> StateCheckpoint? {
        guard let bytes = CheckpointFile.read(fileName(campaign: campaign), in: workspace, limit: limit) else { return nil }
        return try? decode(bytes, key: key(campaign: campaign, program: program))
    }

    static func decode(_ bytes: [UInt8], key: String) throws(CheckpointReader.Damaged) -> StateCheckpoint {
        var (position, body) = try CheckpointFile.decode(bytes, magic: magic, key: key)
        let state = try CampaignState(from: &body)
        guard body.isAtEnd, state.lastSeq == position.seq else { throw CheckpointReader.Damaged() }
        return StateCheckpoint(state: state, position: position)
    }

    /// The file's bytes.
    func encoded(key: String) throws -> [UInt8] {
        var body = CheckpointWriter()
        try state.encode(to: &body)
        return CheckpointFile.encode(magic: Self.magic, key: key, position: position, body: body.finished())
    }

    /// Saves the checkpoint; a failure only means the next command replays more.
    func write(campaign: String, in workspace: Workspace, program: String = ProgramIdentity.current) {
        guard let bytes = try? encoded(key: Self.key(campaign: campaign, program: program)) else { return }
        CheckpointFile.write(bytes, to: Self.fileName(campaign: campaign), in: workspace)
    }
}
