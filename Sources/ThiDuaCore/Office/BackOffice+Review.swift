import ThiDuaBase

/// An appraiser's change to one self-assessed item.
public struct AppraisalRequest: Sendable {
    /// A unit or person: `don-vi:…`/`ca-nhan:…`, roster id or name.
    public var participant: String
    public var item: String
    public var met: Bool?
    public var points: Double?
    public var evidence: String?
    public var reason: String
    /// "2026" or "2026-6t"; nil: the latest period with data.
    public var period: String?

    public init(
        participant: String, item: String, met: Bool? = nil, points: Double? = nil, evidence: String? = nil, reason: String,
        period: String? = nil
    ) {
        self.participant = participant
        self.item = item
        self.met = met
        self.points = points
        self.evidence = evidence
        self.reason = reason
        self.period = period
    }
}

/// What an appraisal recorded, with the assessment it replaces.
public struct AppraisalResult: Sendable {
    public var participant: ParticipantRef
    public var participantName: String
    public var period: EvaluationPeriod
    public var old: Assessment?
    public var payload: AppraisalPayload
    public var seq: Int
}

/// What a council-review step recorded.
public struct ReviewStepResult: Sendable {
    public var review: String
    public var period: EvaluationPeriod
    public var seq: Int
    /// The events written (one per ballot when several members vote at once).
    public var count: Int
    /// The nominees' results so far (after close: final).
    public var results: [NomineeResult]
    public var nominees: [Nominee]
    public var members: Int
}

/// The decision (and upward proposal) recorded.
public struct DecisionResult: Sendable {
    public var records: [DecisionRecord]
    public var seqs: [Int]
}

extension BackOffice {
    /// Records an appraiser's change to one self-assessed item, with the reason.
    public func appraise(_ reference: String, _ request: AppraisalRequest, as context: ActionContext) throws(OfficeError) -> AppraisalResult {
        var result: AppraisalResult?
        let committed = try commit(reference, as: context) { (campaign) throws(OfficeError) in
            let period = try campaign.period(request.period, today: context.today)
            let participant = try campaign.participant(request.participant)
            let payload: AppraisalPayload
            do {
                payload = try CampaignActions.appraise(
                    facts: campaign.evaluator.facts, state: campaign.state, period: period, participant: participant, item: request.item,
                    met: request.met, points: request.points, evidence: request.evidence, reason: request.reason)
            } catch {
                throw OfficeError.from(error)
            }
            result = AppraisalResult(
                participant: participant, participantName: participant.name(in: campaign.roster), period: period,
                old: campaign.evaluator.facts.assessment(of: request.item, by: participant, in: period), payload: payload, seq: 0)
            return [try Self.draft(payload, context)]
        }
        guard var out = result else { throw OfficeError(.damaged, "Không ghi được thẩm định.") }
        out.seq = committed.seq
        return out
    }

    /// Locks a period's results; pins the campaign file they were computed under.
    public func lock(_ reference: String, period text: String, reason: String?, as context: ActionContext) throws(OfficeError) -> PhaseResult {
        let committed = try commit(reference, as: context) { (campaign) throws(OfficeError) in
            let period = try campaign.period(text, today: context.today)
            do {
                return [
                    try Self.draft(
                        try CampaignActions.lock(state: campaign.state, period: period, reason: reason, planHash: campaign.loaded.fileHash),
                        context)
                ]
            } catch {
                throw OfficeError.from(error)
            }
        }
        return PhaseResult(campaign: committed.plan, seq: committed.seq, date: context.today, tornTail: committed.tornTail)
    }

    /// Opens a locked period again, with the reason.
    public func unlock(_ reference: String, period text: String, reason: String, as context: ActionContext) throws(OfficeError) -> PhaseResult {
        let committed = try commit(reference, as: context, allowUnrecordedPlanChange: true) { (campaign) throws(OfficeError) in
            let period = try campaign.period(text, today: context.today)
            do {
                return [try Self.draft(try CampaignActions.unlock(state: campaign.state, period: period, reason: reason), context)]
            } catch {
                throw OfficeError.from(error)
            }
        }
        return PhaseResult(campaign: committed.plan, seq: committed.seq, date: context.today, tornTail: committed.tornTail)
    }

