import ThiDuaCore

/// A year of one campaign in one ward, built through the core's own actions and grouped into
/// the appends that write it.
///
/// The year runs as a ward runs it: launch and enrolment; registrations by their due day;
/// sơ kết forms in June; tổng kết forms, self-assessments and indicator results in the
/// autumn; corrections and appraisals; the council review with its ballots (or tally sheet),
/// its close and the decision; the lock of the period and, when the plan ends that year, the
/// close. Every refusal of `CampaignActions` is honoured (a campaign without award kinds has no
/// review). Events are applied to an in-memory `CampaignState` as they are made, so each step
/// reads the state the steps before it left — the same state replaying the journal gives.
struct CampaignHistory {
    /// One append: the drafts written together, and the time stamp they carry.
    struct Batch {
        var time: String
        var drafts: [JournalStore.Draft]
    }

    let campaign: ResolvedCampaign
    let ward: WardIdentity
    var random: SeededGenerator
    private(set) var state = CampaignState()
    private(set) var batches: [Batch] = []
    private var pending: [JournalStore.Draft] = []
    private var pendingDay: CivilDate?

    var plan: CampaignPlan { campaign.plan }
    var roster: Roster { ward.roster }

    init(campaign: ResolvedCampaign, ward: WardIdentity, random: SeededGenerator) {
        self.campaign = campaign
        self.ward = ward
        self.random = random
    }

    // MARK: Recording

    mutating func add<P: EventPayload>(_ typed: P, on day: CivilDate, actor: String) {
        guard let payload = try? typed.jsonValue() else { return }
        let kind = P.kind
        pending.append(JournalStore.Draft(kind: kind, actor: actor, date: day, payload: payload))
        pendingDay = max(pendingDay ?? day, day)
        state.apply(JournalEvent(seq: state.lastSeq + 1, time: "", date: day, actor: actor, kind: kind, payload: payload, prev: ""))
    }

    /// Closes the current append.
    mutating func flush() {
        guard !pending.isEmpty, let day = pendingDay else { return }
        let hour = 7 + random.int(0...9)
        let minute = random.int(0...59)
        let time = "\(day.iso)T\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute):00Z"
        batches.append(Batch(time: time, drafts: pending))
        pending = []
        pendingDay = nil
    }

    // MARK: People who act

    var office: RosterUnit { roster.units[0] }

    func head(of unitID: String) -> String {
        roster.people.first { $0.unit == unitID }?.name ?? "Thủ trưởng đơn vị"
    }

    /// The official who keeps the campaign's records (thi đua officer of the Văn phòng).
    var clerk: String {
        roster.people.filter { $0.unit == office.id }.dropFirst(2).first?.name ?? head(of: office.id)
    }

    // MARK: The year

