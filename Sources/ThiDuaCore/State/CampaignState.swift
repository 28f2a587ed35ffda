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
    public var submissions: [SubmissionRecord] = []
    public var corrections: [CorrectionRecord] = []
    /// Appraisers' changes to self-assessments, in order.
    public var appraisals: [AppraisalRecord] = []
    /// Periods whose results are locked, with the journal line that locked each.
    public var locks: [EvaluationPeriod: Int] = [:]
    /// Council reviews, in the order they were opened.
    public var reviews: [ReviewRecord] = []
    /// Award decisions and upward proposals, in order.
    public var decisions: [DecisionRecord] = []
    /// Events of kinds this build does not fold (kept for later versions, counted).
    public var otherEvents = 0

    public init() {}

    /// Folds events in order.
    public init(events: [JournalEvent]) {
        self.init()
        for event in events { apply(event) }
    }

    /// The last journal line folded (0 for an empty journal).
    public var lastSeq = 0

    /// Applies one event.
    public mutating func apply(_ event: JournalEvent) {
        lastSeq = event.seq
        let p = event.payload
        switch event.kind {
        case .launch:
            launched = event.date
        case .close:
            closed = event.date
        case .enrolment:
            for id in p["units"]?.array?.compactMap(\.string) ?? [] where !units.contains(id) { units.append(id) }
            for id in p["people"]?.array?.compactMap(\.string) ?? [] where !people.contains(id) { people.append(id) }
        case .withdrawal:
            let u = Set(p["units"]?.array?.compactMap(\.string) ?? [])
            let q = Set(p["people"]?.array?.compactMap(\.string) ?? [])
            units.removeAll { u.contains($0) }
            people.removeAll { q.contains($0) }
        case .submission:
            guard let form = p["form"]?.string, let rowsValue = p["rows"], let rows = try? rowsValue.decode([SubmissionRow].self)
            else {
                otherEvents += 1
                return
            }
            submissions.append(
                SubmissionRecord(
                    seq: event.seq, form: form, date: event.date, actor: event.actor, source: p["source"]?.string ?? "",
                    rows: rows, from: p["from"]?.array?.compactMap(\.string) ?? [], milestone: p["milestone"]?.string,
                    late: p["late"].map { $0 == .bool(true) } ?? false))
        case .correction:
            guard let target = p["submission"]?.number.map({ Int($0) }), let row = p["row"]?.number.map({ Int($0) }),
                let field = p["field"]?.string, let newValue = try? p["new"]?.decode(FieldValue.self),
                let index = submissions.firstIndex(where: { $0.seq == target }), submissions[index].rows.indices.contains(row)
            else {
                otherEvents += 1
                return
            }
            let old = submissions[index].rows[row].values[field]
            submissions[index].rows[row].values[field] = newValue
            corrections.append(
                CorrectionRecord(
                    seq: event.seq, submission: target, row: row, field: field, old: old, new: newValue,
                    reason: p["reason"]?.string ?? "", actor: event.actor))
        case .appraisal:
            guard let record = AppraisalRecord(event: event) else {
                otherEvents += 1
                return
            }
            appraisals.append(record)
        case .lock:
            guard let period = p["period"]?.string.flatMap(EvaluationPeriod.init(parsing:)) else {
                otherEvents += 1
                return
            }
            locks[period] = event.seq
        case .reviewOpened, .ballot, .tally, .reviewClosed:
            if !applyReview(event) { otherEvents += 1 }
        case .decision:
            guard let record = try? p.decode(DecisionRecord.self) else {
                otherEvents += 1
                return
            }
            decisions.append(record)
        default:
            otherEvents += 1
        }
    }

    /// Whether results of the period can no longer change.
    public func isLocked(_ period: EvaluationPeriod) -> Bool { locks[period] != nil }

    /// Accepted submissions of a form.
    public func submissions(of form: String) -> [SubmissionRecord] {
        submissions.filter { $0.form == form }
    }
}
