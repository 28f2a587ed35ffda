import ThiDuaBase

extension CampaignState {
    /// Reviews and decisions: few per campaign and deeply nested, so kept as JSON inside the
    /// binary checkpoint; everything that grows with the journal is written field by field.
    private struct Council: Codable {
        var reviews: [ReviewRecord]
        var decisions: [DecisionRecord]
        var evidence: [EvidenceEntry]
        /// Withdrawn evidence (absent in checkpoints written before withdrawals existed).
        var withdrawn: [WithdrawnEntry]?
    }

    /// A withdrawn evidence record and its withdrawal.
    private struct WithdrawnEntry: Codable {
        var evidence: EvidenceEntry
        var seq: Int
        var date: CivilDate
        var actor: String
        var reason: String
    }

    /// An evidence record as its journal line gave it (few per campaign, so JSON too).
    private struct EvidenceEntry: Codable {
        var seq: Int
        var date: CivilDate
        var actor: String
        var payload: EvidencePayload
    }

    /// Writes the state field by field (see `CheckpointWriter`).
    func encode(to w: inout CheckpointWriter) throws {
        w.optional(launched) { $0.date($1) }
        w.optional(closed) { $0.date($1) }
        w.array(units) { $0.string($1) }
        w.array(people) { $0.string($1) }
        w.array(submissions) { w, s in
            w.int(s.seq)
            w.string(s.form)
            w.date(s.date)
            w.string(s.actor)
            w.string(s.source)
            w.array(s.rows) { w, row in
                w.int(row.line)
                w.unsigned(UInt64(row.values.count))
                for (key, value) in row.values {
                    w.string(key)
                    Self.encode(value, to: &w)
                }
            }
            w.array(s.from) { $0.string($1) }
            w.optional(s.milestone) { $0.string($1) }
            w.bool(s.late)
            w.optional(s.sourceHash) { $0.string($1) }
        }
        w.array(corrections) { w, c in
            w.int(c.seq)
            w.int(c.submission)
            w.int(c.row)
            w.string(c.field)
            w.optional(c.old) { Self.encode($1, to: &$0) }
            Self.encode(c.new, to: &w)
            w.string(c.reason)
            w.string(c.actor)
        }
        w.array(appraisals) { w, a in
            w.int(a.seq)
            w.int(a.period.year)
            w.bool(a.period.halfYear)
            w.bool(a.participant.kind == .individual)
            w.string(a.participant.id)
            w.string(a.item)
            w.optional(a.met) { $0.bool($1) }
            w.optional(a.points) { $0.double($1) }
            w.optional(a.evidence) { $0.string($1) }
            w.optional(a.oldMet) { $0.bool($1) }
            w.optional(a.oldPoints) { $0.double($1) }
            w.string(a.reason)
            w.string(a.actor)
        }
        w.array(locks.sorted { $0.value < $1.value }) { w, lock in
            w.int(lock.key.year)
            w.bool(lock.key.halfYear)
            w.int(lock.value)
        }
        w.array(decisionSeqs) { $0.int($1) }
        w.optional(pinnedPlanHash) { $0.string($1) }
        w.bool(planPinnedByLock)
        w.int(otherEvents)
        w.int(lastSeq)
        let council = JSONWriter.write(
            try JSONValue.encode(
                Council(
                    reviews: reviews, decisions: decisions,
                    evidence: evidence.map(Self.entry),
                    withdrawn: withdrawnEvidence.map { w in
                        WithdrawnEntry(evidence: Self.entry(w.record), seq: w.seq, date: w.date, actor: w.actor, reason: w.reason)
                    })))
        w.string(council)
    }

