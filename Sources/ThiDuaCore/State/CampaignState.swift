import ThiDuaBase

/// One accepted submission of a form, as the journal holds it, with corrections applied.
public struct SubmissionRecord: Sendable, Equatable {
    /// The journal line that recorded it; corrections name it.
    public var seq: Int
    public var form: String
    public var date: CivilDate
    public var actor: String
    /// The file it came from, as named to the user.
    public var source: String
    public var rows: [SubmissionRow]
    /// Unit or person ids that delivered it (from the rows, or `--from`).
    public var from: [String]
    /// The milestone it answers and whether it came after the due day.
    public var milestone: String?
    public var late: Bool
    /// SHA-256 of the file's bytes, when recorded.
    public var sourceHash: String? = nil
}

/// A change to a recorded value: old value, new value, reason. Never a rewrite.
public struct CorrectionRecord: Sendable, Equatable {
    public var seq: Int
    public var submission: Int
    public var row: Int
    public var field: String
    public var old: FieldValue?
    public var new: FieldValue
    public var reason: String
    public var actor: String
}

/// The state of a campaign: the fold of its journal's events.
public struct CampaignState: Sendable, Equatable {
    public var launched: CivilDate?
    public var closed: CivilDate?
    /// Enrolled unit ids, in enrolment order.
    public var units: [String] = []
    /// Enrolled person ids, in enrolment order.
    public var people: [String] = []
    public var submissions: [SubmissionRecord] = [] {
        // Changed other than by a fold (a checkpoint, a test): the duplicate index is built again.
        didSet { if !sourceIndex.folding { sourceIndex.invalidate() } }
    }
    public var corrections: [CorrectionRecord] = []
    /// Appraisers' changes to self-assessments, in order.
    public var appraisals: [AppraisalRecord] = []
    /// Periods whose results are locked, with the journal line that locked each.
    public var locks: [EvaluationPeriod: Int] = [:]
    /// Council reviews, in the order they were opened.
    public var reviews: [ReviewRecord] = []
    /// Award decisions and upward proposals, in order, with the journal line of each.
    public var decisions: [DecisionRecord] = []
    /// The journal line of each entry of `decisions`.
    public var decisionSeqs: [Int] = []
    /// Evidence files attached to units' records, in order; withdrawn ones are not here.
    public var evidence: [EvidenceRecord] = []
    /// Evidence files withdrawn, in the order they were withdrawn.
    public var withdrawnEvidence: [EvidenceWithdrawal] = []
    /// The SHA-256 of the campaign file the journal last vouched for (launch, lock, amendment).
    public var pinnedPlanHash: String?
    /// Whether `pinnedPlanHash` was pinned by a lock (results computed under that file).
    public var planPinnedByLock = false
    /// Events of kinds this build does not fold (kept for later versions, counted).
    public var otherEvents = 0
    /// Events whose payload names an id that could not be a roster or plan id (a crafted or
    /// damaged journal): the line and why. The back office refuses to act on such a journal.
    public var invalidEvents: [(seq: Int, reason: String)] = []

    public init() {}

    /// Folds events in order.
    public init(events: [JournalEvent]) {
        self.init()
        for event in events { apply(event) }
    }

    /// The last journal line folded (0 for an empty journal).
    public var lastSeq = 0

    /// The first submission of each form and file hash, by position in `submissions`, so the
    /// duplicate check of a submit does not scan every submission; see `submission(form:sourceHash:)`.
    var sourceIndex = SubmissionSourceIndex()

    public static func == (a: CampaignState, b: CampaignState) -> Bool {
        a.launched == b.launched && a.closed == b.closed && a.units == b.units && a.people == b.people && a.submissions == b.submissions
            && a.corrections == b.corrections && a.appraisals == b.appraisals && a.locks == b.locks && a.reviews == b.reviews
            && a.decisions == b.decisions && a.decisionSeqs == b.decisionSeqs && a.evidence == b.evidence
            && a.withdrawnEvidence == b.withdrawnEvidence && a.pinnedPlanHash == b.pinnedPlanHash
            && a.planPinnedByLock == b.planPinnedByLock && a.otherEvents == b.otherEvents && a.lastSeq == b.lastSeq
            && a.invalidEvents.map(\.seq) == b.invalidEvents.map(\.seq)
    }

