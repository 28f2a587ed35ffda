import ThiDuaBase

/// One criterion judged for one participant.
public struct CriterionResult: Sendable, Hashable {
    public var id: String
    public var text: String
    public var truth: Truth
    public var explanation: String
    /// Points earned, when the criterion scores; nil when unknown (missing data) or not scored.
    public var points: Double?
    public var maxPoints: Double?
}

/// Whether a participant qualifies for an award kind, and why.
public struct AwardEligibility: Sendable, Hashable {
    public var award: String
    public var title: String
    public var truth: Truth
    public var explanation: String
}

/// An indicator compared with its target, for the whole campaign or one participant.
public struct IndicatorResult: Sendable, Hashable {
    public var indicator: String
    public var title: String
    public var value: Double?
    public var target: Target?
    public var truth: Truth
    public var explanation: String
}

/// Who delivered a registration form (a pledge, a model registration) and who did not.
public struct RegistrationCoverage: Sendable, Hashable {
    public var form: String
    public var title: String
    public var kind: ParticipantKind
    public var expected: Int
    public var received: [ParticipantRef]
    public var missing: [ParticipantRef]
    public var truth: Truth
    public var explanation: String
}

/// One participant's standing in a period.
public struct Standing: Sendable, Hashable {
    public var participant: ParticipantRef
    public var name: String
    public var criteria: [CriterionResult]
    /// Their own indicators (collective or individual scope) against targets.
    public var indicators: [IndicatorResult]
    /// Registration forms they were expected to deliver: form id → delivered.
    public var registrations: [String: Bool]
    /// Criteria met; the total when no criterion scores.
    public var met: Int
    public var missing: Int
    /// Sum of points when criteria score, else the number met; nil when data is missing.
    public var total: Double?
    public var maxTotal: Double?
    /// Rank among participants of the same kind; nil when data is missing.
    public var rank: Int?
    public var awards: [AwardEligibility]
    /// Scoring sheets of the campaign's tables for this participant's kind (`ScoringEngine`).
    public var scores: [ScoreSheet] = []

    /// The award kinds met.
    public var qualifies: [String] { awards.filter { $0.truth == .met }.map(\.award) }
}

/// The standings of a campaign for a period: what `thidua evaluate` prints.
public struct Evaluation: Sendable {
    public var campaign: String
    public var period: EvaluationPeriod
    public var standings: [Standing]
    public var indicators: [IndicatorResult]
    public var registrations: [RegistrationCoverage]
    public var locked: Bool
    /// How participants ranked by a scoring table are ordered, one sentence per table.
    public var rankingRules: [String] = []

    /// How ties are broken, as printed under the standings.
    public static let tieRule =
        "Xếp hạng trong từng nhóm (tập thể, cá nhân): tổng điểm (hoặc số tiêu chí đạt khi không chấm điểm) từ cao xuống thấp; "
        + "bằng nhau thì ai đạt nhiều tiêu chí hơn xếp trên; vẫn bằng nhau thì đồng hạng (1, 2, 2, 4) và liệt kê theo tên. "
        + "Đối tượng còn thiếu số liệu chưa được xếp hạng."
}

/// Builds the standings of a campaign: criteria, points, ranks and award eligibility.
public struct Evaluator: Sendable {
    public let state: CampaignState
    /// Built on first use: opening a campaign for its status or a submission needs no facts.
    private let lazyFacts: LazyValue<FactBase>
    /// Each period's evaluation, made once: the same state gives the same standings.
    private let memo = Memo<EvaluationPeriod, Evaluation>()

    /// Everything the rules read, gathered from the state.
    public var facts: FactBase { lazyFacts.value }

    public init(campaign: ResolvedCampaign, state: CampaignState, roster: Roster) {
        lazyFacts = LazyValue { FactBase(campaign: campaign, state: state, roster: roster) }
        self.state = state
    }

    var plan: CampaignPlan { facts.campaign.plan }

    /// The period to evaluate by default: the latest with data, else the plan's current year.
    public func defaultPeriod(today: CivilDate) -> EvaluationPeriod {
        if let latest = facts.periods.filter({ !$0.halfYear }).max() { return latest }
        let end = plan.period.end.year
        return EvaluationPeriod(year: min(today.year, end))
    }

    public func evaluate(_ period: EvaluationPeriod) -> Evaluation {
        memo.value(for: period) { computeEvaluation(period) }
    }

    private func computeEvaluation(_ period: EvaluationPeriod) -> Evaluation {
        let participants = state.units.map(ParticipantRef.unit) + state.people.map(ParticipantRef.person)
        let coverage = registrations(period)
        var standings = participants.map { standing($0, period, coverage) }
        rank(&standings)
        rankByScoring(&standings, period)
        let campaignIndicators = plan.indicators.filter { ($0.scope ?? .campaign) == .campaign && $0.target != nil }.map {
            indicatorResult($0, for: nil, period)
        }
        return Evaluation(
            campaign: plan.id, period: period, standings: standings, indicators: campaignIndicators,
            registrations: coverage, locked: state.isLocked(period), rankingRules: rankingRules())
    }

