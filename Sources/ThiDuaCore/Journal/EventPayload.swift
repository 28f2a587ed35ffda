import ThiDuaBase

/// The typed payload of one kind of journal event.
///
/// Every event the back office writes is built from one of these and read back into the same
/// type by `CampaignState`'s fold, so no front-end builds or reads a payload by string keys.
/// Keys are the ones journals have always held, so older journals replay unchanged.
public protocol EventPayload: Codable, Sendable {
    /// The event kind this payload is written under.
    static var kind: EventKind { get }
}

extension EventPayload {
    /// The payload as the journal stores it.
    public func jsonValue() throws(ActionError) -> JSONValue {
        do {
            return try JSONValue.encode(self)
        } catch {
            throw ActionError("Không mã hóa được sự kiện «\(Self.kind.rawValue)»: \(error)")
        }
    }

    /// A draft of this event by `actor` for `date`.
    public func draft(actor: String, date: CivilDate) throws(ActionError) -> JournalStore.Draft {
        JournalStore.Draft(kind: Self.kind, actor: actor, date: date, payload: try jsonValue())
    }
}

extension JSONValue {
    /// Reads an event's payload as its type; nil when it is not one.
    public func payload<P: EventPayload>(_ type: P.Type) -> P? {
        try? decode(type)
    }
}

/// `launch`: the plan was signed and issued. `planHash` pins the campaign file it was issued as.
public struct LaunchPayload: EventPayload {
    public static let kind = EventKind.launch
    /// SHA-256 of the campaign file's bytes at launch; absent in journals written before it was kept.
    public var planHash: String?
    public init(planHash: String?) { self.planHash = planHash }
}

/// `close`: the campaign ended after its tổng kết.
public struct ClosePayload: EventPayload {
    public static let kind = EventKind.close
    public var planHash: String?
    public init(planHash: String?) { self.planHash = planHash }
}

/// `enrolment`: units and people that take part from now on.
public struct EnrolmentPayload: EventPayload {
    public static let kind = EventKind.enrolment
    public var units: [String]
    public var people: [String]
    public init(units: [String], people: [String]) {
        self.units = units
        self.people = people
    }
}

/// `withdrawal`: units and people that no longer take part, with why.
public struct WithdrawalPayload: EventPayload {
    public static let kind = EventKind.withdrawal
    public var units: [String]
    public var people: [String]
    public var reason: String?
    public init(units: [String], people: [String], reason: String?) {
        self.units = units
        self.people = people
        self.reason = reason
    }
}

/// `submission`: one filled form, all its rows.
public struct SubmissionPayload: EventPayload {
    public static let kind = EventKind.submission
    public var form: String
    /// The file's name as the sender gave it.
    public var source: String
    /// SHA-256 of the file's bytes, so the same file sent twice is noticed.
    public var sourceHash: String?
    /// Unit or person ids that delivered it.
    public var from: [String]
    public var milestone: String?
    /// The due day of `milestone`, ISO.
    public var due: String?
    public var late: Bool
    public var rows: [SubmissionRow]

    public init(
        form: String, source: String, sourceHash: String?, from: [String], milestone: String?, due: String?, late: Bool,
        rows: [SubmissionRow]
    ) {
        self.form = form
        self.source = source
        self.sourceHash = sourceHash
        self.from = from
        self.milestone = milestone
        self.due = due
        self.late = late
        self.rows = rows
    }

    enum CodingKeys: String, CodingKey {
        case form, source, sourceHash, from, milestone, due, late, rows
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        form = try c.decode(String.self, forKey: .form)
        rows = try c.decode([SubmissionRow].self, forKey: .rows)
        source = try c.decodeIfPresent(String.self, forKey: .source) ?? ""
        sourceHash = try c.decodeIfPresent(String.self, forKey: .sourceHash)
        from = try c.decodeIfPresent([String].self, forKey: .from) ?? []
        milestone = try c.decodeIfPresent(String.self, forKey: .milestone)
        due = try c.decodeIfPresent(String.self, forKey: .due)
        late = try c.decodeIfPresent(Bool.self, forKey: .late) ?? false
    }
}

extension SubmissionPayload: JSONValueDecodable {
    /// The replay fast path: rows through `SubmissionRow`'s shortcut, the rest as `init(from:)` reads it.
    package init?(exactly value: JSONValue) {
        guard case .object(let members) = value else { return nil }
        func member(_ key: String) -> JSONValue? { members.first { $0.key == key }?.value }
        guard let form = member("form")?.exactString, let rowsValue = member("rows"), let rows = [SubmissionRow](exactly: rowsValue)
        else { return nil }
        var strings: [String: String] = [:]
        for key in ["source", "sourceHash", "milestone", "due"] {
            guard let value = member(key) else { continue }
            if value == .null { continue }
            guard let text = value.exactString else { return nil }
            strings[key] = text
        }
        var from: [String] = []
        if let value = member("from"), value != .null {
            guard case .array(let items) = value else { return nil }
            for item in items {
                guard let text = item.exactString else { return nil }
                from.append(text)
            }
        }
        var late = false
        if let value = member("late"), value != .null {
            guard case .bool(let flag) = value else { return nil }
            late = flag
        }
        self.init(
            form: form, source: strings["source"] ?? "", sourceHash: strings["sourceHash"], from: from, milestone: strings["milestone"],
            due: strings["due"], late: late, rows: rows)
    }
}

