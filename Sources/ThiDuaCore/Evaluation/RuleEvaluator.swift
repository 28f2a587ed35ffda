import ThiDuaBase

/// Met, not met, or not known because data is missing. Missing is never read as zero.
public enum Truth: String, Sendable, Codable, Hashable {
    case met
    case notMet = "not-met"
    case missing

    /// "đạt", "không đạt", "thiếu số liệu".
    public var vietnamese: String {
        switch self {
        case .met: "đạt"
        case .notMet: "không đạt"
        case .missing: "thiếu số liệu"
        }
    }
}

/// The outcome of a rule for one participant, with its explanation in Vietnamese.
public struct RuleResult: Sendable, Hashable {
    public var truth: Truth
    /// The reasons, joined: "Chỉ số CCHC của đơn vị 81,5% ≥ 80% và cao hơn năm trước (79,0%)".
    public var reason: String
    /// The reason with its verdict: "… → đạt".
    public var explanation: String { reason.isEmpty ? truth.vietnamese : "\(reason) → \(truth.vietnamese)" }
}

/// Evaluates rules against a fact base, three-valued, explaining each step with its numbers.
public struct RuleEvaluator: Sendable {
    public let facts: FactBase
    public let period: EvaluationPeriod
    /// Results of criteria already evaluated, for `criterion` references.
    public var criteria: [String: RuleResult] = [:]

    public init(facts: FactBase, period: EvaluationPeriod) {
        self.facts = facts
        self.period = period
    }

    /// One reason: a subject ("Chỉ số CCHC của đơn vị"), the value read, and how it relates.
    struct Piece {
        var lead: String
        var value: String
        var relation: String
        var truth: Truth

        var full: String { [lead, value, relation].filter { !$0.isEmpty }.joined(separator: " ") }
    }

    public func evaluate(_ rule: Rule, for participant: ParticipantRef) -> RuleResult {
        let pieces = self.pieces(rule, for: participant)
        return RuleResult(truth: pieces.truth, reason: pieces.text)
    }

    struct Pieces {
        var truth: Truth
        var text: String
    }

    func pieces(_ rule: Rule, for participant: ParticipantRef) -> Pieces {
        switch rule {
        case .all(let rules):
            let parts = rules.map { atom($0, for: participant) }
            let truth: Truth =
                parts.contains { $0.truth == .notMet } ? .notMet : parts.contains { $0.truth == .missing } ? .missing : .met
            return Pieces(truth: truth, text: join(parts, with: " và "))
        case .any(let rules):
            let parts = rules.map { atom($0, for: participant) }
            if let met = parts.first(where: { $0.truth == .met }) {
                // The alternative that held is the whole reason: no parentheses around it.
                let text = met.piece == nil && met.text.hasPrefix("(") && met.text.hasSuffix(")") ? String(met.text.dropFirst().dropLast()) : met.text
                return Pieces(truth: .met, text: text)
            }
            let truth: Truth = parts.contains { $0.truth == .missing } ? .missing : .notMet
            return Pieces(truth: truth, text: join(parts, with: " hoặc "))
        case .atLeast(let n, let rules):
            let parts = rules.map { atom($0, for: participant) }
            let met = parts.filter { $0.truth == .met }.count
            let missing = parts.filter { $0.truth == .missing }.count
            let truth: Truth = met >= n ? .met : met + missing < n ? .notMet : .missing
            return Pieces(
                truth: truth,
                text: "đạt \(met)/\(parts.count) điều kiện (cần ít nhất \(n)): " + parts.map(\.text).joined(separator: "; "))
        default:
            let piece = leaf(rule, for: participant)
            return Pieces(truth: piece.truth, text: piece.full)
        }
    }

    /// An operand of all/any: a leaf keeps its parts so repeated subjects can be shortened.
    struct Atom {
        var truth: Truth
        var piece: Piece?
        var text: String
    }

    func atom(_ rule: Rule, for participant: ParticipantRef) -> Atom {
        switch rule {
        case .all, .any, .atLeast:
            let p = pieces(rule, for: participant)
            return Atom(truth: p.truth, piece: nil, text: "(\(p.text))")
        default:
            let piece = leaf(rule, for: participant)
            return Atom(truth: piece.truth, piece: piece, text: piece.full)
        }
    }