    /// Reads what `encode(to:)` wrote. The file is as untrusted as the journal: every id the
    /// fold would have checked passes the same check, or the checkpoint is not used.
    init(from r: inout CheckpointReader) throws(CheckpointReader.Damaged) {
        self.init()
        var ids = Set<Int>()
        func id(_ r: inout CheckpointReader) throws(CheckpointReader.Damaged) -> String {
            let (s, i) = try r.indexedString()
            ids.insert(i)
            return s
        }
        launched = try r.optional { (r: inout CheckpointReader) throws(CheckpointReader.Damaged) in try r.date() }
        closed = try r.optional { (r: inout CheckpointReader) throws(CheckpointReader.Damaged) in try r.date() }
        units = try r.array(id)
        people = try r.array(id)
        submissions = try r.array { (r: inout CheckpointReader) throws(CheckpointReader.Damaged) in
            let seq = try r.int()
            let form = try r.string()
            let date = try r.date()
            let actor = try r.string()
            let source = try r.string()
            let rows = try r.array { (r: inout CheckpointReader) throws(CheckpointReader.Damaged) in
                let line = try r.int()
                let count = try r.length()
                var values: [String: FieldValue] = [:]
                values.reserveCapacity(count)
                for _ in 0..<count {
                    let key = try r.string()
                    values[key] = try Self.decodeValue(&r)
                }
                guard values.count == count else { throw CheckpointReader.Damaged() }
                return SubmissionRow(line: line, values: values)
            }
            let from = try r.array(id)
            let milestone = try r.optional { (r: inout CheckpointReader) throws(CheckpointReader.Damaged) in try r.string() }
            let late = try r.bool()
            let sourceHash = try r.optional { (r: inout CheckpointReader) throws(CheckpointReader.Damaged) in try r.string() }
            return SubmissionRecord(
                seq: seq, form: form, date: date, actor: actor, source: source, rows: rows, from: from, milestone: milestone, late: late,
                sourceHash: sourceHash)
        }
        corrections = try r.array { (r: inout CheckpointReader) throws(CheckpointReader.Damaged) in
            CorrectionRecord(
                seq: try r.int(), submission: try r.int(), row: try r.int(), field: try r.string(),
                old: try r.optional { (r: inout CheckpointReader) throws(CheckpointReader.Damaged) in try Self.decodeValue(&r) },
                new: try Self.decodeValue(&r), reason: try r.string(), actor: try r.string())
        }
        appraisals = try r.array { (r: inout CheckpointReader) throws(CheckpointReader.Damaged) in
            let seq = try r.int()
            let period = EvaluationPeriod(year: try r.int(), halfYear: try r.bool())
            let individual = try r.bool()
            let participant = ParticipantRef(individual ? .individual : .collective, try id(&r))
            return AppraisalRecord(
                seq: seq, period: period, participant: participant, item: try r.string(),
                met: try r.optional { (r: inout CheckpointReader) throws(CheckpointReader.Damaged) in try r.bool() },
                points: try r.optional { (r: inout CheckpointReader) throws(CheckpointReader.Damaged) in try r.double() },
                evidence: try r.optional { (r: inout CheckpointReader) throws(CheckpointReader.Damaged) in try r.string() },
                oldMet: try r.optional { (r: inout CheckpointReader) throws(CheckpointReader.Damaged) in try r.bool() },
                oldPoints: try r.optional { (r: inout CheckpointReader) throws(CheckpointReader.Damaged) in try r.double() },
                reason: try r.string(), actor: try r.string())
        }
        let lockCount = try r.length()
        for _ in 0..<lockCount {
            let period = EvaluationPeriod(year: try r.int(), halfYear: try r.bool())
            locks[period] = try r.int()
        }
        decisionSeqs = try r.array { (r: inout CheckpointReader) throws(CheckpointReader.Damaged) in try r.int() }
        pinnedPlanHash = try r.optional { (r: inout CheckpointReader) throws(CheckpointReader.Damaged) in try r.string() }
        planPinnedByLock = try r.bool()
        otherEvents = try r.int()
        lastSeq = try r.int()
        let councilText = try r.string()
        guard let node = try? JSONParser.parse(councilText), let council = try? node.value.decode(Council.self) else {
            throw CheckpointReader.Damaged()
        }
        reviews = council.reviews
        decisions = council.decisions
        evidence = try council.evidence.map(Self.record)
        withdrawnEvidence = try (council.withdrawn ?? []).map { (w) throws(CheckpointReader.Damaged) in
            EvidenceWithdrawal(record: try Self.record(w.evidence), seq: w.seq, date: w.date, actor: w.actor, reason: w.reason)
        }
        guard decisions.count == decisionSeqs.count else { throw CheckpointReader.Damaged() }
        for i in ids where Identifier.problem(r.string(at: i)) != nil { throw CheckpointReader.Damaged() }
        for record in decisions {
            for line in record.lines where Identifier.problem(line.participant.id) != nil { throw CheckpointReader.Damaged() }
        }
    }

    private static func entry(_ e: EvidenceRecord) -> EvidenceEntry {
        EvidenceEntry(
            seq: e.seq, date: e.date, actor: e.actor,
            payload: EvidencePayload(
                unit: e.unit, form: e.form, indicator: e.indicator, sha256: e.sha256, size: e.size, fileKind: e.kind.rawValue, name: e.name,
                note: e.note))
    }

    /// An evidence record read back, with the fold's checks: ids, a known kind, a hash that can
    /// name a file.
    private static func record(_ entry: EvidenceEntry) throws(CheckpointReader.Damaged) -> EvidenceRecord {
        let p = entry.payload
        guard let kind = EvidenceKind(rawValue: p.fileKind), EvidenceStore.isHash(p.sha256),
            ([p.unit] + [p.form, p.indicator].compactMap { $0 }).allSatisfy({ Identifier.problem($0) == nil })
        else { throw CheckpointReader.Damaged() }
        return EvidenceRecord(seq: entry.seq, date: entry.date, actor: entry.actor, payload: p, kind: kind)
    }

    private static func encode(_ value: FieldValue, to w: inout CheckpointWriter) {
        switch value {
        case .text(let s): w.unsigned(0); w.string(s)
        case .integer(let n): w.unsigned(1); w.int(n)
        case .number(let d): w.unsigned(2); w.double(d)
        case .percent(let d): w.unsigned(3); w.double(d)
        case .date(let d): w.unsigned(4); w.date(d)
        case .yesNo(let b): w.unsigned(5); w.bool(b)
        case .choice(let s): w.unsigned(6); w.string(s)
        case .unit(let s): w.unsigned(7); w.string(s)
        case .person(let s): w.unsigned(8); w.string(s)
        }
    }

    private static func decodeValue(_ r: inout CheckpointReader) throws(CheckpointReader.Damaged) -> FieldValue {
        switch try r.unsigned() {
        case 0: return .text(try r.string())
        case 1: return .integer(try r.int())
        case 2: return .number(try r.double())
        case 3: return .percent(try r.double())
        case 4: return .date(try r.date())
        case 5: return .yesNo(try r.bool())
        case 6: return .choice(try r.string())
        case 7: return .unit(try r.string())
        case 8: return .person(try r.string())
        default: throw CheckpointReader.Damaged()
        }
    }
}
