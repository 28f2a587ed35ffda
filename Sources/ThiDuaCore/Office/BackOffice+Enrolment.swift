import ThiDuaBase

/// Who to enrol: by unit kind, by list, or (when all are empty) by the plan's participant groups.
public struct EnrolmentRequest: Sendable {
    public var unitKinds: [String]
    /// Unit ids or names.
    public var units: [String]
    /// Person ids or names.
    public var people: [String]
    /// Also every person of the units enrolled.
    public var peopleOfUnits: Bool

    public init(unitKinds: [String] = [], units: [String] = [], people: [String] = [], peopleOfUnits: Bool = false) {
        self.unitKinds = unitKinds
        self.units = units
        self.people = people
        self.peopleOfUnits = peopleOfUnits
    }

    /// Nothing named: enrol by the plan's participant groups.
    public var byPlan: Bool { unitKinds.isEmpty && units.isEmpty && people.isEmpty }
}

/// What an enrolment or withdrawal changed.
public struct EnrolmentResult: Sendable {
    public var campaign: CampaignPlan
    public var units: [String]
    public var people: [String]
    /// The journal line, 0 when nothing was new.
    public var seq: Int
    public var totalUnits: Int
    public var totalPeople: Int
}

/// A phase recorded: the journal line and the day.
public struct PhaseResult: Sendable {
    public var campaign: CampaignPlan
    public var seq: Int
    public var date: CivilDate
    public var tornTail: TornTail?
}

extension BackOffice {
    /// Enrols units and people of the roster into a campaign; those already enrolled are skipped.
    public func enroll(_ reference: String, _ request: EnrolmentRequest, as context: ActionContext) throws(OfficeError) -> EnrolmentResult {
        var newUnits: [String] = []
        var newPeople: [String] = []
        var enrolled = (units: 0, people: 0)
        let committed = try commit(reference, as: context) { (campaign) throws(OfficeError) in
            let roster = campaign.roster
            guard !roster.units.isEmpty else {
                throw OfficeError(.refused, "Chưa có danh sách đơn vị: nhập bằng `thidua roster import <tệp>` trước.")
            }
            let kinds = workspace.unitKinds().kinds.adding(campaign.plan.unitKinds)
            let (unitIDs, personIDs) = try Self.enrolmentTargets(request, plan: campaign.plan, roster: roster, kinds: kinds)
            newUnits = Self.unique(unitIDs).filter { !campaign.state.units.contains($0) }
            newPeople = Self.unique(personIDs).filter { !campaign.state.people.contains($0) }
            enrolled = (campaign.state.units.count, campaign.state.people.count)
            guard !newUnits.isEmpty || !newPeople.isEmpty else { return [] }
            return [try Self.draft(EnrolmentPayload(units: newUnits, people: newPeople), context)]
        }
        return EnrolmentResult(
            campaign: committed.plan, units: newUnits, people: newPeople, seq: committed.seq,
            totalUnits: enrolled.units + newUnits.count, totalPeople: enrolled.people + newPeople.count)
    }

