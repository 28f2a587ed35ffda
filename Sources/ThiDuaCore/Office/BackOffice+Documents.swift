import ThiDuaBase

/// A document of a campaign, with the name its file takes (`<campaign>-<name>.<format>`).
public struct IssuedDocument: Sendable {
    /// A file-name stem made of roster and plan ids only (checked by `Identifier.problem`).
    public var name: String
    public var document: Document
}

/// The kinds of document `thidua doc` and the web application issue for a campaign.
public enum DocumentKind: String, CaseIterable, Sendable {
    case plan, form
    case filledForms = "filled-forms"
    case soKet = "so-ket"
    case tongKet = "tong-ket"
    case bienBan = "bien-ban"
    case toTrinh = "to-trinh"
    case toTrinhCapTren = "to-trinh-cap-tren"
    case thanhTich = "thanh-tich"
    case quyetDinh = "quyet-dinh"
    case giayKhen = "giay-khen"
    case bangDiem = "bang-diem"
    case xepLoai = "xep-loai"
    case congVan = "cong-van"

    /// What each kind is, in Vietnamese, for help, errors and pages.
    public var vietnamese: String {
        switch self {
        case .plan: "kế hoạch"
        case .form: "biểu mẫu trống"
        case .filledForms: "biểu mẫu đã nộp"
        case .soKet: "báo cáo sơ kết"
        case .tongKet: "báo cáo tổng kết"
        case .bienBan: "biên bản họp bình xét"
        case .toTrinh: "tờ trình khen thưởng"
        case .toTrinhCapTren: "tờ trình đề nghị cấp trên khen thưởng"
        case .thanhTich: "báo cáo thành tích"
        case .quyetDinh: "quyết định khen thưởng"
        case .giayKhen: "giấy khen"
        case .bangDiem: "bảng chấm điểm"
        case .xepLoai: "bảng xếp loại"
        case .congVan: "công văn đôn đốc các đơn vị chưa gửi"
        }
    }
}