/// `correction`: one recorded value changed, old → new, with the reason.
public struct CorrectionPayload: EventPayload {
    public static let kind = EventKind.correction
    /// The journal line of the submission changed.
    public var submission: Int
    /// The row within it, from 0.
    public var row: Int
    public var field: String
    public var old: FieldValue?
    public var new: FieldValue
    public var reason: String
    public init(submission: Int, row: Int, field: String, old: FieldValue?, new: FieldValue, reason: String) {
        self.submission = submission
        self.row = row
        self.field = field
        self.old = old
        self.new = new
        self.reason = reason
    }
}

/// `appraisal`: an appraiser's change to one item of a self-assessment.
public struct AppraisalPayload: EventPayload {
    public static let kind = EventKind.appraisal
    public var period: EvaluationPeriod
    public var participant: ParticipantRef
    public var item: String
    public var met: Bool?
    public var points: Double?
    public var evidence: String?
    public var oldMet: Bool?
    public var oldPoints: Double?
    public var reason: String
    public init(
        period: EvaluationPeriod, participant: ParticipantRef, item: String, met: Bool?, points: Double?, evidence: String?,
        oldMet: Bool?, oldPoints: Double?, reason: String
    ) {
        self.period = period
        self.participant = participant
        self.item = item
        self.met = met
        self.points = points
        self.evidence = evidence
        self.oldMet = oldMet
        self.oldPoints = oldPoints
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case period, participant, item, met, points, evidence, oldMet, oldPoints, reason
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(period, forKey: .period)
        try c.encode(participant.description, forKey: .participant)
        try c.encode(item, forKey: .item)
        try c.encodeIfPresent(met, forKey: .met)
        try c.encodeIfPresent(points, forKey: .points)
        try c.encodeIfPresent(evidence, forKey: .evidence)
        try c.encodeIfPresent(oldMet, forKey: .oldMet)
        try c.encodeIfPresent(oldPoints, forKey: .oldPoints)
        try c.encode(reason, forKey: .reason)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        period = try c.decode(EvaluationPeriod.self, forKey: .period)
        let text = try c.decode(String.self, forKey: .participant)
        guard let participant = ParticipantRef(parsing: text) else {
            throw DecodingError.dataCorruptedError(forKey: .participant, in: c, debugDescription: "participant «\(text)»")
        }
        self.participant = participant
        item = try c.decode(String.self, forKey: .item)
        met = try c.decodeIfPresent(Bool.self, forKey: .met)
        points = try c.decodeIfPresent(Double.self, forKey: .points)
        evidence = try c.decodeIfPresent(String.self, forKey: .evidence)
        oldMet = try c.decodeIfPresent(Bool.self, forKey: .oldMet)
        oldPoints = try c.decodeIfPresent(Double.self, forKey: .oldPoints)
        reason = try c.decode(String.self, forKey: .reason)
    }
}

/// `lock`: a period's results locked after sơ kết / tổng kết.
public struct LockPayload: EventPayload {
    public static let kind = EventKind.lock
    public var period: EvaluationPeriod
    public var reason: String?
    /// SHA-256 of the campaign file the locked results were computed under.
    public var planHash: String?
    public init(period: EvaluationPeriod, reason: String?, planHash: String?) {
        self.period = period
        self.reason = reason
        self.planHash = planHash
    }
}

/// `unlock`: a locked period opened again, with the reason (a correction after sơ kết).
public struct UnlockPayload: EventPayload {
    public static let kind = EventKind.unlock
    public var period: EvaluationPeriod
    public var reason: String
    public init(period: EvaluationPeriod, reason: String) {
        self.period = period
        self.reason = reason
    }
}

/// `plan-amended`: the campaign file changed after launch or lock, recorded with the reason.
public struct PlanAmendedPayload: EventPayload {
    public static let kind = EventKind.planAmended
    public var planHash: String
    public var previousHash: String?
    public var reason: String
    public init(planHash: String, previousHash: String?, reason: String) {
        self.planHash = planHash
        self.previousHash = previousHash
        self.reason = reason
    }
}

extension DecisionRecord: EventPayload {
    /// `decision`: the award decision or the upward proposal.
    public static let kind = EventKind.decision
}

/// `decision-numbered`: the number and date of a signed draft decision, added afterwards.
public struct DecisionNumberedPayload: EventPayload {
    public static let kind = EventKind.decisionNumbered
    /// The journal line of the draft decision.
    public var decision: Int
    public var number: String
    public var date: CivilDate
    public init(decision: Int, number: String, date: CivilDate) {
        self.decision = decision
        self.number = number
        self.date = date
    }
}