    func indicatorResult(_ indicator: Indicator, for participant: ParticipantRef?, _ period: EvaluationPeriod) -> IndicatorResult {
        let evaluator = RuleEvaluator(facts: facts, period: period)
        let value = evaluator.lookup(indicator.id, participant, in: period)?.value
        guard let target = indicator.target else {
            return IndicatorResult(
                indicator: indicator.id, title: indicator.title, value: value, target: nil, truth: value == nil ? .missing : .met,
                explanation: (value.map { "\(indicator.title) \(evaluator.format($0, indicator.id))" }
                    ?? "\(indicator.title): chưa có số liệu")
                    + (evaluator.aggregateFigure(indicator.id).map { " (\($0.sentence(roster: facts.roster)))" } ?? ""))
        }
        let rule = Rule.compare(indicator: indicator.id, subject: .own, comparison: target.comparison, value: target.value)
        let result = evaluator.evaluate(rule, for: participant ?? .unit(""))
        return IndicatorResult(
            indicator: indicator.id, title: indicator.title, value: value, target: target, truth: result.truth,
            explanation: result.explanation)
    }

    /// Registration milestones' forms: who of those enrolled delivered one in the period's year.
    func registrations(_ period: EvaluationPeriod) -> [RegistrationCoverage] {
        var out: [RegistrationCoverage] = []
        var seen: Set<String> = []
        for milestone in plan.milestones where milestone.kind == .registration {
            guard let formID = milestone.form, !seen.contains(formID), let form = facts.campaign.form(formID) else { continue }
            seen.insert(formID)
            let kind = form.filledBy ?? .collective
            let expected = kind == .collective ? state.units.map(ParticipantRef.unit) : state.people.map(ParticipantRef.person)
            let year = EvaluationPeriod(year: period.year)
            let received = expected.filter { facts.count(form: formID, for: $0, in: year) > 0 }
            let missing = expected.filter { !received.contains($0) }
            let who = kind == .collective ? "đơn vị" : "cá nhân"
            var explanation = "\(received.count)/\(expected.count) \(who) đã nộp «\(form.title)» \(year.vietnamese)"
            if !missing.isEmpty {
                explanation +=
                    "; chưa nộp: " + missing.prefix(10).map { $0.name(in: facts.roster) }.joined(separator: ", ")
                    + (missing.count > 10 ? " và \(missing.count - 10) \(who) khác" : "")
            }
            let truth: Truth = expected.isEmpty ? .missing : missing.isEmpty ? .met : .notMet
            out.append(
                RegistrationCoverage(
                    form: formID, title: form.title, kind: kind, expected: expected.count, received: received, missing: missing,
                    truth: truth, explanation: explanation + " → " + truth.vietnamese))
        }
        return out
    }

    func standing(_ participant: ParticipantRef, _ period: EvaluationPeriod, _ coverage: [RegistrationCoverage]) -> Standing {
        var evaluator = RuleEvaluator(facts: facts, period: period)
        var results: [CriterionResult] = []
        for criterion in plan.criteria where criterion.appliesTo == participant.kind {
            // A criterion for some kinds of unit only is not judged (nor counted) for the others.
            if let scope = criterion.scope, !scope.covers(participant, plan: plan, roster: facts.roster) { continue }
            let result: RuleResult
            let assessment = facts.assessment(of: criterion.id, by: participant, in: period)
            if let rule = criterion.rule {
                result = evaluator.evaluate(rule, for: participant)
            } else if let met = assessment?.met {
                let how = assessment?.appraisedBy != nil ? "đã thẩm định: \(assessment?.appraisalReason ?? "")" : "tự đánh giá"
                let evidence = assessment?.evidence.map { ", minh chứng: \($0)" } ?? ""
                result = RuleResult(truth: met ? .met : .notMet, reason: "\(how)\(evidence)")
            } else {
                result = RuleResult(truth: .missing, reason: "chưa có tự đánh giá")
            }
            evaluator.criteria[criterion.id] = result
            var points: Double?
            if let max = criterion.points {
                switch result.truth {
                case .met: points = min(max, assessment?.points ?? max)
                case .notMet: points = min(max, assessment?.points ?? 0)
                case .missing: points = nil
                }
            }
            results.append(
                CriterionResult(
                    id: criterion.id, text: criterion.text, truth: result.truth, explanation: result.explanation, points: points,
                    maxPoints: criterion.points))
        }
        let scope: IndicatorScope = participant.kind == .collective ? .collective : .individual
        let own = plan.indicators.filter { $0.scope == scope && $0.target != nil }.map {
            indicatorResult($0, for: participant, period)
        }
        var delivered: [String: Bool] = [:]
        for c in coverage where c.kind == participant.kind {
            delivered[c.form] = c.received.contains(participant)
        }
        let met = results.filter { $0.truth == .met }.count
        let missing = results.filter { $0.truth == .missing }.count
        let scored = results.contains { $0.maxPoints != nil }
        // Nothing to rank on (no criteria for the kind) is not a tie at zero.
        let total: Double? =
            missing > 0 || results.isEmpty ? nil : scored ? results.reduce(0) { $0 + ($1.points ?? 0) } : Double(met)
        let maxTotal: Double? =
            results.isEmpty ? nil : scored ? results.reduce(0) { $0 + ($1.maxPoints ?? 0) } : Double(results.count)
        let scores = scoreSheets(participant, evaluator)
        var awards = eligibility(participant, period, evaluator, results)
        applyRatings(&awards, scores, participant, period)
        return Standing(
            participant: participant, name: participant.name(in: facts.roster), criteria: results, indicators: own,
            registrations: delivered, met: met, missing: missing, total: total, maxTotal: maxTotal, rank: nil, awards: awards,
            scores: scores)
    }

