import ThiDuaBase

/// A filled form to record: the file, and who sent it when its rows do not say.
public struct SubmissionRequest: Sendable {
    public var form: String
    public var file: InputFile
    /// A unit or person (id or name) that sent it, when the form has no unit or name column.
    public var from: String?
    /// Check everything, record nothing.
    public var dryRun: Bool
    /// Record even when the same file was recorded before.
    public var again: Bool

    public init(form: String, file: InputFile, from: String? = nil, dryRun: Bool = false, again: Bool = false) {
        self.form = form
        self.file = file
        self.from = from
        self.dryRun = dryRun
        self.again = again
    }
}

/// What a submission recorded (or, on a dry run, would record).
public struct SubmissionResult: Sendable {
    public var campaign: CampaignPlan
    public var form: FormSpec
    public var rows: [SubmissionRow]
    /// The journal line; 0 on a dry run.
    public var seq: Int
    public var milestone: MilestoneMatch?
    /// Senders not enrolled in the campaign.
    public var notEnrolled: [String]
    public var warnings: [Diagnostic]
    public var dryRun: Bool
    public var tornTail: TornTail?
}

/// What a correction changed.
public struct CorrectionResult: Sendable {
    public var field: FieldSpec
    public var old: FieldValue?
    public var new: FieldValue
    public var reason: String
    public var seq: Int
}

extension BackOffice {
    /// Records a filled form (CSV or JSON), all rows or none, after checking every row against
    /// the form and the roster, the period locks, and that the same file was not sent before.
    public func submit(_ reference: String, _ request: SubmissionRequest, as context: ActionContext) throws(OfficeError) -> SubmissionResult {
        var result: SubmissionResult?
        let committed = try commit(reference, as: context) { (campaign) throws(OfficeError) in
            try submissionDrafts(campaign, request, as: context, result: &result)
        }
        return try Self.recorded(result, committed, reference)
    }

    /// The result of a recorded submission with the journal line it went to. A check that ended
    /// without a result is this program's fault, not the user's: said so, with what to do.
    static func recorded(_ result: SubmissionResult?, _ committed: Committed, _ reference: String) throws(OfficeError) -> SubmissionResult {
        guard var out = result else {
            throw OfficeError(
                .damaged,
                "Không ghi được lần nộp vào phong trào «\(reference)»: bước kiểm tra kết thúc mà không có kết quả (lỗi của chương trình). "
                    + "Chạy `thidua verify \(reference)` và `thidua status` để xem lần nộp đã được ghi chưa trước khi gửi lại.")
        }
        out.seq = committed.seq
        out.tornTail = committed.tornTail
        return out
    }

    /// The checks of `submit` on an opened campaign, and the event to append (none on a dry run).
    func submissionDrafts(
        _ campaign: OpenCampaign, _ request: SubmissionRequest, as context: ActionContext, result: inout SubmissionResult?
    ) throws(OfficeError) -> [JournalStore.Draft] {
        let form = try campaign.form(request.form)
        let file = request.file
        var rows: [SubmissionRow] = []
        var problems: [Diagnostic] = []
        if file.isJSON {
            (rows, problems) = SubmissionValidator.validate(json: file.bytes, form: form, roster: campaign.roster, file: file.name)
        } else if SpreadsheetReader.isSpreadsheet(path: file.name, bytes: file.bytes) {
            (rows, problems) = SubmissionValidator.validate(xlsx: file.bytes, form: form, roster: campaign.roster, file: file.name)
        } else {
            let (table, readProblems) = CSVReader.read(file.bytes, file: file.name)
            problems = readProblems
            if let table, !readProblems.hasErrors {
                let (found, more) = SubmissionValidator.validate(table: table, form: form, roster: campaign.roster, file: file.name)
                rows = found
                problems = readProblems + more
            }
        }
        var from = form.senders(of: rows)
        if let sender = request.from {
            if let unit = campaign.roster.unit(sender) {
                from = [unit.id]
            } else if let person = campaign.roster.person(sender) {
                from = [person.id]
            } else {
                problems.append(Diagnostic(.error, message: "«\(sender)» (người nộp) không có trong danh sách đơn vị, cá nhân"))
            }
        }
        if problems.hasErrors {
            throw OfficeError(
                .invalid,
                "Không ghi nhận gì: \(problems.filter { $0.severity == .error }.count) lỗi trong «\(file.name)». Sửa tất cả rồi nộp lại.",
                details: problems)
        }
        do throws(ActionError) {
            try CampaignActions.refuseLockedRows(campaign.state, form: form, rows: rows, date: context.today)
        } catch {
            throw OfficeError(error)
        }
        let hash = SHA256.hex(SHA256.hash(file.bytes))
        if !request.again, let earlier = campaign.state.submission(form: form.id, sourceHash: hash) {
            throw OfficeError(
                .refused,
                "Tệp «\(file.name)» giống hệt lần nộp ở dòng \(earlier.seq) của nhật ký (\(earlier.date.vietnamese), «\(earlier.source)»); "
                    + "không ghi lại lần nữa. Nếu thật sự cần nộp lại, dùng --again.")
        }
        problems += ReportingPeriodCheck.warnings(rows: rows, form: form, submittedOn: context.today, file: file.name)
        let match = MilestoneMatch.find(form: form.id, plan: campaign.plan, on: context.today)
        let notEnrolled = from.filter { !campaign.state.units.contains($0) && !campaign.state.people.contains($0) }
        result = SubmissionResult(
            campaign: campaign.plan, form: form, rows: rows, seq: 0, milestone: match, notEnrolled: notEnrolled, warnings: problems,
            dryRun: request.dryRun, tornTail: nil)
        if request.dryRun { return [] }
        let payload = SubmissionPayload(
            form: form.id, source: file.baseName, sourceHash: hash, from: from, milestone: match?.milestone, due: match?.due.iso,
            late: match?.late ?? false, rows: rows)
        return [try Self.draft(payload, context)]
    }

