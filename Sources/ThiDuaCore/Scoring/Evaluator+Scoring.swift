import ThiDuaBase

extension Evaluator {
    /// The participant's sheets on every table of their kind.
    func scoreSheets(_ participant: ParticipantRef, _ evaluator: RuleEvaluator) -> [ScoreSheet] {
        let tables = facts.campaign.scoringTables.filter { $0.appliesTo == participant.kind }
        guard !tables.isEmpty else { return [] }
        let engine = ScoringEngine(evaluator: evaluator)
        return tables.map { engine.sheet($0, for: participant) }
    }

    /// Adds each award's rating requirement to its eligibility.
    func applyRatings(_ awards: inout [AwardEligibility], _ sheets: [ScoreSheet], _ participant: ParticipantRef, _ period: EvaluationPeriod) {
        for (i, eligibility) in awards.enumerated() {
            guard let award = plan.awards.first(where: { $0.id == eligibility.award }), let rating = award.rating else { continue }
            let table = facts.campaign.scoringTable(rating.table)
            let titles = rating.bands.map { id in table?.bands.first { $0.id == id }?.title ?? id }.joined(separator: " hoặc ")
            let truth: Truth
            let reason: String
            if let sheet = sheets.first(where: { $0.table == rating.table }) {
                if case .missing = sheet.status {
                    truth = .missing
                    reason = "xếp loại: \(sheet.bandExplanation)"
                } else if let band = sheet.band, rating.bands.contains(band) {
                    truth = .met
                    reason = "xếp loại \(sheet.bandTitle ?? band) (cần \(titles))"
                } else {
                    truth = .notMet
                    reason = "xếp loại " + (sheet.bandTitle ?? "chưa có: \(sheet.bandExplanation)") + " (cần \(titles))"
                }
            } else {
                truth = .missing
                reason = "không có bảng chấm điểm «\(rating.table)» cho \(participant.kind.vietnamese)"
            }
            // With no criterion and no standard's rule the host found nothing measurable; the rating is.
            let previous = awards[i]
            let kind = participant.kind
            let standards = (award.standards ?? []).filter { $0.appliesTo == nil || $0.appliesTo == kind }
            let requirements = standards.compactMap(\.criteria)
            let gatedByCriteria =
                plan.criteria.contains { $0.appliesTo == kind } && (requirements.isEmpty || requirements.contains { $0 != .none })
            let unmeasured = !gatedByCriteria && !standards.contains { $0.rule != nil }
            let combined: Truth =
                unmeasured
                ? truth
                : [previous.truth, truth].contains(.notMet) ? .notMet : [previous.truth, truth].contains(.missing) ? .missing : .met
            let before = unmeasured ? "" : previous.explanation.components(separatedBy: " → ").dropLast().joined(separator: " → ") + "; "
            awards[i].truth = combined
            awards[i].explanation = before + reason + " → " + combined.vietnamese
        }
    }

