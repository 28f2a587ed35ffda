import ThiDuaBase

/// A value reported for an indicator, with where it came from.
public struct RecordedValue: Hashable, Sendable {
    public var value: Double
    /// The journal line of the submission (or appraisal) that holds it.
    public var seq: Int
    /// The form it was reported on; for a value the type derived, the type's id.
    public var form: String
    /// Whether the type computed it from the campaign's state (`CampaignType.derivedValues`).
    public var derived: Bool = false
}

/// A participant's assessment of one criterion or attested check: self-assessed, then appraised.
public struct Assessment: Hashable, Sendable {
    public var met: Bool?
    public var points: Double?
    public var evidence: String?
    /// Set when an appraiser changed the self-assessment: who, and why.
    public var appraisedBy: String?
    public var appraisalReason: String?
    public var seq: Int
    /// The values as the participant sent them, kept beside an appraisal's (scoring sheets show both).
    public var selfMet: Bool?
    public var selfPoints: Double?
    /// The values the appraiser gave, when they gave them.
    public var appraisedMet: Bool?
    public var appraisedPoints: Double?
}

/// Everything the rules read, gathered from a campaign's accepted submissions, corrections and
/// appraisals, by participant and period. Missing facts stay missing: nothing defaults to zero.
public struct FactBase: Sendable {
    struct ValueKey: Hashable {
        var indicator: String
        var participant: ParticipantRef?
        var period: EvaluationPeriod
    }

    struct ItemKey: Hashable {
        var participant: ParticipantRef
        var item: String
        var period: EvaluationPeriod
    }

    struct CountKey: Hashable {
        var form: String
        var participant: ParticipantRef?
        var period: EvaluationPeriod
    }

    public let campaign: ResolvedCampaign
    public let roster: Roster
    /// The enrolled units, in enrolment order: the units an aggregated indicator combines.
    public let enrolledUnits: [String]
    var values: [ValueKey: RecordedValue] = [:]
    /// Values for the period before, as declared on the current period's rows.
    var declaredPrevious: [ValueKey: RecordedValue] = [:]
    var assessments: [ItemKey: Assessment] = [:]
    var counts: [CountKey: Int] = [:]
    /// Scoring sheets already worked out: an indicator read from a sheet is looked up for every
    /// rule that names it, and the facts never change once gathered.
    let sheets = Memo<SheetKey, ScoreSheet>()

    struct SheetKey: Hashable, Sendable {
        var table: String
        var participant: ParticipantRef
        var period: EvaluationPeriod
    }

    /// Every period some row reported on, for the default period.
    public private(set) var periods: Set<EvaluationPeriod> = []

    /// Each person's unit (the first person with the id, as a search of the roster finds), and
    /// `planIndicators(for:)` by name: looked up for every row taken, so worked out once.
    private var unitOfPerson: [String: String] = [:]
    private var indicatorsByName: [String: [String]] = [:]

    public init(campaign: ResolvedCampaign, state: CampaignState, roster: Roster) {
        self.campaign = campaign
        self.roster = roster
        enrolledUnits = state.units
        for person in roster.people where unitOfPerson[person.id] == nil { unitOfPerson[person.id] = person.unit }
        for submission in state.submissions {
            guard let form = campaign.form(submission.form) else { continue }
            for row in submission.rows { take(row, of: submission, form: form) }
        }
        for appraisal in state.appraisals { take(appraisal) }
        // The type's own figures last: they read the reported facts and replace reported values.
        let derived = campaign.type.derivedValues(in: CampaignContext(facts: self, state: state))
        for value in derived {
            let record = RecordedValue(value: value.value, seq: value.seq, form: campaign.definition.id, derived: true)
            for indicator in indicatorIDs(for: value.indicator) {
                values[ValueKey(indicator: indicator, participant: value.participant, period: value.period)] = record
            }
        }
    }

    /// The plan indicator ids a field's `reports` names: the plan indicator with that id, or those
    /// selecting that catalogue entry, else the name itself.
    func planIndicators(for reported: String) -> [String] {
        if let known = indicatorsByName[reported] { return known }
        let matches = campaign.plan.indicators.filter { $0.id == reported || $0.catalogue == reported }.map(\.id)
        return matches.isEmpty ? [reported] : matches
    }