    /// Opens the council review of a period: the members' sheet, and the nominees' sheet or
    /// everyone eligible in the evaluation.
    public func openReview(
        _ reference: String, period text: String?, members: InputFile, nominees: InputFile?, meetingDate: CivilDate?, place: String?,
        as context: ActionContext
    ) throws(OfficeError) -> ReviewStepResult {
        var opened: ReviewOpenedPayload?
        let committed = try commit(reference, as: context) { (campaign) throws(OfficeError) in
            let period = try campaign.period(text, today: context.today)
            let memberList = try Self.councilMembers(members)
            var nomineeList: [Nominee] = []
            if let nominees {
                let (t, c) = try Self.sheet(nominees, ReviewSheets.nomineeColumns)
                let (listed, problems) = ReviewSheets.nominees(
                    t, columns: c, file: nominees.name, plan: campaign.plan, state: campaign.state, roster: campaign.roster)
                if problems.hasErrors { throw Self.refusal(nominees, problems) }
                nomineeList = listed
            } else {
                nomineeList = proposedNominees(campaign, period: period)
            }
            do {
                let payload = try CampaignActions.openReview(
                    plan: campaign.plan, state: campaign.state, roster: campaign.roster, period: period, members: memberList,
                    nominees: nomineeList, meetingDate: meetingDate ?? context.today, place: place)
                opened = payload
                return [try Self.draft(payload, context)]
            } catch {
                throw OfficeError.from(error)
            }
        }
        guard let opened else { throw OfficeError(.damaged, "Không mở được phiên bình xét.") }
        return ReviewStepResult(
            review: opened.review, period: opened.period, seq: committed.seq, count: 1, results: [], nominees: opened.nominees,
            members: opened.members.count)
    }

    /// Records open ballots: one member's votes, or a sheet of ballots by name (all or none).
    public func vote(
        _ reference: String, ballots: [(member: String, votes: [String: Vote])], sheet: InputFile?, as context: ActionContext
    ) throws(OfficeError) -> ReviewStepResult {
        var reviewID = ""
        var period = EvaluationPeriod(year: context.today.year)
        let committed = try commit(reference, as: context) { (campaign) throws(OfficeError) in
            let review: ReviewRecord
            do {
                review = try CampaignActions.currentReview(campaign.state)
            } catch {
                throw OfficeError.from(error)
            }
            reviewID = review.id
            period = review.period
            var list = ballots
            if let sheet {
                let (t, c) = try Self.sheet(sheet, ReviewSheets.ballotColumns)
                let (read, problems) = ReviewSheets.ballots(t, columns: c, file: sheet.name, review: review)
                if problems.hasErrors { throw Self.refusal(sheet, problems) }
                list += read
            }
            guard !list.isEmpty else { throw OfficeError(.invalid, "Chưa có phiếu nào để ghi.") }
            // Each ballot is checked against the state as it would be after the ones before it.
            var state = campaign.state
            var drafts: [JournalStore.Draft] = []
            var problems: [String] = []
            for (member, votes) in list {
                do {
                    let payload = try CampaignActions.ballot(state: state, member: member, votes: votes)
                    let draft = try Self.draft(payload, context)
                    drafts.append(draft)
                    state.apply(
                        JournalEvent(
                            seq: state.lastSeq + 1, time: "", date: context.today, actor: context.actor, kind: draft.kind, payload: draft.payload,
                            prev: ""))
                } catch {
                    problems.append(OfficeError.from(error).message)
                }
            }
            if !problems.isEmpty { throw OfficeError(.refused, "Phiếu có lỗi; không ghi phiếu nào:\n" + problems.joined(separator: "\n")) }
            return drafts
        }
        return ReviewStepResult(
            review: reviewID, period: period, seq: committed.seq, count: committed.events.count, results: [], nominees: [], members: 0)
    }

    /// Records a paper tally sheet's counts per nominee (secret ballot).
    public func tally(_ reference: String, sheet: InputFile, as context: ActionContext) throws(OfficeError) -> ReviewStepResult {
        var reviewID = ""
        var period = EvaluationPeriod(year: context.today.year)
        var counted = 0
        let committed = try commit(reference, as: context) { (campaign) throws(OfficeError) in
            do {
                let review = try CampaignActions.currentReview(campaign.state)
                reviewID = review.id
                period = review.period
                let (t, c) = try Self.sheet(sheet, ReviewSheets.tallyColumns)
                let (counts, problems) = ReviewSheets.tally(t, columns: c, file: sheet.name, review: review)
                if problems.hasErrors { throw Self.refusal(sheet, problems) }
                counted = counts.count
                return [try Self.draft(try CampaignActions.tally(state: campaign.state, sheet: counts), context)]
            } catch let error as ActionError {
                throw OfficeError.from(error)
            } catch let error as OfficeError {
                throw error
            } catch {
                throw OfficeError(.damaged, "\(error)")
            }
        }
        return ReviewStepResult(review: reviewID, period: period, seq: committed.seq, count: counted, results: [], nominees: [], members: 0)
    }