    /// Ranks the participants of a kind by the total of their ranking table, then the table's
    /// tie-break chain; equal all the way share a rank (1, 2, 2, 4). Standings keep the host's
    /// order otherwise, and the total and maximum become the table's.
    func rankByScoring(_ standings: inout [Standing], _ period: EvaluationPeriod) {
        let votes = councilShares(period)
        for table in facts.campaign.scoringTables where table.ranking {
            let group = standings.indices.filter { standings[$0].participant.kind == table.appliesTo }
            guard !group.isEmpty else { continue }
            func sheet(_ i: Int) -> ScoreSheet? { standings[i].scores.first { $0.table == table.id } }
            for i in group {
                standings[i].total = sheet(i)?.total?.value
                standings[i].maxTotal = sheet(i)?.maxTotal.value
                standings[i].rank = nil
            }
            let rated = group.filter { sheet($0)?.total != nil }
            // (decided, reason) comparing a before b after equal totals.
            func compare(_ a: Int, _ b: Int) -> (Int, String)? {
                guard let x = sheet(a), let y = sheet(b) else { return nil }
                for step in table.tieBreak {
                    switch step.by {
                    case .block:
                        let p = x.block(step.block ?? "")?.total ?? .zero
                        let q = y.block(step.block ?? "")?.total ?? .zero
                        if p != q { return (p > q ? -1 : 1, "\(step.vietnamese(in: table)) (\(p.vietnamese) so với \(q.vietnamese))") }
                    case .fewerDeductions:
                        if x.deduction != y.deduction {
                            return (
                                x.deduction < y.deduction ? -1 : 1,
                                "\(step.vietnamese(in: table)) (\(x.deduction.vietnamese) so với \(y.deduction.vietnamese))"
                            )
                        }
                    case .councilVote:
                        let p = votes[standings[a].participant]
                        let q = votes[standings[b].participant]
                        if let p, let q, p.0 * q.1 != q.0 * p.1 {
                            let better = p.0 * q.1 > q.0 * p.1
                            return (better ? -1 : 1, "\(step.vietnamese(in: table)) (\(p.0)/\(p.1) so với \(q.0)/\(q.1))")
                        }
                    }
                }
                return nil
            }
            let ordered = rated.sorted { a, b in
                let x = sheet(a)?.total ?? .zero
                let y = sheet(b)?.total ?? .zero
                if x != y { return x > y }
                if let (sign, _) = compare(a, b) { return sign < 0 }
                return VietnameseText.key(standings[a].name) < VietnameseText.key(standings[b].name)
            }
            for (position, index) in ordered.enumerated() {
                guard position > 0 else {
                    standings[index].rank = 1
                    continue
                }
                let above = ordered[position - 1]
                let sameTotal = sheet(above)?.total == sheet(index)?.total
                let decided = sameTotal ? compare(above, index) : nil
                if sameTotal && decided == nil {
                    standings[index].rank = standings[above].rank
                    note(&standings[index], table.id, "đồng hạng với \(standings[above].name): bằng điểm và bằng nhau ở mọi bước xét")
                } else {
                    standings[index].rank = position + 1
                    if let (_, reason) = decided {
                        note(&standings[above], table.id, "xếp trên \(standings[index].name) (cùng tổng điểm) vì \(reason)")
                        note(&standings[index], table.id, "xếp dưới \(standings[above].name) (cùng tổng điểm) vì \(reason)")
                    }
                }
            }
            // The host's order: kinds together, ranked first by rank.
            let positions = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
            let members = group.sorted { a, b in
                switch (positions[a], positions[b]) {
                case let (x?, y?): return x < y
                case (_?, nil): return true
                case (nil, _?): return false
                default: return VietnameseText.key(standings[a].name) < VietnameseText.key(standings[b].name)
                }
            }
            let reordered = members.map { standings[$0] }
            for (slot, standing) in zip(group, reordered) { standings[slot] = standing }
        }
    }

    /// "Tập thể xếp hạng theo tổng điểm «…» từ cao xuống thấp; bằng điểm thì xét lần lượt: …".
    func rankingRules() -> [String] {
        facts.campaign.scoringTables.filter(\.ranking).map { table in
            let chain = table.tieBreak.map { $0.vietnamese(in: table) }
            let who = table.appliesTo == .collective ? "Tập thể" : "Cá nhân"
            return "\(who) xếp hạng theo tổng điểm «\(table.title)» từ cao xuống thấp"
                + (chain.isEmpty ? "" : "; bằng điểm thì xét lần lượt: " + chain.joined(separator: ", "))
                + "; vẫn bằng nhau thì đồng hạng. Không xếp loại hoặc chưa đủ điểm thì chưa xếp hạng."
        }
    }

    func note(_ standing: inout Standing, _ table: String, _ text: String) {
        guard let i = standing.scores.firstIndex(where: { $0.table == table }) else { return }
        let old = standing.scores[i].rankExplanation
        standing.scores[i].rankExplanation = old.map { "\($0); \(text)" } ?? text
    }

    /// Agreeing votes over those voting, best over a participant's nominations, at the last
    /// closed review of the period.
    func councilShares(_ period: EvaluationPeriod) -> [ParticipantRef: (Int, Int)] {
        guard let review = state.reviews.last(where: { $0.closed != nil && $0.period == period }), let closing = review.closed else {
            return [:]
        }
        var out: [ParticipantRef: (Int, Int)] = [:]
        for result in review.shares(present: closing.present.count, roster: facts.roster) where result.voting > 0 {
            let share = (result.agree, result.voting)
            if let known = out[result.nominee.participant], known.0 * share.1 >= share.0 * known.1 { continue }
            out[result.nominee.participant] = share
        }
        return out
    }
}
