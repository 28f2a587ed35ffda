import ThiDuaBase

extension CampaignActions {
    /// The award decision (local awards, with money by the decree and base salary in force on
    /// `date`) and the upward proposal (awards granted higher up), from a closed review.
    ///
    /// Approved nominees are taken in order of their rank in the evaluation, then of their
    /// share of agreeing votes; those beyond an award's quota are left out, with the reason.
    ///
    /// One decision gives one participant one form of award once (Luật Thi đua, khen thưởng
    /// Điều 5: one achievement is not commended several times): when two award kinds of the
    /// same form (a yearly and an end-of-period Giấy khen) both reach a person, the end-of-period
    /// one is kept and the other left out with the reason, unless the official confirms the
    /// repeat (`confirmRepeats`, `thidua decide --xac-nhan-trung`).
    public static func decide(
        plan: CampaignPlan, state: CampaignState, roster: Roster, evaluation: Evaluation?, tables: MoneyTables, date: CivilDate,
        number: String?, confirmRepeats: Bool = false
    ) throws(ActionError) -> [DecisionRecord] {
        guard let review = state.reviews.last(where: { $0.closed != nil }), let closing = review.closed else {
            throw ActionError("Chưa có phiên bình xét nào đã đóng; quyết định khen thưởng theo kết quả bình xét (`thidua review close`).")
        }
        if state.decisions.contains(where: { $0.review == review.id && !$0.upward }) {
            throw ActionError("Đã có quyết định theo phiên bình xét «\(review.id)»; sửa quyết định cần một phiên bình xét mới.")
        }
        guard date >= closing.date else {
            throw ActionError("Ngày quyết định \(date.vietnamese) trước ngày họp Hội đồng \(closing.date.vietnamese).")
        }
        let results = review.results(present: closing.present.count, roster: roster).filter(\.approved)
        let rankOf: [ParticipantRef: Int] = Dictionary(
            (evaluation?.standings ?? []).compactMap { s in s.rank.map { (s.participant, $0) } }, uniquingKeysWith: { a, _ in a })
        var lines: [Bool: [DecisionLine]] = [:]
        var leftOut: [Bool: [String]] = [:]
        // End-of-period kinds first, so that a repeat keeps the end-of-period award.
        let ordered = plan.awards.filter { $0.recurrence == .final } + plan.awards.filter { $0.recurrence != .final }
        var given: [ParticipantRef: [String: String]] = [:]
        for award in ordered {
            let approved = results.filter { $0.nominee.award == award.id }.sorted { a, b in
                let ra = rankOf[a.nominee.participant] ?? Int.max
                let rb = rankOf[b.nominee.participant] ?? Int.max
                if ra != rb { return ra < rb }
                return a.tally.agree * max(1, b.voting) > b.tally.agree * max(1, a.voting)
            }
            guard !approved.isEmpty else { continue }
            let upward = award.level == .upward
            var counted: [ParticipantKind: Int] = [:]
            for result in approved {
                let who = result.nominee.participant
                if let earlier = given[who]?[award.form], !confirmRepeats {
                    leftOut[upward, default: []].append(
                        "\(who.name(in: roster)) — \(award.title): đã được tặng cùng hình thức trong quyết định này (\(earlier)); "
                            + "chỉ tặng lần nữa khi người ký xác nhận (--xac-nhan-trung)")
                    continue
                }
                let limit = quotaLimit(award, kind: who.kind, plan: plan, state: state, roster: roster)
                if let limit, counted[who.kind, default: 0] >= limit {
                    leftOut[upward, default: []].append(
                        "\(who.name(in: roster)) — \(award.title): vượt chỉ tiêu \(limit) \(who.kind.vietnamese)")
                    continue
                }
                counted[who.kind, default: 0] += 1
                given[who, default: [:]][award.form] = given[who]?[award.form] ?? (award.recurrence == .final ? "khen thưởng tổng kết" : "khen thưởng hằng năm")
                var line = DecisionLine(participant: who, name: who.name(in: roster), detail: detail(who, roster), award: award.id)
                if !upward {
                    do {
                        let amount = try tables.amount(form: award.form, collective: who.kind == .collective, on: date)
                        line.amount = amount.rounded
                        line.amountInWords = amount.words
                        line.basis =
                            (amount.collectiveFactor > 1 ? "\(amount.collectiveFactor) × " : "")
                            + "\(amount.multiple) × \(Numbers.grouped(amount.baseSalary.amount)) đồng (Nghị định \(amount.decree.id))"
                    } catch {
                        throw ActionError("Không tính được tiền thưởng «\(award.title)» ngày \(date.vietnamese): \(error.message)")
                    }
                }
                lines[upward, default: []].append(line)
            }
        }
        var records: [DecisionRecord] = []
        for upward in [false, true] {
            guard let list = lines[upward], !list.isEmpty else { continue }
            var total = 0
            for line in list {
                let (sum, overflow) = total.addingReportingOverflow(line.amount ?? 0)
                guard !overflow else { throw ActionError("Tổng tiền thưởng vượt giới hạn tính toán.") }
                total = sum
            }
            records.append(
                DecisionRecord(
                    period: review.period.description, date: date, number: upward ? nil : number, review: review.id, upward: upward,
                    lines: list, total: total, totalInWords: upward ? nil : VietnameseNumberWords.amount(total),
                    leftOut: leftOut[upward] ?? []))
        }
        guard !records.isEmpty else {
            throw ActionError("Phiên «\(review.id)» không có đề cử nào được Hội đồng thông qua; không có gì để quyết định.")
        }
        return records
    }

    /// The most a quota allows among the enrolled participants of a kind.
    static func quotaLimit(_ quota: Quota?, kind: ParticipantKind, state: CampaignState) -> Int? {
        guard let quota else { return nil }
        var limits: [Int] = []
        if let count = quota.count { limits.append(count) }
        if let share = quota.share {
            let base = kind == .collective ? state.units.count : state.people.count
            limits.append(Int((share * Double(base) / 100).rounded(.down)))
        }
        return limits.min()
    }

    /// "Chuyên viên, Phòng Kinh tế" for a person; the unit's kind for a unit.
    static func detail(_ who: ParticipantRef, _ roster: Roster) -> String {
        switch who.kind {
        case .individual:
            guard let person = roster.people.first(where: { $0.id == who.id }) else { return "" }
            let unit = roster.units.first { $0.id == person.unit }?.name ?? person.unit
            return [person.position, unit].filter { !$0.isEmpty }.joined(separator: ", ")
        case .collective:
            return roster.units.first { $0.id == who.id }?.kind.vietnamese ?? ""
        }
    }
}