    /// Applies one event.
    public mutating func apply(_ event: JournalEvent) {
        lastSeq = event.seq
        let p = event.payload
        switch event.kind {
        case .launch:
            launched = event.date
            if let hash = p.payload(LaunchPayload.self)?.planHash { pin(hash, byLock: false) }
        case .close:
            closed = event.date
        case .planAmended:
            guard let amendment = p.payload(PlanAmendedPayload.self) else { return skip() }
            pin(amendment.planHash, byLock: planPinnedByLock)
        case .enrolment:
            guard let e = p.payload(EnrolmentPayload.self), checkIDs(e.units + e.people, event) else { return skip() }
            for id in e.units where !units.contains(id) { units.append(id) }
            for id in e.people where !people.contains(id) { people.append(id) }
        case .withdrawal:
            guard let w = p.payload(WithdrawalPayload.self) else { return skip() }
            let u = Set(w.units)
            let q = Set(w.people)
            units.removeAll { u.contains($0) }
            people.removeAll { q.contains($0) }
        case .submission:
            guard let s = p.payload(SubmissionPayload.self), checkIDs(s.from, event) else { return skip() }
            sourceIndex.folding = true
            defer { sourceIndex.folding = false }
            submissions.append(
                SubmissionRecord(
                    seq: event.seq, form: s.form, date: event.date, actor: event.actor, source: s.source, rows: s.rows, from: s.from,
                    milestone: s.milestone, late: s.late, sourceHash: s.sourceHash))
            sourceIndex.added(submissions)
        case .correction:
            guard let c = p.payload(CorrectionPayload.self), let index = submissions.firstIndex(where: { $0.seq == c.submission }),
                submissions[index].rows.indices.contains(c.row)
            else { return skip() }
            let old = submissions[index].rows[c.row].values[c.field]
            // Rows only: the forms and file hashes the index holds stay as they were.
            sourceIndex.folding = true
            submissions[index].rows[c.row].values[c.field] = c.new
            sourceIndex.folding = false
            corrections.append(
                CorrectionRecord(
                    seq: event.seq, submission: c.submission, row: c.row, field: c.field, old: old, new: c.new, reason: c.reason,
                    actor: event.actor))
        case .appraisal:
            guard let a = p.payload(AppraisalPayload.self), checkIDs([a.participant.id], event) else { return skip() }
            appraisals.append(AppraisalRecord(seq: event.seq, payload: a, actor: event.actor))
        case .lock:
            guard let l = p.payload(LockPayload.self) else { return skip() }
            locks[l.period] = event.seq
            if let hash = l.planHash { pin(hash, byLock: true) }
        case .unlock:
            guard let u = p.payload(UnlockPayload.self) else { return skip() }
            locks[u.period] = nil
        case .reviewOpened, .ballot, .tally, .reviewClosed:
            if !applyReview(event) { skip() }
        case .decision:
            guard let record = p.payload(DecisionRecord.self), checkIDs(record.lines.map(\.participant.id), event) else { return skip() }
            decisions.append(record)
            decisionSeqs.append(event.seq)
        case .decisionNumbered:
            guard let n = p.payload(DecisionNumberedPayload.self), let index = decisionSeqs.firstIndex(of: n.decision) else {
                return skip()
            }
            decisions[index].number = n.number
            decisions[index].date = n.date
        case .evidence:
            guard let e = p.payload(EvidencePayload.self), let kind = EvidenceKind(rawValue: e.fileKind),
                checkIDs([e.unit] + [e.form, e.indicator].compactMap { $0 }, event)
            else { return skip() }
            // The hash names a file: anything but 64 hex digits is a crafted line.
            guard EvidenceStore.isHash(e.sha256) else {
                invalidEvents.append((event.seq, "mã SHA-256 «\(InputLimits.shown(e.sha256))» của minh chứng không hợp lệ"))
                return skip()
            }
            evidence.append(EvidenceRecord(seq: event.seq, date: event.date, actor: event.actor, payload: e, kind: kind))
        case .evidenceWithdrawn:
            guard let w = p.payload(EvidenceWithdrawalPayload.self), let index = evidence.firstIndex(where: { $0.seq == w.evidence }) else {
                return skip()
            }
            let record = evidence.remove(at: index)
            withdrawnEvidence.append(EvidenceWithdrawal(record: record, seq: event.seq, date: event.date, actor: event.actor, reason: w.reason))
        default:
            otherEvents += 1
        }
    }

    private mutating func skip() { otherEvents += 1 }

    private mutating func pin(_ hash: String, byLock: Bool) {
        pinnedPlanHash = hash
        planPinnedByLock = planPinnedByLock || byLock
    }

    /// Records an event that names an id no roster or plan could hold; false when one does.
    mutating func checkIDs(_ ids: [String], _ event: JournalEvent) -> Bool {
        for id in ids {
            if let problem = Identifier.problem(id) {
                invalidEvents.append((event.seq, problem))
                return false
            }
        }
        return true
    }

    /// Whether results of the period can no longer change.
    public func isLocked(_ period: EvaluationPeriod) -> Bool { locks[period] != nil }

    /// Accepted submissions of a form.
    public func submissions(of form: String) -> [SubmissionRecord] {
        submissions.filter { $0.form == form }
    }
}