    /// `planIndicators(for:)`, remembered.
    private mutating func indicatorIDs(for name: String) -> [String] {
        if let known = indicatorsByName[name] { return known }
        let ids = planIndicators(for: name)
        indicatorsByName[name] = ids
        return ids
    }

    /// The period a row reports on: its year field, else the submission's year; its term field for the half-year.
    public static func period(of row: SubmissionRow, form: FormSpec, submittedOn date: CivilDate) -> EvaluationPeriod {
        period(of: form.fields.map { row[$0.id] }, form: form, submittedOn: date)
    }

    /// `period(of:form:submittedOn:)` from the row's cells, one per field of the form, in order.
    static func period(of cells: [FieldValue?], form: FormSpec, submittedOn date: CivilDate) -> EvaluationPeriod {
        var period = EvaluationPeriod(year: date.year)
        for (field, cell) in zip(form.fields, cells) {
            switch (field.role, cell) {
            case (.year?, .integer(let year)?) where year > 1900 && year < 2200: period.year = year
            case (.year?, .number(let year)?) where year > 1900 && year < 2200: period.year = Int(year)
            case (.term?, .choice(let term)?), (.term?, .text(let term)?):
                period.halfYear = VietnameseText.key(term).contains("6 tháng")
            default: break
            }
        }
        return period
    }

    /// Who a row speaks for: its person, else its unit, else the submission's only sender.
    static func participant(of row: SubmissionRow, form: FormSpec, submission: SubmissionRecord) -> ParticipantRef? {
        participant(of: form.fields.map { row[$0.id] }, form: form, submission: submission)
    }

    /// `participant(of:form:submission:)` from the row's cells, one per field of the form.
    static func participant(of cells: [FieldValue?], form: FormSpec, submission: SubmissionRecord) -> ParticipantRef? {
        var unit: String?
        var person: String?
        for cell in cells {
            switch cell {
            case .person(let id)? where person == nil: person = id
            case .unit(let id)? where unit == nil: unit = id
            default: break
            }
        }
        if let person { return .person(person) }
        if let unit { return .unit(unit) }
        if submission.from.count == 1, let only = submission.from.first {
            return form.filledBy == .individual ? .person(only) : .unit(only)
        }
        return nil
    }

    mutating func take(_ row: SubmissionRow, of submission: SubmissionRecord, form: FormSpec) {
        // Each field's cell looked up once: the period, the participant and the values all read them.
        let cells = form.fields.map { row[$0.id] }
        let period = Self.period(of: cells, form: form, submittedOn: submission.date)
        periods.insert(period)
        let who = Self.participant(of: cells, form: form, submission: submission)
        counts[CountKey(form: form.id, participant: who, period: period), default: 0] += 1
        if let who, who.kind == .individual, let unitOfPerson = unitOfPerson[who.id] {
            // A person's row also counts for their unit ("≥ 1 mô hình mỗi đơn vị").
            counts[CountKey(form: form.id, participant: .unit(unitOfPerson), period: period), default: 0] += 1
        }
        counts[CountKey(form: form.id, participant: nil, period: period), default: 0] += 1

        var named: String?
        var value: Double?
        var previous: Double?
        var item: String?
        var assessment = Assessment(seq: submission.seq)
        for (field, cell) in zip(form.fields, cells) {
            guard let cell else { continue }
            if let reported = field.reports, let number = Self.number(cell) {
                let record = RecordedValue(value: number, seq: submission.seq, form: form.id)
                for indicator in indicatorIDs(for: reported) {
                    let key = ValueKey(indicator: indicator, participant: who, period: period)
                    if field.previous == true { declaredPrevious[key] = record } else { values[key] = record }
                }
            }
            switch field.role {
            case .indicator?: named = Self.text(cell)
            case .value?: value = Self.number(cell)
            case .previousValue?: previous = Self.number(cell)
            case .item?: item = Self.text(cell)
            case .met?: assessment.met = Self.truth(cell)
            case .points?: assessment.points = Self.number(cell)
            case .evidence?: assessment.evidence = Self.text(cell).flatMap { $0.isEmpty ? nil : $0 }
            default: break
            }
        }
        if let named {
            for indicator in indicatorIDs(for: named) {
                let key = ValueKey(indicator: indicator, participant: who, period: period)
                if let value { values[key] = RecordedValue(value: value, seq: submission.seq, form: form.id) }
                if let previous { declaredPrevious[key] = RecordedValue(value: previous, seq: submission.seq, form: form.id) }
            }
        }
        // A form that attests a check (a unit's proposal of a person) records it on every row.
        if item == nil, let attested = form.attests {
            item = attested
            if assessment.met == nil { assessment.met = true }
        }
        if let item, let who {
            assessment.selfMet = assessment.met
            assessment.selfPoints = assessment.points
            assessments[ItemKey(participant: who, item: item, period: period)] = assessment
        }
    }