    /// Changes one recorded value with a reason, as a new event (old → new → reason).
    public func correct(
        _ reference: String, submission seq: Int, row: Int, field fieldName: String, value: String, reason: String,
        as context: ActionContext
    ) throws(OfficeError) -> CorrectionResult {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw OfficeError(.invalid, "Lý do sửa không được để trống.") }
        guard row >= 1 else { throw OfficeError(.invalid, "Dòng dữ liệu cần số nguyên dương (bắt đầu từ 1).") }
        var result: CorrectionResult?
        let committed = try commit(reference, as: context) { (campaign) throws(OfficeError) in
            let state = campaign.state
            guard let record = state.submissions.first(where: { $0.seq == seq }) else {
                throw OfficeError(
                    .notFound,
                    "Không có lần nộp nào ở dòng \(seq) của nhật ký; các lần nộp: \(state.submissions.map { String($0.seq) }.joined(separator: ", ")).")
            }
            guard record.rows.indices.contains(row - 1) else {
                throw OfficeError(.notFound, "Lần nộp ở dòng \(seq) chỉ có \(record.rows.count) dòng dữ liệu.")
            }
            let form = try campaign.form(record.form)
            let field = try Self.field(fieldName, in: form)
            let single = FormSpec(id: form.id, title: form.title, repeated: false, fields: [field])
            let table = CSVTable(header: [field.id], rows: [CSVRow(line: 2, fields: [value])])
            let (parsed, problems) = SubmissionValidator.validate(table: table, form: single, roster: campaign.roster, file: "giá trị mới")
            guard !problems.hasErrors, let newValue = parsed.first?.values[field.id] else {
                throw OfficeError(.invalid, "Giá trị mới không hợp lệ.", details: problems)
            }
            do throws(ActionError) {
                try CampaignActions.refuseLockedRows(state, form: form, rows: [record.rows[row - 1]], date: record.date)
            } catch {
                throw OfficeError(error)
            }
            let old = record.rows[row - 1].values[field.id]
            result = CorrectionResult(field: field, old: old, new: newValue, reason: reason, seq: 0)
            return [
                try Self.draft(
                    CorrectionPayload(submission: seq, row: row - 1, field: field.id, old: old, new: newValue, reason: reason), context)
            ]
        }
        guard var out = result else { throw OfficeError(.damaged, "Không ghi được đính chính.") }
        out.seq = committed.seq
        return out
    }

    /// The field named by its code, else its label exactly as the form prints it (NFC), else its
    /// label in any letter case; otherwise an error listing every field's code and label.
    public static func field(_ text: String, in form: FormSpec) throws(OfficeError) -> FieldSpec {
        let wanted = VietnameseText.nfc(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if let field = form.fields.first(where: { $0.id == wanted }) { return field }
        if let field = form.fields.first(where: { VietnameseText.nfc($0.label) == wanted }) { return field }
        let folded = form.fields.filter { VietnameseText.sameName($0.label, wanted) }
        if folded.count == 1, let field = folded.first { return field }
        let list = form.fields.map { "\($0.id) («\($0.label)»)" }.joined(separator: ", ")
        if folded.count > 1 {
            throw OfficeError(
                .argument,
                "«\(text)» là tên của \(folded.count) trường trong «\(form.id)»: \(folded.map(\.id).joined(separator: ", ")); ghi mã trường. Các trường (mã và tên): \(list)."
            )
        }
        let guess = VietnameseText.suggestion(for: wanted, among: form.fields.map(\.id) + form.fields.map(\.label))
        let hint = guess.map { " Có phải ý bạn là «\($0)»?" } ?? ""
        throw OfficeError(.argument, "Trường «\(text)» không có trong «\(form.id)»; ghi mã hoặc tên trường. Các trường (mã và tên): \(list).\(hint)")
    }
}

/// The milestone a submission answers: its due day this year (yearly) or its date.
public struct MilestoneMatch: Sendable {
    public var milestone: String
    public var title: String
    public var due: CivilDate
    public var late: Bool

    /// The earliest milestone of the form not yet past on `day`, else the latest one past. Only
    /// the occurrences the campaign owes count (a yearly due day before the plan began does not),
    /// and "trước ngày X" is late on X itself, as `thidua status` counts them.
    public static func find(form: String, plan: CampaignPlan, on day: CivilDate) -> MilestoneMatch? {
        var candidates: [MilestoneMatch] = []
        for milestone in plan.milestones where milestone.form == form {
            // A yearly due day answers in its own year, as before; a dated one whenever it falls.
            var yearly = false
            if case .yearly? = milestone.due { yearly = true }
            for due in CampaignStatus.occurrences(of: milestone, in: plan) where !yearly || due.year == day.year {
                candidates.append(
                    MilestoneMatch(milestone: milestone.id, title: milestone.title, due: due, late: day > milestone.lastDayInTime(due)))
            }
        }
        return candidates.filter { !$0.late }.min { $0.due < $1.due } ?? candidates.max { $0.due < $1.due }
    }
}