    /// Closes the open review: quorum, votes only from members present; the results.
    public func closeReview(
        _ reference: String, absent: [String], meetingDate: CivilDate?, as context: ActionContext
    ) throws(OfficeError) -> ReviewStepResult {
        var closed: (ReviewClosedPayload, [NomineeResult])?
        var period = EvaluationPeriod(year: context.today.year)
        let committed = try commit(reference, as: context) { (campaign) throws(OfficeError) in
            do {
                let outcome = try CampaignActions.closeReview(state: campaign.state, absent: absent, meetingDate: meetingDate, roster: campaign.roster)
                closed = outcome
                period = campaign.state.openReview?.period ?? period
                return [try Self.draft(outcome.0, context)]
            } catch {
                throw OfficeError.from(error)
            }
        }
        guard let closed else { throw OfficeError(.damaged, "Không đóng được phiên bình xét.") }
        return ReviewStepResult(
            review: closed.0.review, period: period, seq: committed.seq, count: 1, results: closed.1, nominees: [],
            members: closed.0.present.count + closed.0.absent.count)
    }

    /// The award decision and the upward proposal from the last closed review, priced by the
    /// money tables in force on `date`.
    ///
    /// One person is not given the same form twice in one decision unless `confirmRepeats`.
    public func decide(
        _ reference: String, date: CivilDate?, number: String?, confirmRepeats: Bool = false, as context: ActionContext
    ) throws(OfficeError) -> DecisionResult {
        let tables = try decisionMoneyTables()
        let number = number?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let number, !number.isEmpty { try refuseTakenDecisionNumber(number, except: nil) }
        var records: [DecisionRecord] = []
        let committed = try commit(reference, as: context) { (campaign) throws(OfficeError) in
            records = try decisionRecords(
                campaign, tables: tables, date: date ?? context.today, number: number?.isEmpty == true ? nil : number,
                confirmRepeats: confirmRepeats)
            var drafts: [JournalStore.Draft] = []
            for record in records { drafts.append(try Self.draft(record, context)) }
            return drafts
        }
        return DecisionResult(records: records, seqs: committed.events.map(\.seq))
    }

    /// Adds the number and signing date of a signed draft decision (named by its journal line).
    public func numberDecision(
        _ reference: String, decision seq: Int?, number: String, date: CivilDate, as context: ActionContext
    ) throws(OfficeError) -> DecisionResult {
        let number = number.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !number.isEmpty else { throw OfficeError(.invalid, "Số quyết định không được để trống.") }
        try refuseTakenDecisionNumber(number, except: nil)
        var record: DecisionRecord?
        var target = 0
        let committed = try commit(reference, as: context) { (campaign) throws(OfficeError) in
            let drafts = zip(campaign.state.decisions, campaign.state.decisionSeqs).filter { !$0.0.upward && $0.0.number == nil }
            let chosen = seq.map { s in drafts.first { $0.1 == s } } ?? drafts.last
            guard let (found, line) = chosen else {
                throw OfficeError(
                    .notFound,
                    seq.map { "Không có dự thảo quyết định chưa có số ở dòng \($0) của nhật ký." }
                        ?? "Không có dự thảo quyết định nào chưa có số (`thidua decide` trước).")
            }
            guard date >= found.date || date >= (campaign.state.reviews.last(where: { $0.closed != nil })?.closed?.date ?? date) else {
                throw OfficeError(.refused, "Ngày ký \(date.vietnamese) trước ngày họp Hội đồng.")
            }
            var numbered = found
            numbered.number = number
            numbered.date = date
            record = numbered
            target = line
            return [try Self.draft(DecisionNumberedPayload(decision: line, number: number, date: date), context)]
        }
        guard let record else { throw OfficeError(.damaged, "Không ghi được số quyết định.") }
        _ = target
        return DecisionResult(records: [record], seqs: committed.events.map(\.seq))
    }

    /// Refuses a decision number already used by a decision of any campaign of the workspace.
    func refuseTakenDecisionNumber(_ number: String, except: String?) throws(OfficeError) {
        let wanted = VietnameseText.key(number)
        for campaign in (try? allCampaigns().campaigns) ?? [] {
            for decision in campaign.state.decisions where decision.number.map({ VietnameseText.key($0) }) == wanted {
                throw OfficeError(
                    .refused,
                    "Số quyết định «\(number)» đã dùng cho quyết định ngày \(decision.date.vietnamese) của phong trào «\(campaign.plan.name)»; mỗi quyết định một số."
                )
            }
        }
    }

    // MARK: Sheets

    static func sheet(_ file: InputFile, _ specs: [CSVColumnSpec]) throws(OfficeError) -> (CSVTable, [String: Int]) {
        let (table, problems) = CSVReader.read(file.bytes, file: file.name)
        guard let table, !problems.hasErrors else { throw refusal(file, problems) }
        let (columns, columnProblems) = CSVColumns.match(table, specs, file: file.name)
        guard !columnProblems.hasErrors else { throw refusal(file, columnProblems) }
        return (table, columns)
    }

    static func refusal(_ file: InputFile, _ problems: [Diagnostic]) -> OfficeError {
        OfficeError(.invalid, "Tệp \(file.name) có lỗi; không ghi gì.", details: problems)
    }
}
