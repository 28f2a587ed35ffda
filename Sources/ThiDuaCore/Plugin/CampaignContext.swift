import ThiDuaBase

/// What a type's code may read about a running campaign: the resolved plan, the folded journal,
/// the roster and the facts the rules read. Built by the host; a type never builds one.
public struct CampaignContext: Sendable {
    public let campaign: ResolvedCampaign
    public let state: CampaignState
    public let roster: Roster
    /// The facts rules read. Inside `derivedValues(in:)` these are the reported facts only.
    public let facts: FactBase

    /// The context of a campaign, with every fact (reported and derived).
    public init(campaign: ResolvedCampaign, state: CampaignState, roster: Roster) {
        self.init(facts: FactBase(campaign: campaign, state: state, roster: roster), state: state)
    }

    /// A context around facts already gathered.
    init(facts: FactBase, state: CampaignState) {
        self.campaign = facts.campaign
        self.state = state
        self.roster = facts.roster
        self.facts = facts
    }

    /// The resolved plan.
    public var plan: CampaignPlan { campaign.plan }

    /// Every accepted row of a form, in journal order, with who it speaks for and its period.
    public func rows(of formID: String) -> [FormRow] {
        guard let form = campaign.form(formID) else { return [] }
        var out: [FormRow] = []
        for submission in state.submissions where submission.form == formID {
            for row in submission.rows {
                out.append(
                    FormRow(
                        row: row, seq: submission.seq, participant: FactBase.participant(of: row, form: form, submission: submission),
                        period: FactBase.period(of: row, form: form, submittedOn: submission.date)))
            }
        }
        return out
    }

    /// The unit a row belongs to: its participant's unit (a person's unit from the roster).
    public func unit(of row: FormRow) -> String? {
        guard let who = row.participant else { return nil }
        if who.kind == .collective { return who.id }
        return roster.people.first { $0.id == who.id }?.unit
    }

    /// A unit's or person's name as the roster gives it.
    public func name(_ who: ParticipantRef) -> String { who.name(in: roster) }
}
