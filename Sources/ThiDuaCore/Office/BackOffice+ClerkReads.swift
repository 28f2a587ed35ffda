import ThiDuaBase

/// Reads the clerk's pages show before an action: what awaits appraisal, who a review would
/// nominate, and the decision a `decide` would record. Each gives exactly what the action uses.
extension BackOffice {
    /// Every self-assessed item of the enrolled participants in `period`, those not yet
    /// appraised first, then by participant and by the plan's order of items.
    public func appraisalQueue(_ campaign: OpenCampaign, period: EvaluationPeriod) -> [AppraisalItem] {
        let facts = campaign.evaluator.facts
        var waiting: [AppraisalItem] = []
        var done: [AppraisalItem] = []
        for kind in ParticipantKind.allCases {
            let items = HostForms.assessable(campaign.plan, kind: kind, scoring: campaign.resolved.scoringTables)
            guard !items.isEmpty else { continue }
            let ids = kind == .collective ? campaign.state.units : campaign.state.people
            for id in ids {
                let participant = ParticipantRef(kind, id)
                for item in items {
                    guard let assessment = facts.assessment(of: item, by: participant, in: period) else { continue }
                    let entry = AppraisalItem(
                        participant: participant, participantName: participant.name(in: campaign.roster), item: item,
                        itemTitle: campaign.plan.criteria.first { $0.id == item }?.text ?? item, assessment: assessment,
                        maxPoints: campaign.resolved.maxPoints(of: item))
                    if entry.appraised { done.append(entry) } else { waiting.append(entry) }
                }
            }
        }
        return waiting + done
    }

    /// The nominees `openReview` takes when no nominee sheet is given: every participant that
    /// meets an award in the period's evaluation, numbered from 1.
    public func proposedNominees(_ campaign: OpenCampaign, period: EvaluationPeriod) -> [Nominee] {
        var nominees: [Nominee] = []
        for standing in campaign.evaluator.evaluate(period).standings {
            for award in standing.awards where award.truth == .met {
                nominees.append(Nominee(id: "\(nominees.count + 1)", participant: standing.participant, award: award.award))
            }
        }
        return nominees
    }

    /// The decision `decide` would record on `date` (nothing is written), and whether confirming
    /// repeats would change it: true when some person would otherwise be left out because the
    /// same form of award already reaches them in this decision.
    public func draftDecision(
        _ reference: String, date: CivilDate, confirmRepeats: Bool
    ) throws(OfficeError) -> (records: [DecisionRecord], repeatsLeftOut: Bool) {
        let campaign = try open(reference)
        let tables = try decisionMoneyTables()
        let records = try decisionRecords(campaign, tables: tables, date: date, number: nil, confirmRepeats: confirmRepeats)
        guard !confirmRepeats else { return (records, false) }
        let confirmed = try decisionRecords(campaign, tables: tables, date: date, number: nil, confirmRepeats: true)
        return (records, confirmed != records)
    }

    /// The workspace's money tables, or the refusal naming the file to fix.
    func decisionMoneyTables() throws(OfficeError) -> MoneyTables {
        let (tables, problems) = workspace.moneyTables()
        if problems.hasErrors {
            throw OfficeError(
                .damaged, "Bảng mức thưởng của thư mục làm việc có lỗi; sửa \(workspace.display(workspace.moneyTablesFile)) rồi chạy lại.",
                details: problems)
        }
        return tables
    }

    /// The decision records of the last closed review, as `decide` computes them.
    func decisionRecords(
        _ campaign: OpenCampaign, tables: MoneyTables, date: CivilDate, number: String?, confirmRepeats: Bool
    ) throws(OfficeError) -> [DecisionRecord] {
        let period = campaign.state.reviews.last(where: { $0.closed != nil })?.period
        let evaluation = period.map { campaign.evaluator.evaluate($0) }
        do {
            return try CampaignActions.decide(
                plan: campaign.plan, state: campaign.state, roster: campaign.roster, evaluation: evaluation, tables: tables, date: date,
                number: number, confirmRepeats: confirmRepeats)
        } catch {
            throw OfficeError.from(error)
        }
    }
}
