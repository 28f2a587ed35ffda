import ThiDuaBase

/// A campaign's status digest saved in `.thidua/cache/status-….bin` with the journal position
/// it reflects, with the same safety as the state checkpoint (`CheckpointFile`): keyed by
/// format, program build and campaign, checksummed, written atomically, every id checked again
/// on read, and used only when the journal still holds the line it names
/// (`JournalStore.read(after:)`, checked by the caller). Anything else: not used, without a word.
struct StatusDigestFile {
    /// Bumped whenever what the file holds or how it is written changes.
    static let format = "thidua-status-digest 1"
    static let magic = Array("THIDUA-STATUS\n".utf8)
    /// A digest's size limit: it grows with the roster and the calendar, never near this.
    static let limit = ByteLimit(bytes: 64 << 20, what: "bản tóm tắt tình hình")

    var digest: StatusDigest
    var position: JournalPosition

    static func key(campaign: String, program: String) -> String {
        CheckpointFile.key(format: format, campaign: campaign, program: program)
    }

    static func fileName(campaign: String) -> String {
        CheckpointFile.fileName(prefix: "status-", campaign: campaign)
    }

    /// The stored digest of a campaign when whole and keyed for this program; nil otherwise.
    static func read(campaign: String, in workspace: Workspace, program: String = ProgramIdentity.current) -> StatusDigestFile? {
        guard let bytes = CheckpointFile.read(fileName(campaign: campaign), in: workspace, limit: limit) else { return nil }
        return try? decode(bytes, key: key(campaign: campaign, program: program))
    }

    /// Saves the digest; a failure only means the next `status` reads more of the journal.
    func write(campaign: String, in workspace: Workspace, program: String = ProgramIdentity.current) {
        guard digest.invalid == nil, digest.lastSeq == position.seq else { return }
        CheckpointFile.write(encoded(key: Self.key(campaign: campaign, program: program)), to: Self.fileName(campaign: campaign), in: workspace)
    }

    func encoded(key: String) -> [UInt8] {
        var w = CheckpointWriter()
        w.optional(digest.launched) { $0.date($1) }
        w.optional(digest.closed) { $0.date($1) }
        w.array(digest.units) { $0.string($1) }
        w.array(digest.people) { $0.string($1) }
        w.int(digest.submissions)
        w.int(digest.lastSeq)
        // Sorted, so one digest always gives the same bytes.
        w.array(digest.forms.sorted { $0.key < $1.key }) { w, form in
            w.string(form.key)
            w.array(form.value.days.sorted { $0.key < $1.key }) { w, day in
                w.date(day.key)
                w.int(day.value)
            }
            w.array(form.value.senders.sorted { $0.key < $1.key }) { w, year in
                w.int(year.key)
                w.array(year.value.sorted()) { $0.string($1) }
            }
        }
        return CheckpointFile.encode(magic: Self.magic, key: key, position: position, body: w.finished())
    }

    /// Reads what `encoded(key:)` wrote. The file is as untrusted as the journal: every id
    /// passes the fold's check, every count is positive, or the digest is not used.
    static func decode(_ bytes: [UInt8], key: String) throws(CheckpointReader.Damaged) -> StatusDigestFile {
        var (position, r) = try CheckpointFile.decode(bytes, magic: magic, key: key)
        var ids = Set<Int>()
        func id(_ r: inout CheckpointReader) throws(CheckpointReader.Damaged) -> String {
            let (s, i) = try r.indexedString()
            ids.insert(i)
            return s
        }
        func count(_ r: inout CheckpointReader) throws(CheckpointReader.Damaged) -> Int {
            let n = try r.int()
            guard n > 0 else { throw CheckpointReader.Damaged() }
            return n
        }
        var digest = StatusDigest()
        digest.launched = try r.optional { (r: inout CheckpointReader) throws(CheckpointReader.Damaged) in try r.date() }
        digest.closed = try r.optional { (r: inout CheckpointReader) throws(CheckpointReader.Damaged) in try r.date() }
        digest.units = try r.array(id)
        digest.people = try r.array(id)
        digest.submissions = try r.int()
        digest.lastSeq = try r.int()
        let forms = try r.array { (r: inout CheckpointReader) throws(CheckpointReader.Damaged) -> (String, StatusDigest.FormTally) in
            let form = try r.string()
            var tally = StatusDigest.FormTally()
            let days = try r.length()
            for _ in 0..<days { tally.days[try r.date()] = try count(&r) }
            let years = try r.length()
            for _ in 0..<years { tally.senders[try r.int()] = Set(try r.array(id)) }
            guard tally.days.count == days, tally.senders.count == years else { throw CheckpointReader.Damaged() }
            return (form, tally)
        }
        // Counted without overflow: the counts are read from an untrusted file.
        var total = 0
        for (form, tally) in forms {
            digest.forms[form] = tally
            for n in tally.days.values {
                let (sum, overflow) = total.addingReportingOverflow(n)
                guard !overflow else { throw CheckpointReader.Damaged() }
                total = sum
            }
        }
        guard r.isAtEnd, digest.forms.count == forms.count, digest.lastSeq == position.seq, digest.submissions == total,
            Set(digest.units).count == digest.units.count, Set(digest.people).count == digest.people.count
        else { throw CheckpointReader.Damaged() }
        for i in ids where Identifier.problem(r.string(at: i)) != nil { throw CheckpointReader.Damaged() }
        return StatusDigestFile(digest: digest, position: position)
    }
}