    /// Builds the year; returns the batches to append.
    mutating func run() -> [Batch] {
        let year = plan.years.first ?? plan.period.end.year
        let january = CivilDate(year: year, month: 1, day: 1)!
        let first = max(plan.effectiveStart, january)
        let last = max(first, min(plan.period.end, CivilDate(year: year, month: 12, day: 31)!))
        func clamp(_ day: CivilDate) -> CivilDate { min(max(day, first), last) }
        func date(_ month: Int, _ day: Int) -> CivilDate { clamp(CivilDate(year: year, month: month, day: day) ?? first) }

        // Launch and enrolment, as `thidua enroll` does by the plan's participant groups.
        add(LaunchPayload(planHash: nil), on: first, actor: clerk)
        var units: [String] = []
        for group in plan.participants where group.kind == .collective {
            let kinds = Set(group.unitKinds ?? [])
            for unit in roster.units where (kinds.isEmpty || kinds.contains(unit.kind.rawValue)) && !units.contains(unit.id) {
                units.append(unit.id)
            }
        }
        let people = plan.participants.contains { $0.kind == .individual } ? roster.people.map(\.id) : []
        add(EnrolmentPayload(units: units, people: people), on: clamp(first.adding(days: 3)), actor: clerk)
        flush()

        // Registrations, by each registration milestone's due day.
        let registrationForms = plan.milestones.filter { $0.kind == .registration }.compactMap(\.form)
        for milestone in plan.milestones where milestone.kind == .registration {
            guard let id = milestone.form, let form = campaign.form(id) else { continue }
            let due = milestone.due?.occurrence(in: year).map(clamp) ?? clamp(first.adding(days: 30))
            for who in submitters(form) {
                let late = random.chance(0.04)
                let day = clamp(late ? due.adding(days: random.int(1...6)) : due.adding(days: -random.int(0...12)))
                submit(form, by: who, on: day, term: nil)
            }
        }
        flush()

        // Sơ kết (June) and tổng kết (autumn) forms of the type.
        let hostForms: Set<String> = [HostForms.collectiveSelfAssessment, HostForms.individualSelfAssessment, HostForms.indicatorResults]
        let soKet = date(6, random.int(1...8))
        let tongKet = min(date(11, random.int(3...10)), clamp(last.adding(days: -3)))
        var seen: Set<String> = []
        var midYear: [FormSpec] = []
        var yearEnd: [FormSpec] = []
        for form in campaign.definition.forms where !hostForms.contains(form.id) && seen.insert(form.id).inserted {
            let kinds = plan.milestones.filter { $0.form == form.id }.map(\.kind)
            let hasTerm = form.fields.contains { $0.role == .term }
            if kinds.contains(.soKetReport) || hasTerm || (kinds.isEmpty && form.id.contains("so-ket")) { midYear.append(form) }
            let onlyRegistration = !kinds.isEmpty && kinds.allSatisfy { $0 == .registration }
            let onlySoKet = kinds == [.soKetReport] || (kinds.isEmpty && form.id.contains("so-ket"))
            if hasTerm || (!onlyRegistration && !onlySoKet && !registrationForms.contains(form.id)) { yearEnd.append(form) }
        }
        for form in midYear {
            for who in submitters(form) { submit(form, by: who, on: clamp(soKet.adding(days: random.int(-5...4))), term: .half) }
        }
        flush()
        for form in yearEnd {
            for who in submitters(form) { submit(form, by: who, on: clamp(tongKet.adding(days: random.int(-10...2))), term: .year) }
        }
        selfAssessments(on: tongKet, year: year)
        indicatorResults(on: tongKet, year: year)
        flush()

        // Corrections and appraisals before the council meets.
        let review = tongKet.adding(days: random.int(7...15))
        corrections(on: tongKet.adding(days: 3))
        appraisals(on: tongKet.adding(days: 5), period: EvaluationPeriod(year: year))
        flush()

        // Council review, decision, lock and close.
        let period = EvaluationPeriod(year: year)
        var end = review
        if let decided = councilReview(period: period, on: review) { end = decided }
        if let locked = try? CampaignActions.lock(state: state, period: period, reason: "Đã tổng kết, bình xét \(period.vietnamese)", planHash: nil) {
            add(locked, on: end, actor: clerk)
        }
        if plan.period.end.year == year {
            add(ClosePayload(planHash: nil), on: max(end, plan.period.end), actor: clerk)
        }
        flush()
        return batches
    }

    // MARK: Corrections and appraisals

    /// One or two corrected indicator values, with old value, new value and reason.
    mutating func corrections(on day: CivilDate) {
        guard let form = campaign.form(HostForms.indicatorResults), let valueField = form.fields.first(where: { $0.role == .value })
        else { return }
        let candidates = state.submissions.filter { $0.form == form.id }
        guard !candidates.isEmpty else { return }
        for _ in 0..<random.int(1...2) {
            let submission = random.pick(candidates)
            let row = random.int(0...(submission.rows.count - 1))
            guard case .number(let old)? = submission.rows[row][valueField.id] else { continue }
            let new = FieldValue.number(((old + random.around(0, spread: 2)) * 10).rounded() / 10)
            add(
                CorrectionPayload(
                    submission: submission.seq, row: row, field: valueField.id, old: .number(old), new: new,
                    reason: random.pick(TextPool.correctionReasons)), on: day, actor: clerk)
        }
    }