    /// Withdraws enrolled units and people, with the reason.
    public func withdraw(
        _ reference: String, units: [String], people: [String], reason: String, as context: ActionContext
    ) throws(OfficeError) -> EnrolmentResult {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw OfficeError(.invalid, "Rút khỏi phong trào phải có lý do; chưa ghi gì.") }
        var unitIDs: [String] = []
        var personIDs: [String] = []
        var enrolled = (units: 0, people: 0)
        let committed = try commit(reference, as: context) { (campaign) throws(OfficeError) in
            unitIDs = []
            personIDs = []
            enrolled = (campaign.state.units.count, campaign.state.people.count)
            var problems: [String] = []
            for text in units {
                if let unit = campaign.roster.unit(text), campaign.state.units.contains(unit.id) {
                    unitIDs.append(unit.id)
                } else {
                    problems.append("đơn vị «\(text)» không tham gia phong trào này")
                }
            }
            for text in people {
                if let person = campaign.roster.person(text), campaign.state.people.contains(person.id) {
                    personIDs.append(person.id)
                } else {
                    problems.append("cá nhân «\(text)» không tham gia phong trào này")
                }
            }
            if !problems.isEmpty {
                throw OfficeError(.invalid, "Không rút ai:\n" + problems.map { "- " + $0 }.joined(separator: "\n"))
            }
            guard !unitIDs.isEmpty || !personIDs.isEmpty else { throw OfficeError(.invalid, "Chưa nêu đơn vị hay cá nhân nào.") }
            return [try Self.draft(WithdrawalPayload(units: unitIDs, people: personIDs, reason: reason), context)]
        }
        return EnrolmentResult(
            campaign: committed.plan, units: unitIDs, people: personIDs, seq: committed.seq,
            totalUnits: enrolled.units - unitIDs.count, totalPeople: enrolled.people - personIDs.count)
    }

    /// Records that the plan was signed and issued; pins the campaign file's hash.
    public func launch(_ reference: String, as context: ActionContext) throws(OfficeError) -> PhaseResult {
        try recordPhase(reference, as: context, already: \.launched, "phát động") { LaunchPayload(planHash: $0) }
    }

    /// Records that the campaign ended after its tổng kết.
    public func close(_ reference: String, as context: ActionContext) throws(OfficeError) -> PhaseResult {
        try recordPhase(reference, as: context, already: \.closed, "kết thúc") { ClosePayload(planHash: $0) }
    }

    /// One phase event (launch, close) with the campaign file's hash, refused when the journal
    /// already holds it.
    private func recordPhase<P: EventPayload>(
        _ reference: String, as context: ActionContext, already recorded: KeyPath<CampaignState, CivilDate?>, _ phase: String,
        payload: (String) -> P
    ) throws(OfficeError) -> PhaseResult {
        let committed = try commit(reference, as: context) { (campaign) throws(OfficeError) in
            if let day = campaign.state[keyPath: recorded] {
                throw OfficeError(.refused, "Phong trào «\(campaign.plan.id)» đã được ghi nhận \(phase) ngày \(day.vietnamese).")
            }
            return [try Self.draft(payload(campaign.loaded.fileHash), context)]
        }
        return PhaseResult(campaign: committed.plan, seq: committed.seq, date: context.today, tornTail: committed.tornTail)
    }

    /// Records a change of the campaign file after launch or lock, with the reason, so the
    /// results computed under the old file are not silently changed.
    public func amendPlan(_ reference: String, reason: String, as context: ActionContext) throws(OfficeError) -> PhaseResult {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw OfficeError(.invalid, "Sửa kế hoạch đã ban hành phải có lý do; chưa ghi gì.") }
        let committed = try commit(reference, as: context, allowUnrecordedPlanChange: true) { (campaign) throws(OfficeError) in
            guard let pinned = campaign.state.pinnedPlanHash else {
                throw OfficeError(.refused, "Phong trào «\(campaign.plan.id)» chưa phát động; sửa tệp kế hoạch không cần ghi nhận.")
            }
            guard pinned != campaign.loaded.fileHash else {
                throw OfficeError(.refused, "Tệp kế hoạch không thay đổi từ lần ghi nhận cuối; không có gì để ghi.")
            }
            return [try Self.draft(PlanAmendedPayload(planHash: campaign.loaded.fileHash, previousHash: pinned, reason: reason), context)]
        }
        return PhaseResult(campaign: committed.plan, seq: committed.seq, date: context.today, tornTail: committed.tornTail)
    }

    // MARK: Helpers

    static func draft<P: EventPayload>(_ payload: P, _ context: ActionContext) throws(OfficeError) -> JournalStore.Draft {
        do {
            return try payload.draft(actor: context.actor, date: context.today)
        } catch {
            throw OfficeError(error)
        }
    }

    static func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    static func enrolmentTargets(
        _ request: EnrolmentRequest, plan: CampaignPlan, roster: Roster, kinds: UnitKindCatalogue = .standard
    ) throws(OfficeError) -> (units: [String], people: [String]) {
        var unitIDs: [String] = []
        var personIDs: [String] = []
        var problems: [String] = []
        for text in request.unitKinds {
            guard let kind = kinds.parse(text) else {
                problems.append(
                    "loại đơn vị «\(text)» không có; cần một trong: \(kinds.allowedDescription)"
                        + (DidYouMean.suggestion(for: text, among: kinds.names).map { "; có phải «\($0)»?" } ?? ""))
                continue
            }
            let found = roster.units.filter { $0.kind == kind }.map(\.id)
            if found.isEmpty { problems.append("danh sách đơn vị không có đơn vị nào thuộc loại «\(kinds.label(of: kind))»") }
            unitIDs += found
        }
        for text in request.units {
            if let unit = roster.unit(text) {
                unitIDs.append(unit.id)
            } else {
                problems.append(
                    "đơn vị «\(text)» không có trong danh sách"
                        + (DidYouMean.suggestion(for: text, among: roster.units.map(\.name)).map { "; có phải «\($0)»?" } ?? ""))
            }
        }
        for text in request.people {
            if let person = roster.person(text) {
                personIDs.append(person.id)
            } else {
                problems.append(
                    "cá nhân «\(text)» không có trong danh sách"
                        + (DidYouMean.suggestion(for: text, among: roster.people.map(\.name)).map { "; có phải «\($0)»?" } ?? ""))
            }
        }
        if request.byPlan {
            // By the plan's own participant groups: collectives by their unit kinds, individuals from those units.
            for group in plan.participants where group.kind == .collective {
                let named = group.unitKinds ?? []
                let wanted = Set(named.compactMap { kinds.parse($0) })
                unitIDs += roster.units.filter { named.isEmpty || wanted.contains($0.kind) }.map(\.id)
            }
            if plan.participants.contains(where: { $0.kind == .individual }) {
                personIDs += roster.people.map(\.id)
            }
        }
        if request.peopleOfUnits {
            personIDs += unitIDs.flatMap { roster.people(in: $0).map(\.id) }
        }
        if !problems.isEmpty { throw OfficeError(.invalid, "Không ghi danh gì:\n" + problems.map { "- " + $0 }.joined(separator: "\n")) }
        if unitIDs.isEmpty && personIDs.isEmpty {
            // Say why rather than report "0 đơn vị" as a success.
            let named = plan.participants.flatMap { $0.unitKinds ?? [] }
            let present = Set(roster.units.map(\.kind)).map { kinds.label(of: $0) }.sorted()
            throw OfficeError(
                .refused,
                "Không ghi danh ai: danh sách không có đơn vị hay cá nhân nào theo "
                    + (request.byPlan
                        ? "nhóm đối tượng của phong trào (loại đơn vị: \(named.map { "«\($0)»" }.joined(separator: ", ")))"
                        : "yêu cầu")
                    + "; danh sách đơn vị có các loại: \(present.joined(separator: ", ")).")
        }
        return (unitIDs, personIDs)
    }
}
