import ThiDuaBase

/// A refused action: the Vietnamese reason. Nothing was written.
public struct ActionError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// The checks and payloads of the review, appraisal and lock steps. Each function reads the
/// state the journal gives and returns the event to append, or refuses with the reason; the
/// caller appends with `expectingLastSeq: state.lastSeq` so nothing slips in between.
public enum CampaignActions {
    // MARK: Appraisal and lock

    /// An appraiser's change to one item of a participant's self-assessment.
    public static func appraise(
        facts: FactBase, state: CampaignState, period: EvaluationPeriod, participant: ParticipantRef, item: String,
        met: Bool?, points: Double?, evidence: String?, reason: String
    ) throws(ActionError) -> AppraisalPayload {
        try refuseIfLocked(state, period)
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw ActionError("Thẩm định phải có lý do (--reason); chưa ghi gì.") }
        guard met != nil || points != nil || evidence != nil else {
            throw ActionError("Chưa có gì để thay đổi: cần --met, --points hoặc --evidence.")
        }
        try requireEnrolled(participant, state, facts.roster)
        let items = HostForms.assessable(facts.campaign.plan, kind: participant.kind, scoring: facts.campaign.scoringTables)
        guard items.contains(item) else {
            let hint = DidYouMean.suggestion(for: item, among: items).map { " Có phải ý bạn là «\($0)»?" } ?? ""
            throw ActionError(
                "«\(item)» không phải tiêu chí hay nội dung tự đánh giá của \(participant.kind.vietnamese) trong kế hoạch.\(hint) Có: \(items.joined(separator: ", "))."
            )
        }
        if let points {
            guard points.isFinite, points >= 0 else { throw ActionError("Điểm thẩm định \(points) không hợp lệ; cần số không âm.") }
            if let max = facts.campaign.maxPoints(of: item), points > max {
                throw ActionError(
                    "Điểm thẩm định \(Numbers.vietnamese(points)) vượt điểm tối đa \(Numbers.vietnamese(max)) của tiêu chí «\(item)».")
            }
        }
        let old = facts.assessment(of: item, by: participant, in: period)
        return AppraisalPayload(
            period: period, participant: participant, item: item, met: met, points: points, evidence: evidence, oldMet: old?.met,
            oldPoints: old?.points, reason: reason)
    }

    /// Locks a period's results after sơ kết / tổng kết.
    public static func lock(state: CampaignState, period: EvaluationPeriod, reason: String?, planHash: String?) throws(ActionError) -> LockPayload {
        if let seq = state.locks[period] {
            throw ActionError("Kết quả \(period.vietnamese) đã khóa từ dòng \(seq) của nhật ký.")
        }
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        return LockPayload(period: period, reason: reason?.isEmpty == false ? reason : nil, planHash: planHash)
    }

    /// Opens a locked period again; the reason is required and recorded.
    public static func unlock(state: CampaignState, period: EvaluationPeriod, reason: String) throws(ActionError) -> UnlockPayload {
        guard state.locks[period] != nil else { throw ActionError("Kết quả \(period.vietnamese) chưa khóa; không có gì để mở khóa.") }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw ActionError("Mở khóa kết quả phải có lý do (--reason); chưa ghi gì.") }
        return UnlockPayload(period: period, reason: reason)
    }

    /// Refuses any change to a locked period.
    public static func refuseIfLocked(_ state: CampaignState, _ period: EvaluationPeriod) throws(ActionError) {
        if let seq = state.locks[period] {
            throw ActionError(
                "Kết quả \(period.vietnamese) đã khóa (dòng \(seq) của nhật ký) sau sơ kết, tổng kết; không thể thay đổi. Không ghi gì.")
        }
    }

    /// Refuses rows that report on a locked period (a late submission or a correction after tổng kết).
    public static func refuseLockedRows(_ state: CampaignState, form: FormSpec, rows: [SubmissionRow], date: CivilDate) throws(ActionError) {
        for row in rows {
            let period = FactBase.period(of: row, form: form, submittedOn: date)
            if let seq = state.locks[period] {
                throw ActionError(
                    "Dòng \(row.line) báo cáo cho \(period.vietnamese), kỳ đã khóa (dòng \(seq) của nhật ký); không thể thay đổi. Không ghi gì.")
            }
        }
    }

    static func requireEnrolled(_ participant: ParticipantRef, _ state: CampaignState, _ roster: Roster) throws(ActionError) {
        let enrolled = participant.kind == .collective ? state.units : state.people
        guard enrolled.contains(participant.id) else {
            throw ActionError("«\(participant.name(in: roster))» chưa tham gia phong trào này (chạy `thidua enroll` trước).")
        }
    }

    // MARK: Council review

    /// Opens a review of a period with its members and nominees.
    public static func openReview(
        plan: CampaignPlan, state: CampaignState, roster: Roster, period: EvaluationPeriod, members: [CouncilMember],
        nominees: [Nominee], meetingDate: CivilDate, place: String?
    ) throws(ActionError) -> ReviewOpenedPayload {
        if let open = state.openReview {
            throw ActionError("Phiên bình xét «\(open.id)» (\(open.period.vietnamese)) đang mở; đóng phiên đó trước (`thidua review close`).")
        }
        guard !members.isEmpty else { throw ActionError("Hội đồng chưa có thành viên nào.") }
        var names: Set<String> = []
        for member in members {
            let key = VietnameseText.key(member.name)
            guard !key.isEmpty else { throw ActionError("Có thành viên Hội đồng không có họ tên.") }
            guard names.insert(key).inserted else { throw ActionError("Thành viên «\(member.name)» có tên hai lần trong danh sách Hội đồng.") }
        }
        guard !nominees.isEmpty else {
            throw ActionError("Không có ai để bình xét: chưa đối tượng nào đủ điều kiện \(period.vietnamese) (xem `thidua evaluate`).")
        }
        var seen: Set<String> = []
        for nominee in nominees {
            guard seen.insert(nominee.id).inserted else { throw ActionError("Mã đề cử «\(nominee.id)» trùng.") }
            guard let award = plan.awards.first(where: { $0.id == nominee.award }) else {
                throw ActionError(
                    "Hình thức «\(nominee.award)» không có trong kế hoạch; có: \(plan.awards.map(\.id).joined(separator: ", ")).")
            }
            guard award.recipients.contains(nominee.participant.kind) else {
                throw ActionError("«\(award.title)» không dành cho \(nominee.participant.kind.vietnamese).")
            }
            try requireEnrolled(nominee.participant, state, roster)
        }
        var rules: [String: CouncilRule] = [:]
        for award in plan.awards where nominees.contains(where: { $0.award == award.id }) { rules[award.id] = award.council ?? .standard }
        return ReviewOpenedPayload(
            review: "bx-\(period)-\(state.reviews.count + 1)", period: period, meetingDate: meetingDate,
            place: place?.isEmpty == false ? place : nil, members: members, nominees: nominees, rules: rules)
    }

    /// The open review, or the reason there is none.
    public static func currentReview(_ state: CampaignState) throws(ActionError) -> ReviewRecord {
        guard let review = state.openReview else {
            throw ActionError("Chưa có phiên bình xét nào đang mở (`thidua review open` trước).")
        }
        return review
    }

    /// One member's open ballot on some or all nominees.
    public static func ballot(state: CampaignState, member: String, votes: [String: Vote]) throws(ActionError) -> BallotPayload {
        let review = try currentReview(state)
        if review.secret {
            throw ActionError("Phiên «\(review.id)» bỏ phiếu kín: nhập kết quả kiểm phiếu bằng `thidua review tally`, không ghi phiếu theo tên.")
        }
        guard let found = review.member(named: member) else { throw ActionError(review.unknownMember(member).sentence) }
        guard !votes.isEmpty else { throw ActionError("Phiếu của «\(found.name)» không có biểu quyết nào.") }
        for id in votes.keys.sorted() where review.nominee(id) == nil {
            throw ActionError(review.unknownNominee(id).sentence)
        }
        var merged = review.ballots[found.name] ?? [:]
        for (id, vote) in votes { merged[id] = vote }
        return BallotPayload(review: review.id, member: found.name, votes: merged)
    }

    /// A paper tally sheet's counts per nominee (secret ballot, or an open vote counted on paper).
    public static func tally(state: CampaignState, sheet: [String: Tally]) throws(ActionError) -> TallyPayload {
        let review = try currentReview(state)
        guard !sheet.isEmpty else { throw ActionError("Biên bản kiểm phiếu không có dòng nào.") }
        for id in sheet.keys.sorted() {
            let t = sheet[id] ?? Tally()
            guard review.nominee(id) != nil else { throw ActionError(review.unknownNominee(id).sentence) }
            guard t.agree >= 0, t.disagree >= 0, t.conflict >= 0 else { throw ActionError("Số phiếu của đề cử «\(id)» âm.") }
            guard t.cast <= review.members.count else {
                throw ActionError("Đề cử «\(id)» có \(t.cast) phiếu, nhiều hơn số thành viên Hội đồng (\(review.members.count)).")
            }
        }
        return TallyPayload(review: review.id, tallies: sheet)
    }

    /// Closes the open review: checks the quorum and that every vote came from a present member.
    public static func closeReview(
        state: CampaignState, absent: [String], meetingDate: CivilDate?, roster: Roster? = nil
    ) throws(ActionError) -> (ReviewClosedPayload, [NomineeResult]) {
        let review = try currentReview(state)
        var absentNames: [String] = []
        for name in absent {
            guard let member = review.members.first(where: { VietnameseText.key($0.name) == VietnameseText.key(name) }) else {
                throw ActionError("«\(name)» (vắng mặt) không phải thành viên Hội đồng.")
            }
            absentNames.append(member.name)
        }
        let present = review.members.map(\.name).filter { !absentNames.contains($0) }
        for name in review.ballots.keys where absentNames.contains(name) {
            throw ActionError("«\(name)» được ghi vắng mặt nhưng có phiếu biểu quyết; kiểm tra lại danh sách vắng mặt.")
        }
        for nominee in review.nominees {
            let rule = review.rule(for: nominee)
            guard rule.quorum.isReached(by: present.count, of: review.members.count) else {
                throw ActionError(
                    "Không đủ số thành viên để bình xét: có mặt \(present.count)/\(review.members.count), cần ít nhất \(rule.quorum.minimum(of: review.members.count)) (\(rule.quorum) tổng số thành viên). Phiên chưa được đóng."
                )
            }
            let t = review.tally(of: nominee)
            guard t.cast <= present.count else {
                throw ActionError(
                    "Đề cử «\(nominee.id)» có \(t.cast) phiếu nhưng chỉ \(present.count) thành viên có mặt; kiểm tra lại phiếu.")
            }
        }
        guard review.nominees.contains(where: { review.tally(of: $0).cast > 0 }) else {
            throw ActionError("Chưa có phiếu biểu quyết nào; ghi phiếu (`thidua review vote`) hoặc kết quả kiểm phiếu (`thidua review tally`) trước.")
        }
        let chair = review.members.first { $0.isChair && present.contains($0.name) }?.name
        let secretary = review.members.first { $0.isSecretary && present.contains($0.name) }?.name
        let payload = ReviewClosedPayload(
            review: review.id, present: present, absent: absentNames, meetingDate: meetingDate, chair: chair, secretary: secretary)
        return (payload, review.results(present: present.count, roster: roster))
    }
}