    /// A few appraisers' changes to self-assessed items (about one row in twenty, at most twelve).
    mutating func appraisals(on day: CivilDate, period: EvaluationPeriod) {
        let forms: Set<String> = [HostForms.collectiveSelfAssessment, HostForms.individualSelfAssessment]
        let facts = FactBase(campaign: campaign, state: state, roster: roster)
        var made = 0
        for submission in state.submissions where forms.contains(submission.form) {
            guard let form = campaign.form(submission.form), let itemField = form.fields.first(where: { $0.role == .item }) else { continue }
            for row in submission.rows where made < 12 && random.chance(0.05) {
                guard case .choice(let item)? = row[itemField.id], let who = submission.from.first else { continue }
                let participant: ParticipantRef = form.filledBy == .individual ? .person(who) : .unit(who)
                let old = facts.assessment(of: item, by: participant, in: period)
                let met = random.chance(0.5) ? !(old?.met ?? true) : (old?.met ?? true)
                do {
                    let payload = try CampaignActions.appraise(
                        facts: facts, state: state, period: period, participant: participant, item: item, met: met, points: nil,
                        evidence: random.chance(0.5) ? random.pick(TextPool.evidence) : nil, reason: random.pick(TextPool.appraisalReasons))
                    add(payload, on: day, actor: ward.council.first?.name ?? clerk)
                    made += 1
                } catch {
                    continue
                }
            }
        }
    }

    // MARK: Council review

    /// Opens the review of the period's nominees, records the ballots or the tally sheet, closes
    /// it, and records the decision. Returns the day of the last event, nil when nothing was held.
    mutating func councilReview(period: EvaluationPeriod, on day: CivilDate) -> CivilDate? {
        guard !plan.awards.isEmpty, !ward.council.isEmpty else { return nil }
        let evaluation = Evaluator(campaign: campaign, state: state, roster: roster).evaluate(period)
        var nominees: [Nominee] = []
        for standing in evaluation.standings {
            for award in standing.awards where award.truth == .met && nominees.count < 30 {
                nominees.append(Nominee(id: "\(nominees.count + 1)", participant: standing.participant, award: award.award))
            }
        }
        let opened: ReviewOpenedPayload
        do {
            opened = try CampaignActions.openReview(
                plan: plan, state: state, roster: roster, period: period, members: ward.council, nominees: nominees, meetingDate: day,
                place: "Hội trường Ủy ban nhân dân \(ward.name)")
        } catch {
            return nil
        }
        add(opened, on: day, actor: clerk)
        guard let review = state.openReview else { return nil }
        // One ordinary member away now and then.
        let ordinary = review.members.filter { !$0.isChair && !$0.isSecretary }.map(\.name)
        let absent = !ordinary.isEmpty && random.chance(0.3) ? [random.pick(ordinary)] : []
        let present = review.members.map(\.name).filter { !absent.contains($0) }
        if review.secret {
            var sheet: [String: Tally] = [:]
            for nominee in review.nominees {
                let disagree = random.chance(0.2) ? random.int(1...2) : 0
                sheet[nominee.id] = Tally(agree: present.count - disagree, disagree: disagree, conflict: 0)
            }
            if let tally = try? CampaignActions.tally(state: state, sheet: sheet) { add(tally, on: day, actor: clerk) }
        } else {
            for member in present {
                var votes: [String: Vote] = [:]
                for nominee in review.nominees {
                    votes[nominee.id] = random.pick([(Vote.agree, 0.9), (.disagree, 0.08), (.conflict, 0.02)])
                }
                if let ballot = try? CampaignActions.ballot(state: state, member: member, votes: votes) {
                    add(ballot, on: day, actor: member)
                }
            }
        }
        guard let closed = try? CampaignActions.closeReview(state: state, absent: absent, meetingDate: day) else { return day }
        add(closed.0, on: day, actor: clerk)
        let decisionDay = day.adding(days: random.int(2...7))
        let number = "\(random.int(12...480))/QĐ-UBND"
        guard
            let records = try? CampaignActions.decide(
                plan: plan, state: state, roster: roster, evaluation: evaluation, tables: MoneyTables.standard, date: decisionDay,
                number: number)
        else { return day }
        for record in records {
            add(record, on: decisionDay, actor: ward.council.first?.name ?? clerk)
        }
        return decisionDay
    }
}
