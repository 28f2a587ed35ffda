import ThiDuaBase

/// One campaign as read at one moment: plan, type, state, roster and the evaluator over them.
public struct OpenCampaign: Sendable {
    public var loaded: LoadedPlan
    public var resolved: ResolvedCampaign
    public var state: CampaignState
    public var roster: Roster
    public var evaluator: Evaluator

    public var plan: CampaignPlan { loaded.plan }

    /// The campaign file differs from the one a lock pinned its results to.
    public var planChangedAfterLock: Bool {
        state.planPinnedByLock && state.pinnedPlanHash != nil && state.pinnedPlanHash != loaded.fileHash
    }

    public init(loaded: LoadedPlan, state: CampaignState, roster: Roster) {
        self.loaded = loaded
        resolved = ResolvedCampaign(plan: loaded.plan, type: loaded.type)
        self.state = state
        self.roster = roster
        evaluator = Evaluator(campaign: resolved, state: state, roster: roster)
    }

    /// The period named ("2026", "2026-6t"), else the latest period with data.
    public func period(_ text: String?, today: CivilDate) throws(OfficeError) -> EvaluationPeriod {
        guard let text else { return evaluator.defaultPeriod(today: today) }
        guard let period = EvaluationPeriod(parsing: text) else {
            throw OfficeError(.invalid, "Kỳ «\(text)» không hợp lệ; viết năm (2026) hoặc 6 tháng đầu năm (2026-6t).")
        }
        return period
    }

    /// A unit or person named by `don-vi:…`/`ca-nhan:…`, roster id or name.
    public func participant(_ text: String) throws(OfficeError) -> ParticipantRef {
        if let ref = ParticipantRef(parsing: text) { return ref }
        if let unit = roster.unit(text) { return .unit(unit.id) }
        if let person = roster.person(text) { return .person(person.id) }
        let names = roster.units.map(\.name) + roster.people.map(\.name)
        let hint = DidYouMean.suggestion(for: text, among: names).map { " Có phải ý bạn là «\($0)»?" } ?? ""
        throw OfficeError(.notFound, "Không tìm thấy đơn vị hay cá nhân «\(text)» trong danh sách.\(hint)")
    }

    /// A form of the campaign by id, with the list of forms when there is none.
    public func form(_ id: String) throws(OfficeError) -> FormSpec {
        let forms = resolved.definition.forms
        if let form = forms.first(where: { $0.id == id }) { return form }
        let hint = DidYouMean.suggestion(for: id, among: forms.map(\.id)).map { " Có phải ý bạn là «\($0)»?" } ?? ""
        throw OfficeError(.argument, "Biểu mẫu «\(id)» không có trong phong trào «\(plan.id)».\(hint) Có: \(forms.map(\.id).joined(separator: ", ")).")
    }

    /// The award kind's title, or its id.
    public func awardTitle(_ id: String) -> String { plan.awards.first { $0.id == id }?.title ?? id }
}