extension BackOffice {
    /// The documents of one kind. `strict`: a kind with nothing to show is an error (asked for
    /// by name); otherwise it gives none (every kind at once). `preprinted`: the giấy khen's
    /// variable text for pre-printed blanks (nil: as the plan's `certificate` says).
    public func documents(
        _ campaign: OpenCampaign, kind: DocumentKind, form formID: String? = nil, period periodText: String? = nil, today: CivilDate,
        strict: Bool, ledger: AwardLedger? = nil, preprinted: Bool? = nil
    ) throws(OfficeError) -> [IssuedDocument] {
        let plan = campaign.plan
        func none(_ reason: String) throws(OfficeError) -> [IssuedDocument] {
            if strict { throw OfficeError(.notFound, reason) }
            return []
        }
        var history: [ParticipantRef: [String]] = [:]
        if kind == .thanhTich {
            if let ledger {
                history = ledger.historyLines
            } else {
                history = try awardLedger().historyLines
            }
        }
        let builder = DossierBuilder(campaign: campaign.resolved, state: campaign.state, roster: campaign.roster, history: history)
        let period = try campaign.period(periodText, today: today)
        var out: [IssuedDocument] = []
        switch kind {
        case .plan:
            out = [IssuedDocument(name: "plan", document: PlanDocumentBuilder(plan: plan, type: campaign.resolved.definition).build())]
        case .form:
            let forms = campaign.resolved.definition.forms.filter { formID == nil || $0.id == formID }
            if forms.isEmpty { return try none("Không có biểu mẫu «\(formID ?? "")».") }
            let year = FormDocumentBuilder.year(for: plan, today: today)
            out = forms.map { IssuedDocument(name: "form-\($0.id)", document: FormDocumentBuilder(plan: plan, form: $0).build(year: year)) }
        case .filledForms:
            out = campaign.state.submissions.compactMap { record in
                builder.filledForm(record).map { IssuedDocument(name: "nop-\(record.seq)-\(record.form)", document: $0) }
            }
            if out.isEmpty { return try none("Chưa có biểu mẫu nào được nộp.") }
        case .soKet, .tongKet:
            let reportKind: ReportKind = kind == .soKet ? .soKet : .tongKet
            let reportPeriod =
                reportKind == .soKet && periodText == nil ? campaign.evaluator.defaultHalfYear(today: today, year: period.year) : period
            out = [IssuedDocument(name: kind.rawValue, document: builder.report(reportKind, evaluation: campaign.evaluator.evaluate(reportPeriod)))]
        case .bienBan:
            guard let review = campaign.state.reviews.last else { return try none("Chưa có phiên bình xét nào (`thidua review open`).") }
            out = [IssuedDocument(name: "bien-ban", document: builder.minutes(review))]
        case .toTrinh, .toTrinhCapTren:
            let upward = kind == .toTrinhCapTren
            guard let review = campaign.state.reviews.last(where: { $0.closed != nil }) else {
                return try none("Chưa có phiên bình xét nào đã đóng (`thidua review close`).")
            }
            let approved = review.results(present: review.closed?.present.count ?? 0, roster: campaign.roster).filter { r in
                r.approved && (plan.awards.first { $0.id == r.nominee.award }?.level == .upward) == upward
            }
            if approved.isEmpty { return try none(upward ? "Không có đề nghị nào lên cấp trên." : "Không có đề nghị khen thưởng nào ở cấp phường, xã.") }
            out = [IssuedDocument(name: kind.rawValue, document: builder.proposal(review, upward: upward))]
        case .thanhTich:
            guard let review = campaign.state.reviews.last(where: { $0.closed != nil }) else {
                return try none("Chưa có phiên bình xét nào đã đóng (`thidua review close`).")
            }
            let evaluation = campaign.evaluator.evaluate(review.period)
            var seen: Set<ParticipantRef> = []
            for r in review.results(present: review.closed?.present.count ?? 0, roster: campaign.roster)
            where r.approved && seen.insert(r.nominee.participant).inserted {
                out.append(
                    IssuedDocument(
                        name: "thanh-tich-\(r.nominee.participant.id)", document: builder.achievementReport(r.nominee.participant, evaluation: evaluation)))
            }
            if out.isEmpty { return try none("Không có đối tượng nào được Hội đồng thông qua.") }
        case .quyetDinh, .giayKhen:
            let decisions = campaign.state.decisions.filter { !$0.upward }
            guard !decisions.isEmpty else { return try none("Chưa có quyết định khen thưởng (`thidua decide`).") }
            out = decisions.enumerated().map { index, record in
                let suffix = decisions.count > 1 ? "-\(index + 1)" : ""
                return IssuedDocument(
                    name: kind.rawValue + suffix, document: kind == .quyetDinh ? builder.decision(record) : builder.certificates(record, preprinted: preprinted)
                )
            }
        case .congVan:
            let status = CampaignStatus(plan: plan, state: campaign.state, today: today)
            guard let letter = builder.reminderLetter(overdue: status.overdue, today: today) else {
                return try none("Không có hạn nộp nào đã quá mà còn đơn vị, cá nhân chưa gửi: chưa cần công văn đôn đốc.")
            }
            out = [IssuedDocument(name: "cong-van-don-doc", document: letter)]
        case .bangDiem, .xepLoai:
            let tables = campaign.resolved.scoringTables
            if tables.isEmpty { return try none("Kế hoạch không có bảng chấm điểm («scoring»).") }
            let scoring = ScoringDocumentBuilder(campaign: campaign.resolved, roster: campaign.roster)
            let evaluation = campaign.evaluator.evaluate(period)
            if kind == .xepLoai {
                out = tables.map { IssuedDocument(name: "xep-loai-\($0.id)", document: scoring.ratingTable($0, evaluation: evaluation)) }
            } else {
                out = tables.map { IssuedDocument(name: "bang-diem-\($0.id)", document: scoring.sheet($0, year: period.year)) }
                for s in evaluation.standings {
                    for sheet in s.scores where sheet.selfTotal != nil || sheet.items.contains(where: { $0.appraised != nil }) {
                        guard let table = tables.first(where: { $0.id == sheet.table }) else { continue }
                        out.append(
                            IssuedDocument(
                                name: "bang-diem-\(table.id)-\(s.participant.id)",
                                document: scoring.sheet(table, filled: sheet, participant: s.participant, year: period.year)))
                    }
                }
            }
        }
        // Names are built from plan and journal ids; refuse anything that could leave the output folder.
        for document in out where Identifier.problem(document.name) != nil {
            throw OfficeError(.damaged, "Tên tệp «\(document.name)» không hợp lệ (mã trong nhật ký hoặc kế hoạch bị sửa); không ghi gì.")
        }
        return out
    }
}