    func eligibility(
        _ participant: ParticipantRef, _ period: EvaluationPeriod, _ evaluator: RuleEvaluator, _ criteria: [CriterionResult]
    ) -> [AwardEligibility] {
        guard !period.halfYear else { return [] }
        var out: [AwardEligibility] = []
        for award in plan.awards where award.recipients.contains(participant.kind) {
            if award.recurrence == .final && period.year != plan.period.end.year { continue }
            var parts: [(Truth, String)] = []
            let standards = (award.standards ?? []).filter { $0.appliesTo == nil || $0.appliesTo == participant.kind }
            // The plan's criteria gate the award unless one of its standards says which it requires.
            let requirements = standards.compactMap(\.criteria)
            for requirement in requirements.isEmpty ? [.all] : requirements {
                if let part = requirement.verdict(criteria) { parts.append(part) }
            }
            for standard in standards {
                guard let rule = standard.rule else { continue }
                let result = evaluator.evaluate(rule, for: participant)
                parts.append((result.truth, result.reason))
            }
            let truth: Truth
            let reason: String
            if parts.isEmpty {
                truth = .missing
                reason = "tiêu chuẩn không có điều kiện đo được; Hội đồng xét theo minh chứng"
            } else {
                truth =
                    parts.contains { $0.0 == .notMet } ? .notMet : parts.contains { $0.0 == .missing } ? .missing : .met
                reason = parts.map(\.1).joined(separator: "; ")
            }
            out.append(AwardEligibility(award: award.id, title: award.title, truth: truth, explanation: "\(reason) → \(truth.vietnamese)"))
        }
        return out
    }

    /// Ranks within each kind by the documented tie rule (`Evaluation.tieRule`).
    func rank(_ standings: inout [Standing]) {
        // Each name's sort key at most once, when a tie first needs it, not once per comparison
        // (the key folds case and Unicode forms, which made sorting the slowest part of a whole
        // ward's run).
        var memo = [String?](repeating: nil, count: standings.count)
        func key(_ i: Int) -> String {
            if let known = memo[i] { return known }
            let made = VietnameseText.key(standings[i].name)
            memo[i] = made
            return made
        }
        for kind in ParticipantKind.allCases {
            let ranked = standings.indices.filter { standings[$0].participant.kind == kind && standings[$0].total != nil }
            let ordered = ranked.sorted { a, b in
                let x = standings[a]
                let y = standings[b]
                if x.total != y.total { return (x.total ?? 0) > (y.total ?? 0) }
                if x.met != y.met { return x.met > y.met }
                return key(a) < key(b)
            }
            var previous: (Double?, Int)?
            for (position, index) in ordered.enumerated() {
                let key = (standings[index].total, standings[index].met)
                if let p = previous, p.0 == key.0, p.1 == key.1, position > 0, let shared = standings[ordered[position - 1]].rank {
                    standings[index].rank = shared
                } else {
                    standings[index].rank = position + 1
                }
                previous = key
            }
        }
        // The same order `standings.sort` with this comparison gives, sorting positions so the
        // remembered keys stay with their standings.
        var order = Array(standings.indices)
        order.sort { i, j in
            let a = standings[i]
            let b = standings[j]
            if a.participant.kind != b.participant.kind { return a.participant.kind == .collective }
            switch (a.rank, b.rank) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return key(i) < key(j)
            }
        }
        standings = order.map { standings[$0] }
    }
}
