import ThiDuaBase

/// One occurrence of a dated milestone and how far it is met.
public struct MilestoneProgress: Sendable, Equatable, Codable {
    public enum State: String, Codable, Sendable {
        /// Every expected delivery received.
        case done
        /// Past due and something is missing.
        case overdue
        /// Not due yet.
        case upcoming
        /// Nothing to deliver (a date to note, not a form).
        case marker
    }

    public var campaign: String
    public var milestone: String
    public var title: String
    public var due: CivilDate
    /// The last day in time: `due`, or the day before when the plan says "trước ngày".
    public var lastDay: CivilDate
    public var form: String?
    /// How many deliveries are expected; nil when nobody is enrolled yet to deliver.
    public var expected: Int?
    public var received: Int
    public var late: Int
    public var state: State
    /// Roster ids of the enrolled units or people that have not delivered it, in enrolment order.
    public var missing: [String] = []

    /// "2/5", or "0/?" when nobody is enrolled.
    public var fraction: String { "\(received)/\(expected.map(String.init) ?? "?")" }
}

/// A campaign at a glance on a given day: phase, enrolment, milestones.
public struct CampaignStatus: Sendable, Equatable, Codable {
    public var campaign: String
    public var name: String
    public var type: String
    public var phase: CampaignPhase
    public var units: Int
    public var people: Int
    public var submissions: Int
    public var milestones: [MilestoneProgress]

    /// Builds the status of one campaign on `today`.
    public init(plan: CampaignPlan, state: CampaignState, today: CivilDate) {
        self.init(
            plan: plan, phase: CampaignPhase.of(plan, launched: state.launched, closed: state.closed, on: today), units: state.units,
            people: state.people, submissions: state.submissions.count, today: today
        ) { form, year, lastDay in
            // A yearly milestone counts what arrived in its own year; a dated one, anything.
            let records = state.submissions.filter { $0.form == form && (year == nil || $0.date.year == year) }
            return Deliveries(senders: Set(records.flatMap(\.from)), count: records.count, late: records.filter { $0.date > lastDay }.count)
        }
    }

    /// Builds the status of one campaign on `today` from what `status` reads of its journal;
    /// the same as from the folded state (`StatusDigestTests`).
    public init(plan: CampaignPlan, digest: StatusDigest, today: CivilDate) {
        self.init(
            plan: plan, phase: CampaignPhase.of(plan, launched: digest.launched, closed: digest.closed, on: today), units: digest.units,
            people: digest.people, submissions: digest.submissions, today: today, deliveries: digest.deliveries)
    }

    /// What arrived of a form in a milestone's window: who sent it, how many submissions, how
    /// many of them after the last day in time.
    struct Deliveries {
        var senders: Set<String>
        var count: Int
        var late: Int
    }

    private init(
        plan: CampaignPlan, phase: CampaignPhase, units: [String], people: [String], submissions: Int, today: CivilDate,
        deliveries: (_ form: String, _ year: Int?, _ lastDay: CivilDate) -> Deliveries
    ) {
        campaign = plan.id
        name = plan.name
        type = plan.type
        self.phase = phase
        self.units = units.count
        self.people = people.count
        self.submissions = submissions
        milestones = plan.milestones.flatMap { milestone in
            Self.occurrences(of: milestone, in: plan).map { due in
                Self.progress(milestone, due: due, plan: plan, units: units, people: people, today: today, deliveries: deliveries)
            }
        }.sorted { ($0.due, $0.milestone) < ($1.due, $1.milestone) }
    }

    /// Every due day of a milestone within the campaign's years. A yearly date before the
    /// campaign's first day (the 15/02 registration of a plan issued in May) is not yet owed:
    /// its first occurrence is the next year's.
    public static func occurrences(of milestone: Milestone, in plan: CampaignPlan) -> [CivilDate] {
        switch milestone.due {
        case nil: return []
        case .date(let date)?: return [date]
        case .yearly?:
            let start = plan.effectiveStart
            return plan.years.compactMap { milestone.due?.occurrence(in: $0) }.filter { $0 >= start }
        }
    }

    static func progress(
        _ milestone: Milestone, due: CivilDate, plan: CampaignPlan, units: [String], people: [String], today: CivilDate,
        deliveries: (_ form: String, _ year: Int?, _ lastDay: CivilDate) -> Deliveries
    )
        -> MilestoneProgress
    {
        guard let form = milestone.form else {
            return MilestoneProgress(
                campaign: plan.id, milestone: milestone.id, title: milestone.title, due: due, lastDay: milestone.lastDayInTime(due), form: nil,
                expected: nil, received: 0, late: 0, state: .marker)
        }
        // "trước ngày X": a delivery on X is late, and on X the milestone is already overdue.
        let lastDay = milestone.lastDayInTime(due)
        // A yearly milestone counts what arrived in its own year; a dated one, anything.
        var year: Int?
        if case .yearly? = milestone.due { year = due.year }
        let arrived = deliveries(form, year, lastDay)
        let senders = arrived.senders
        let expected: Int?
        let received: Int
        var missing: [String] = []
        switch milestone.from {
        case .collective?:
            expected = units.isEmpty ? nil : units.count
            received = senders.intersection(units).count
            missing = units.filter { !senders.contains($0) }
        case .individual?:
            expected = people.isEmpty ? nil : people.count
            received = senders.intersection(people).count
            missing = people.filter { !senders.contains($0) }
        case nil:
            expected = 1
            received = arrived.count == 0 ? 0 : 1
        }
        let complete = expected.map { received >= $0 } ?? false
        let state: MilestoneProgress.State = complete ? .done : (lastDay < today ? .overdue : .upcoming)
        var progress = MilestoneProgress(
            campaign: plan.id, milestone: milestone.id, title: milestone.title, due: due, lastDay: lastDay, form: form, expected: expected,
            received: received, late: arrived.late, state: state)
        progress.missing = missing
        return progress
    }

    /// The next due day not yet met, if any.
    public var next: MilestoneProgress? {
        milestones.first { $0.state == .upcoming }
    }

    /// Deliveries past due and incomplete.
    public var overdue: [MilestoneProgress] {
        milestones.filter { $0.state == .overdue }
    }
}