    mutating func take(_ appraisal: AppraisalRecord) {
        let key = ItemKey(participant: appraisal.participant, item: appraisal.item, period: appraisal.period)
        var assessment = assessments[key] ?? Assessment(seq: appraisal.seq)
        if let met = appraisal.met {
            assessment.met = met
            assessment.appraisedMet = met
        }
        if let points = appraisal.points {
            assessment.points = points
            assessment.appraisedPoints = points
        }
        if let evidence = appraisal.evidence { assessment.evidence = evidence }
        assessment.appraisedBy = appraisal.actor
        assessment.appraisalReason = appraisal.reason
        assessment.seq = appraisal.seq
        assessments[key] = assessment
        periods.insert(appraisal.period)
    }

    static func number(_ value: FieldValue) -> Double? {
        switch value {
        case .integer(let n): Double(n)
        case .number(let d), .percent(let d): d
        case .yesNo(let b): b ? 1 : 0
        default: nil
        }
    }

    static func text(_ value: FieldValue) -> String? {
        switch value {
        case .text(let s), .choice(let s), .unit(let s), .person(let s): s
        default: nil
        }
    }

    /// Yes/no, or a choice that reads as met ("Đạt", "Có", "Hiệu quả", "Tốt") or not.
    static func truth(_ value: FieldValue) -> Bool? {
        switch value {
        case .yesNo(let b): return b
        case .choice(let s), .text(let s):
            let key = VietnameseText.key(s)
            if key.hasPrefix("chưa") || key.hasPrefix("không") { return false }
            return ["đạt", "có", "hiệu quả", "tốt", "xuất sắc"].contains(key) ? true : nil
        default: return nil
        }
    }

    // MARK: Reading

    /// The value of an indicator for a participant (or the whole campaign) in a period.
    public func value(_ indicator: String, for participant: ParticipantRef?, in period: EvaluationPeriod) -> RecordedValue? {
        values[ValueKey(indicator: indicator, participant: participant, period: period)]
    }

    /// The value for the period before: recorded for that period, else declared on this period's row.
    public func previousValue(
        _ indicator: String, for participant: ParticipantRef?, in period: EvaluationPeriod
    ) -> (
        RecordedValue, declared: Bool
    )? {
        if let recorded = value(indicator, for: participant, in: period.previous) { return (recorded, false) }
        if let declared = declaredPrevious[ValueKey(indicator: indicator, participant: participant, period: period)] {
            return (declared, true)
        }
        return nil
    }

    /// The assessment of a criterion or check by a participant in a period.
    public func assessment(of item: String, by participant: ParticipantRef, in period: EvaluationPeriod) -> Assessment? {
        assessments[ItemKey(participant: participant, item: item, period: period)]
    }

    /// Rows of a form for a participant (nil: all rows) in a period.
    public func count(form: String, for participant: ParticipantRef?, in period: EvaluationPeriod) -> Int {
        counts[CountKey(form: form, participant: participant, period: period)] ?? 0
    }

    /// Whether any row, of any form, speaks for the participant in the period.
    public func hasData(for participant: ParticipantRef, in period: EvaluationPeriod) -> Bool {
        counts.keys.contains { $0.participant == participant && $0.period == period }
            || assessments.keys.contains { $0.participant == participant && $0.period == period }
    }
}
