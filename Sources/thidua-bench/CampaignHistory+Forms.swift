// The form submissions of a campaign year: the type's forms and the host forms.

import ThiDuaCore

extension CampaignHistory {
    // MARK: Forms

    enum Term { case half, year }

    /// Who fills a form: the enrolled units or people, or the Văn phòng for the campaign's own forms.
    func submitters(_ form: FormSpec) -> [ParticipantRef] {
        switch form.filledBy {
        case .collective?: return state.units.map(ParticipantRef.unit)
        case .individual?: return state.people.map(ParticipantRef.person)
        case nil: return [.unit(office.id)]
        }
    }

    func unitOf(_ who: ParticipantRef) -> String {
        who.kind == .collective ? who.id : roster.people.first { $0.id == who.id }?.unit ?? office.id
    }

    mutating func submit(_ form: FormSpec, by who: ParticipantRef, on day: CivilDate, term: Term?) {
        let count = form.repeated ? random.int(1...(term == nil ? 2 : 3)) : 1
        var rows: [SubmissionRow] = []
        for n in 0..<count {
            var values: [String: FieldValue] = [:]
            for field in form.fields {
                if !field.required && random.chance(0.3) { continue }
                if let value = value(for: field, by: who, on: day, term: term) { values[field.id] = value }
            }
            rows.append(SubmissionRow(line: n + 2, values: values))
        }
        record(form, rows: rows, by: who, on: day)
    }

    /// Appends a submission event with the payload `thidua submit` writes.
    mutating func record(_ form: FormSpec, rows: [SubmissionRow], by who: ParticipantRef, on day: CivilDate) {
        let match = milestone(for: form.id, on: day)
        let payload = SubmissionPayload(
            form: form.id, source: "\(form.id)-\(who.id).csv", sourceHash: nil, from: form.senders(of: rows), milestone: match?.id,
            due: match?.due.iso, late: match?.late ?? false, rows: rows)
        let actor = who.kind == .collective ? head(of: who.id) : who.name(in: roster)
        add(payload, on: day, actor: actor)
    }

    /// The milestone a submission answers (as `thidua submit` finds it): the nearest not yet due, else the last.
    func milestone(for form: String, on day: CivilDate) -> (id: String, due: CivilDate, late: Bool)? {
        var candidates: [(id: String, due: CivilDate, late: Bool)] = []
        for milestone in plan.milestones where milestone.form == form {
            guard let due = milestone.due?.occurrence(in: day.year) else { continue }
            candidates.append((milestone.id, due, day > due))
        }
        return candidates.filter { !$0.late }.min { $0.due < $1.due } ?? candidates.max { $0.due < $1.due }
    }

    mutating func value(for field: FieldSpec, by who: ParticipantRef, on day: CivilDate, term: Term?) -> FieldValue? {
        switch field.role {
        case .year?: return .integer(day.year)
        case .term?:
            let choices = field.choices ?? ["6 tháng", "Cả năm"]
            let half = choices.first { VietnameseText.key($0).contains("6 tháng") } ?? choices[0]
            let whole = choices.first { !VietnameseText.key($0).contains("6 tháng") } ?? choices[choices.count - 1]
            let text = term == .half ? half : whole
            return field.kind == .choice ? .choice(text) : .text(text)
        default: break
        }
        if let reported = field.reports, let indicator = plan.indicators.first(where: { $0.id == reported || $0.catalogue == reported }) {
            let v = indicatorValue(indicator).value
            switch field.kind {
            case .integer: return .integer(Int(v))
            case .percent: return .percent(min(100, max(0, v)))
            case .yesNo: return .yesNo(v >= 1)
            default: return .number(v)
            }
        }
        switch field.kind {
        case .unit: return .unit(unitOf(who))
        case .person:
            if who.kind == .individual { return .person(who.id) }
            let members = roster.people.filter { $0.unit == who.id }
            return .person((members.isEmpty ? roster.people : members)[random.int(0...((members.isEmpty ? roster.people : members).count - 1))].id)
        case .choice: return (field.choices?.isEmpty ?? true) ? nil : .choice(random.pick(field.choices ?? []))
        case .integer: return .integer(random.int(1...40))
        case .number: return .number(random.around(50, spread: 40, step: 0.5))
        case .percent: return .percent(min(100, random.around(90, spread: 9)))
        case .date:
            let start = day.adding(days: -random.int(10...200))
            return .date(start.year == day.year ? start : CivilDate(year: day.year, month: 1, day: random.int(2...28))!)
        case .yesNo: return .yesNo(random.chance(0.88))
        case .text: return .text(TextPool.short(field.label, using: &random))
        case .longText: return .text(TextPool.long(using: &random))
        }
    }

