import ThiDuaBase

/// A plan with its type resolved into the definition the campaign actually uses.
///
/// The effective definition is the type's own for this plan (`definition(for:)`, compiled or
/// declared), plus the host's forms built from the plan (self-assessment per participant kind,
/// indicator results), plus the plan's own variants. The effective plan is the file's plan with
/// what it leaves to the type filled in: a criterion that selects a catalogue entry and has no
/// rule takes the entry's rule, then the type's `complete(_:)` runs. Everything downstream —
/// forms, submissions, evaluation, documents — reads `definition` and `plan` from here, so a
/// variant or a host form needs no change elsewhere.
public struct ResolvedCampaign: Sendable {
    /// The plan as the campaign runs it (see above); the plan document prints the file's plan.
    public let plan: CampaignPlan
    public let type: any CampaignType
    public let definition: CampaignTypeDefinition

    public init(plan: CampaignPlan, type: any CampaignType) {
        let own = type.definition(for: plan)
        self.plan = type.complete(Self.inheritingRules(plan, from: own))
        self.type = type
        var definition = own
        let scoring = ScoringTables.effective(plan: self.plan, definition: definition)
        // A check a form attests (a unit's proposal of a person) is not the person's to self-assess.
        let attested = Set((own.forms + self.plan.forms).compactMap(\.attests))
        for form in HostForms.forms(for: self.plan, scoring: scoring, excluding: attested) where definition.form(form.id) == nil {
            definition.forms.append(form)
        }
        PlanVariants.apply(self.plan, to: &definition)
        self.definition = definition
    }

    /// The effective form with that id.
    public func form(_ id: String) -> FormSpec? { definition.form(id) }

    /// The plan with each criterion that selects a catalogue entry and has no rule given the
    /// entry's rule, its indicator ids turned into the plan's (the plan indicator with that id,
    /// or the one selecting that catalogue entry).
    static func inheritingRules(_ plan: CampaignPlan, from type: CampaignTypeDefinition) -> CampaignPlan {
        var plan = plan
        for i in plan.criteria.indices where plan.criteria[i].rule == nil {
            guard let selected = plan.criteria[i].catalogue, let rule = type.criteria.first(where: { $0.id == selected })?.rule else {
                continue
            }
            plan.criteria[i].rule = rule.renamingIndicators { id in
                if plan.indicators.contains(where: { $0.id == id }) { return id }
                return plan.indicators.first { $0.catalogue == id }?.id ?? id
            }
        }
        return plan
    }
}

/// Forms the host supplies to every campaign, built from the plan's criteria and indicators.
public enum HostForms {
    /// Self-assessment of a unit: one row per criterion or attested check.
    public static let collectiveSelfAssessment = "tu-danh-gia-tap-the"
    /// Self-assessment of a person: one row per criterion or attested check.
    public static let individualSelfAssessment = "tu-danh-gia-ca-nhan"
    /// Indicator results: one row per indicator and participant (or the whole campaign).
    public static let indicatorResults = "ket-qua-chi-tieu"

    /// The host forms for a plan (the self-assessment forms only for kinds that have items).
    /// `excluding`: checks other forms attest, left off the self-assessment.
    public static func forms(for plan: CampaignPlan, scoring: [ScoringTable] = [], excluding: Set<String> = []) -> [FormSpec] {
        var forms: [FormSpec] = []
        for kind in ParticipantKind.allCases {
            let items = assessable(plan, kind: kind, scoring: scoring).filter { !excluding.contains($0) }
            guard !items.isEmpty else { continue }
            let subject =
                kind == .collective
                ? FieldSpec(id: "don-vi", label: "Cơ quan, đơn vị", kind: .unit)
                : FieldSpec(id: "ca-nhan", label: "Họ và tên", kind: .person)
            forms.append(
                FormSpec(
                    id: kind == .collective ? collectiveSelfAssessment : individualSelfAssessment,
                    title: kind == .collective ? "Phiếu tự đánh giá của tập thể" : "Phiếu tự đánh giá của cá nhân",
                    filledBy: kind, repeated: true,
                    fields: [
                        subject,
                        FieldSpec(
                            id: "tieu-chi", label: "Tiêu chí", kind: .choice, choices: items,
                            help: "Mã tiêu chí hoặc nội dung cần xác nhận, như trong kế hoạch.", role: .item),
                        FieldSpec(id: "dat", label: "Tự đánh giá đạt", kind: .yesNo, role: .met),
                        FieldSpec(id: "diem", label: "Điểm tự chấm", kind: .number, required: false, role: .points),
                        FieldSpec(id: "minh-chung", label: "Tài liệu, minh chứng", kind: .text, required: false, role: .evidence),
                    ]))
        }
        if !plan.indicators.isEmpty {
            forms.append(
                FormSpec(
                    id: indicatorResults, title: "Biểu tổng hợp kết quả thực hiện chỉ tiêu", repeated: true,
                    fields: [
                        FieldSpec(
                            id: "don-vi", label: "Cơ quan, đơn vị (để trống nếu là số liệu chung)", kind: .unit, required: false),
                        FieldSpec(
                            id: "ca-nhan", label: "Cá nhân (nếu chỉ tiêu tính cho cá nhân)", kind: .person, required: false),
                        FieldSpec(
                            id: "chi-tieu", label: "Chỉ tiêu", kind: .choice, choices: plan.indicators.map(\.id), role: .indicator),
                        FieldSpec(id: "gia-tri", label: "Kết quả", kind: .number, role: .value),
                        FieldSpec(
                            id: "nam-truoc", label: "Kết quả năm trước", kind: .number, required: false, role: .previousValue),
                        FieldSpec(id: "nam", label: "Năm", kind: .integer, required: false, role: .year),
                        FieldSpec(id: "minh-chung", label: "Tài liệu, minh chứng", kind: .text, required: false, role: .evidence),
                    ]))
        }
        return forms
    }

    /// Criterion ids of a kind, then the attested-check ids its rules read, then the items of its
    /// scoring tables, without repeats.
    public static func assessable(_ plan: CampaignPlan, kind: ParticipantKind, scoring: [ScoringTable] = []) -> [String] {
        var ids: [String] = []
        func add(_ id: String) { if !ids.contains(id) { ids.append(id) } }
        for criterion in plan.criteria where criterion.appliesTo == kind {
            add(criterion.id)
            for check in criterion.rule?.attestedReferences ?? [] { add(check) }
        }
        for award in plan.awards where award.recipients.contains(kind) {
            for standard in award.standards ?? [] where standard.appliesTo == nil || standard.appliesTo == kind {
                for check in standard.rule?.attestedReferences ?? [] { add(check) }
            }
        }
        for table in scoring where table.appliesTo == kind {
            for item in table.items { add(item.id) }
        }
        return ids
    }
}
