import ThiDuaBase

/// How many an award's quota allows, worked out from the plan: a fixed count, a share of the
/// enrolled participants of the kind or of a named group, rounded as the plan says (down by
/// default), the smaller when both are given.
public struct QuotaLimit: Hashable, Sendable {
    public var limit: Int
    /// "không quá 10% của 12 tổ dân phố = 1,2, làm tròn xuống 1".
    public var explanation: String

    /// The limit for the participants of `kind`; nil when the award has no quota.
    public static func of(_ award: AwardKind, kind: ParticipantKind, plan: CampaignPlan, state: CampaignState, roster: Roster) -> QuotaLimit? {
        guard let quota = award.quota else { return nil }
        var options: [QuotaLimit] = []
        if let count = quota.count { options.append(QuotaLimit(limit: count, explanation: "không quá \(count) \(kind.vietnamese)")) }
        if let share = quota.share {
            let group = quota.group.flatMap { id in plan.participants.first { $0.id == id } }
            let base = members(of: group, kind: kind, state: state, roster: roster)
            let exact = share * Double(base) / 100
            let rounding = quota.rounding ?? .down
            // Tenths of a percent are the finest a plan writes; the product is snapped before rounding.
            let snapped = (exact * 1_000_000).rounded() / 1_000_000
            let limit: Int
            switch rounding {
            case .down: limit = Int(snapped.rounded(.down))
            case .up: limit = Int(snapped.rounded(.up))
            case .nearest: limit = Int(snapped.rounded(.toNearestOrAwayFromZero))
            }
            let of =
                group.map { "\(base) đối tượng thuộc nhóm “\($0.text.trimmingCharacters(in: .punctuationCharacters))”" }
                ?? "\(base) \(kind.vietnamese) tham gia"
            options.append(
                QuotaLimit(
                    limit: limit,
                    explanation:
                        "không quá \(Numbers.vietnamese(share))% của \(of) = \(Numbers.vietnamese((exact * 100).rounded() / 100)), \(rounding.vietnamese) được \(limit)"
                ))
        }
        return options.min { $0.limit < $1.limit }
    }

    /// Enrolled participants of a group: units of its unit kinds (all units when it names none),
    /// or people.
    static func members(of group: ParticipantGroup?, kind: ParticipantKind, state: CampaignState, roster: Roster) -> Int {
        guard let group else { return kind == .collective ? state.units.count : state.people.count }
        switch group.kind {
        case .collective:
            guard let kinds = group.unitKinds, !kinds.isEmpty else { return state.units.count }
            return state.units.filter { id in roster.units.first { $0.id == id }.map { kinds.contains($0.kind.rawValue) } ?? false }.count
        case .individual:
            return state.people.count
        }
    }
}

extension CampaignActions {
    /// The most an award's quota allows for a kind (`QuotaLimit.of`), as `decide` applies it.
    static func quotaLimit(_ award: AwardKind, kind: ParticipantKind, plan: CampaignPlan, state: CampaignState, roster: Roster) -> Int? {
        QuotaLimit.of(award, kind: kind, plan: plan, state: state, roster: roster)?.limit
    }
}