    /// A plausible value for an indicator near its target, and last year's.
    mutating func indicatorValue(_ indicator: Indicator) -> (value: Double, previous: Double?) {
        func percent(_ v: Double) -> Double { min(100, max(0, (v * 10).rounded() / 10)) }
        switch indicator.measure {
        case .percent:
            var v: Double
            if let t = indicator.target {
                switch t.comparison {
                case .atLeast, .greaterThan: v = t.value + random.around(2, spread: 3.5)
                case .atMost, .lessThan: v = t.value - random.around(2, spread: 3.5)
                case .equal: v = random.chance(0.9) ? t.value : t.value - 1
                }
            } else {
                v = random.around(86, spread: 12)
            }
            v = percent(v)
            return (v, percent(v - random.around(2, spread: 4)))
        case .count:
            let v = Double(max(0, Int(indicator.target?.value ?? Double(random.int(2...60))) + random.int(-1...3)))
            return (v, Double(max(0, Int(v) - random.int(-2...5))))
        case .score:
            let v = random.around(indicator.target?.value ?? 82, spread: 8, step: 0.01)
            return (v, random.around(v - 2, spread: 4, step: 0.01))
        case .yesNo:
            return (random.chance(0.93) ? 1 : 0, nil)
        case .rank:
            let v = random.int(1...12)
            return (Double(v), Double(max(1, v + random.int(-2...8))))
        }
    }

    // MARK: Host forms

    /// Self-assessments of every enrolled unit and person: one row per criterion or attested check.
    mutating func selfAssessments(on day: CivilDate, year: Int) {
        for (formID, participants) in [
            (HostForms.collectiveSelfAssessment, state.units.map(ParticipantRef.unit)),
            (HostForms.individualSelfAssessment, state.people.map(ParticipantRef.person)),
        ] {
            guard let form = campaign.form(formID) else { continue }
            let subject = form.fields.first { $0.kind == .unit || $0.kind == .person }
            guard let subject, let itemField = form.fields.first(where: { $0.role == .item }) else { continue }
            let items = itemField.choices ?? []
            let metField = form.fields.first { $0.role == .met }
            let pointsField = form.fields.first { $0.role == .points }
            let evidenceField = form.fields.first { $0.role == .evidence }
            for who in participants {
                var rows: [SubmissionRow] = []
                for (n, item) in items.enumerated() {
                    var values: [String: FieldValue] = [
                        subject.id: who.kind == .collective ? .unit(who.id) : .person(who.id), itemField.id: .choice(item),
                    ]
                    let met = random.chance(0.93)
                    if let metField { values[metField.id] = .yesNo(met) }
                    // Criteria that score, and the items of scoring tables (the CCHC index sheet).
                    if let pointsField, let max = campaign.maxPoints(of: item) {
                        values[pointsField.id] = .number(met ? min(max, random.around(max * 0.9, spread: max * 0.1, step: 0.5)) : (max * 0.4).rounded())
                    }
                    if let evidenceField, random.chance(0.9) { values[evidenceField.id] = .text(random.pick(TextPool.evidence)) }
                    rows.append(SubmissionRow(line: n + 2, values: values))
                }
                if !rows.isEmpty { record(form, rows: rows, by: who, on: clamped(day.adding(days: -random.int(0...9)), year)) }
            }
        }
    }

    /// Indicator results: the campaign's own figures from the Văn phòng, each unit's and each person's.
    mutating func indicatorResults(on day: CivilDate, year: Int) {
        guard let form = campaign.form(HostForms.indicatorResults),
            let indicatorField = form.fields.first(where: { $0.role == .indicator }),
            let valueField = form.fields.first(where: { $0.role == .value })
        else { return }
        let previousField = form.fields.first { $0.role == .previousValue }
        let yearField = form.fields.first { $0.role == .year }
        let unitField = form.fields.first { $0.kind == .unit }
        let personField = form.fields.first { $0.kind == .person }
        let groups: [(IndicatorScope, [ParticipantRef])] = [
            (.campaign, [.unit(office.id)]), (.collective, state.units.map(ParticipantRef.unit)),
            (.individual, state.people.map(ParticipantRef.person)),
        ]
        for (scope, senders) in groups {
            let indicators = plan.indicators.filter { ($0.scope ?? .campaign) == scope }
            guard !indicators.isEmpty else { continue }
            for who in senders {
                var rows: [SubmissionRow] = []
                for (n, indicator) in indicators.enumerated() {
                    let (value, previous) = indicatorValue(indicator)
                    var values: [String: FieldValue] = [indicatorField.id: .choice(indicator.id), valueField.id: .number(value)]
                    if let previousField, let previous, scope != .campaign || random.chance(0.7) { values[previousField.id] = .number(previous) }
                    if let yearField { values[yearField.id] = .integer(year) }
                    if scope == .collective, let unitField { values[unitField.id] = .unit(who.id) }
                    if scope == .individual, let personField { values[personField.id] = .person(who.id) }
                    rows.append(SubmissionRow(line: n + 2, values: values))
                }
                record(form, rows: rows, by: who, on: clamped(day.adding(days: -random.int(0...6)), year))
            }
        }
    }

    func clamped(_ day: CivilDate, _ year: Int) -> CivilDate {
        day.year == year ? day : CivilDate(year: year, month: day.year < year ? 1 : 12, day: day.year < year ? 2 : 28)!
    }
}
