import ThiDuaBase

/// What `status` and `deadlines` read of a campaign's journal, and nothing more: the phase's
/// dates, who is enrolled, how many submissions there are, and per form the days its
/// submissions came on and who sent them in each year. Its size grows with the roster and the
/// calendar, not with the journal, so a new process reads it (`StatusDigest+File`) and folds
/// only the lines after it instead of loading every submission.
///
/// It is folded by `CampaignState`'s own rules: each event goes through `CampaignState.apply`
/// on a scratch state, so the same events count, the same ones are skipped, and an event the
/// fold would record as invalid makes the digest unusable (`invalid`), as it makes the state
/// refused. `StatusDigest(state:)` gives the digest of a folded state; the two agree
/// (`StatusDigestTests`).
public struct StatusDigest: Sendable, Equatable {
    /// One form's deliveries.
    public struct FormTally: Sendable, Equatable {
        /// How many submissions came on each day.
        public var days: [CivilDate: Int] = [:]
        /// The unit or person ids named as senders, by the year of the submission's day.
        public var senders: [Int: Set<String>] = [:]

        public init() {}

        mutating func add(date: CivilDate, from: [String]) {
            days[date, default: 0] += 1
            senders[date.year, default: []].formUnion(from)
        }
    }

    public var launched: CivilDate?
    public var closed: CivilDate?
    /// Enrolled unit ids, in enrolment order.
    public var units: [String] = []
    /// Enrolled person ids, in enrolment order.
    public var people: [String] = []
    /// Accepted submissions.
    public var submissions = 0
    /// Per form id.
    public var forms: [String: FormTally] = [:]
    /// The last journal line folded.
    public var lastSeq = 0
    /// The first event the fold found invalid (its line): the journal is refused, and the
    /// digest must not be used or kept.
    public var invalid: Int?

    public init() {}

    /// The digest of a folded state.
    public init(state: CampaignState) {
        launched = state.launched
        closed = state.closed
        units = state.units
        people = state.people
        submissions = state.submissions.count
        for record in state.submissions { forms[record.form, default: FormTally()].add(date: record.date, from: record.from) }
        lastSeq = state.lastSeq
        invalid = state.invalidEvents.first?.seq
    }

    /// Folds one event as `CampaignState.apply` does, keeping only what status reads.
    public mutating func apply(_ event: JournalEvent) {
        lastSeq = event.seq
        var scratch = CampaignState()
        // Enrolment and withdrawal depend on who is enrolled: the lists are moved into the
        // scratch state and back, not copied.
        let roll = event.kind == .enrolment || event.kind == .withdrawal
        if roll {
            swap(&scratch.units, &units)
            swap(&scratch.people, &people)
        }
        scratch.apply(event)
        if roll {
            swap(&scratch.units, &units)
            swap(&scratch.people, &people)
        }
        if let bad = scratch.invalidEvents.first {
            if invalid == nil { invalid = bad.seq }
            return
        }
        switch event.kind {
        case .launch: launched = scratch.launched
        case .close: closed = scratch.closed
        case .submission:
            guard let record = scratch.submissions.first else { return }
            submissions += 1
            forms[record.form, default: FormTally()].add(date: record.date, from: record.from)
        default: break
        }
    }

    /// What arrived of `form`: in the year `year`, or at any time when nil; with how many came
    /// after `lastDay`.
    func deliveries(of form: String, year: Int?, lastDay: CivilDate) -> CampaignStatus.Deliveries {
        guard let tally = forms[form] else { return CampaignStatus.Deliveries(senders: [], count: 0, late: 0) }
        var senders = Set<String>()
        if let year {
            senders = tally.senders[year] ?? []
        } else {
            for (_, ids) in tally.senders { senders.formUnion(ids) }
        }
        var count = 0
        var late = 0
        for (day, n) in tally.days where year == nil || day.year == year {
            count += n
            if day > lastDay { late += n }
        }
        return CampaignStatus.Deliveries(senders: senders, count: count, late: late)
    }
}