    /// Joins operands, dropping a repeated subject and value: "X 81,5% ≥ 80% và cao hơn năm trước (79,0%)".
    func join(_ atoms: [Atom], with separator: String) -> String {
        var out: [String] = []
        var previous: Piece?
        for atom in atoms {
            if let piece = atom.piece, let before = previous, before.lead == piece.lead, !piece.lead.isEmpty {
                out.append(before.value == piece.value ? piece.relation : "\(piece.value) \(piece.relation)")
            } else {
                out.append(atom.text)
            }
            previous = atom.piece
        }
        return out.joined(separator: separator)
    }

    // MARK: Leaves

    func indicator(_ id: String) -> Indicator? { facts.campaign.plan.indicators.first { $0.id == id } }

    func title(_ id: String) -> String { indicator(id)?.title ?? id }

    /// Who the value is read from, and how the explanation names it.
    func subjectOf(_ participant: ParticipantRef, _ subject: RuleSubject) -> (ParticipantRef?, String) {
        guard subject == .unit, participant.kind == .individual else { return (participant, "") }
        // "Chỉ số CCHC của cơ quan, đơn vị" already says whose it is.
        let suffix = " của đơn vị"
        guard let unit = facts.roster.people.first(where: { $0.id == participant.id })?.unit else { return (nil, suffix) }
        return (.unit(unit), suffix)
    }

    /// The value for a participant, falling back to the whole campaign for campaign-wide indicators.
    func lookup(_ id: String, _ who: ParticipantRef?, in period: EvaluationPeriod) -> RecordedValue? {
        let (derived, computed) = derivedValue(id, who, in: period)
        if derived { return computed }
        if let value = facts.value(id, for: who, in: period) { return value }
        if who != nil, indicator(id)?.scope == .campaign { return facts.value(id, for: nil, in: period) }
        return nil
    }

    func format(_ value: Double, _ id: String, fixed: Bool = true) -> String {
        switch indicator(id)?.measure {
        case .percent?: return Self.decimal(value, fixed: fixed) + "%"
        case .score?: return Self.decimal(value, fixed: fixed) + " điểm"
        case .rank?: return "hạng " + Numbers.vietnamese(value)
        case .yesNo?: return value != 0 ? "có" : "không"
        default: return Numbers.vietnamese(value)
        }
    }

    /// Reported values with one decimal ("79,0"), targets as written ("80").
    static func decimal(_ value: Double, fixed: Bool) -> String {
        guard fixed else { return Numbers.vietnamese(value) }
        let text = Numbers.vietnamese(value)
        return text.utf8.contains(UInt8(ascii: ",")) ? text : text + ",0"
    }

