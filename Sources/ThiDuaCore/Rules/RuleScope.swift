import ThiDuaBase

/// Which participants a criterion applies to, beyond collective/individual:
/// `"scope": {"unitKinds": ["thon"]}` or `"scope": {"groups": ["cac-thon"]}`. A person falls in
/// the scope of their unit. Both lists given: a participant in either counts.
public struct RuleScope: Hashable, Sendable, Codable {
    /// Roster unit kinds ("thon", "to-dan-pho", "phong-ban"…).
    public var unitKinds: [String]?
    /// Participant group ids of the plan (`participants[].id`); a group stands for its `unitKinds`.
    public var groups: [String]?

    public init(unitKinds: [String]? = nil, groups: [String]? = nil) {
        self.unitKinds = unitKinds
        self.groups = groups
    }

    /// The unit kinds covered, the groups' kinds included.
    public func kinds(in plan: CampaignPlan) -> Set<String> {
        var kinds = Set(unitKinds ?? [])
        for id in groups ?? [] {
            for group in plan.participants where group.id == id { kinds.formUnion(group.unitKinds ?? []) }
        }
        return kinds
    }

    /// Whether a participant's unit is of a covered kind. A unit the roster does not know is not in scope.
    public func covers(_ participant: ParticipantRef, plan: CampaignPlan, roster: Roster) -> Bool {
        let unitID: String? =
            participant.kind == .collective ? participant.id : roster.people.first { $0.id == participant.id }?.unit
        guard let unitID, let unit = roster.units.first(where: { $0.id == unitID }) else { return false }
        return kinds(in: plan).contains(Self.kindID(of: unit))
    }

    /// The kind of a roster unit as plans write it ("thon").
    static func kindID(of unit: Unit) -> String { unit.kind.rawValue }
}