    func leaf(_ rule: Rule, for participant: ParticipantRef) -> Piece {
        switch rule {
        case .compare(let id, let subject, let comparison, let target):
            let (who, suffix) = subjectOf(participant, subject)
            let lead = Self.lead(title(id), suffix)
            guard let recorded = lookup(id, who, in: period) else {
                let how = aggregateFigure(id).map { " (\($0.sentence(roster: facts.roster)))" } ?? ""
                return Piece(lead: lead, value: "", relation: "chưa có số liệu \(period.vietnamese)" + how, truth: .missing)
            }
            let holds = comparison.holds(recorded.value, target)
            let relation =
                holds
                ? "\(comparison.symbol) \(format(target, id, fixed: false))"
                : "(cần \(comparison.symbol) \(format(target, id, fixed: false)))"
            // A combined figure says how it was combined and from how many units.
            let how = aggregateFigure(id).map { " (\($0.sentence(roster: facts.roster)))" } ?? ""
            return Piece(lead: lead, value: format(recorded.value, id) + how, relation: relation, truth: holds ? .met : .notMet)
        case .compareWithPrevious(let id, let subject, let comparison):
            let (who, suffix) = subjectOf(participant, subject)
            let lead = Self.lead(title(id), suffix)
            guard let current = lookup(id, who, in: period) else {
                return Piece(lead: lead, value: "", relation: "chưa có số liệu \(period.vietnamese)", truth: .missing)
            }
            let word = Self.relationWord(comparison)
            let (derived, computedBefore) = derivedPrevious(id, who, in: period)
            guard let before = derived ? computedBefore : facts.previousValue(id, for: who, in: period)?.0 else {
                return Piece(
                    lead: lead, value: format(current.value, id),
                    relation: "chưa có số liệu năm trước (\(period.previous.vietnamese)) để so sánh", truth: .missing)
            }
            let holds = comparison.holds(current.value, before.value)
            return Piece(
                lead: lead, value: format(current.value, id),
                relation: (holds ? "" : "không ") + "\(word) năm trước (\(format(before.value, id)))",
                truth: holds ? .met : .notMet)
        case .rankChange(let id, let comparison, let places):
            let who = participant
            let lead = title(id)
            guard let now = lookup(id, who, in: period) else {
                return Piece(lead: lead, value: "", relation: "chưa có thứ hạng \(period.vietnamese)", truth: .missing)
            }
            guard let (before, _) = facts.previousValue(id, for: who, in: period) else {
                return Piece(
                    lead: lead, value: format(now.value, id), relation: "chưa có thứ hạng năm trước để so sánh", truth: .missing)
            }
            // A smaller rank number is better: places gained = last year's rank − this year's.
            let gained = before.value - now.value
            let holds = comparison.holds(gained, Double(places))
            let move =
                gained >= 0
                ? "tăng \(Numbers.vietnamese(gained)) bậc" : "giảm \(Numbers.vietnamese(-gained)) bậc"
            return Piece(
                lead: lead, value: "\(move) (từ \(format(before.value, id)) lên \(format(now.value, id)))",
                relation: holds ? "\(comparison.symbol) \(places) bậc" : "(cần \(comparison.symbol) \(places) bậc)",
                truth: holds ? .met : .notMet)
        case .count(let kind, let comparison, let target):
            let event = facts.campaign.definition.countedEvents.first { $0.id == kind }
            let form = event?.form ?? kind
            let n = facts.count(form: form, for: participant, in: period)
            let holds = comparison.holds(Double(n), Double(target))
            let lead = (event?.title ?? facts.campaign.form(form)?.title ?? kind) + " \(period.vietnamese)"
            return Piece(
                lead: lead, value: "\(n)",
                relation: holds ? "\(comparison.symbol) \(target)" : "(cần \(comparison.symbol) \(target))",
                truth: holds ? .met : .notMet)
        case .attested(let check, let needsEvidence):
            let lead = facts.campaign.definition.attestedChecks.first { $0.id == check }?.title ?? check
            guard let assessment = facts.assessment(of: check, by: participant, in: period), let met = assessment.met else {
                // A check a unit attests on its own form (its proposal of a person) is not self-assessed.
                let byUnit = facts.campaign.definition.forms.contains { $0.attests == check }
                return Piece(
                    lead: lead, value: "", relation: byUnit ? "chưa có xác nhận của đơn vị" : "chưa có tự đánh giá, thẩm định", truth: .missing)
            }
            let appraised = assessment.appraisedBy.map { _ in " (đã thẩm định: \(assessment.appraisalReason ?? ""))" } ?? ""
            if !met {
                return Piece(lead: lead, value: "", relation: "không" + appraised, truth: .notMet)
            }
            if needsEvidence && (assessment.evidence ?? "").isEmpty {
                return Piece(lead: lead, value: "", relation: "có nhưng chưa có minh chứng" + appraised, truth: .missing)
            }
            let evidence = assessment.evidence.map { " (minh chứng: \($0))" } ?? ""
            return Piece(lead: lead, value: "", relation: "có" + evidence + appraised, truth: .met)
        case .criterion(let id):
            let result = criteria[id]
            return Piece(
                lead: "tiêu chí «\(id)»", value: "", relation: result?.truth.vietnamese ?? "chưa đánh giá",
                truth: result?.truth ?? .missing)
        case .all, .any, .atLeast:
            let p = pieces(rule, for: participant)
            return Piece(lead: "", value: "", relation: p.text, truth: p.truth)
        }
    }

    /// The title with "của đơn vị", unless it already names the unit.
    static func lead(_ title: String, _ suffix: String) -> String {
        suffix.isEmpty || title.hasSuffix("đơn vị") ? title : title + suffix
    }

    static func relationWord(_ comparison: Comparison) -> String {
        switch comparison {
        case .greaterThan: "cao hơn"
        case .atLeast: "không thấp hơn"
        case .equal: "bằng"
        case .atMost: "không cao hơn"
        case .lessThan: "thấp hơn"
        }
    }
}
