import ThiDuaBase

/// Says at submit which period rows count for when it is not the year they were sent in: a
/// year-end report sent in January counts for the year its `year` field names, and the clerk is
/// told so.
public enum ReportingPeriodCheck {
    /// One warning per period that differs from the date's year, naming the lines.
    public static func warnings(rows: [SubmissionRow], form: FormSpec, submittedOn date: CivilDate, file: String) -> [Diagnostic] {
        guard !rows.isEmpty else { return [] }
        // Without a year field a row counts for the year it is sent: nothing can disagree.
        guard let yearField = form.fields.first(where: { $0.role == .year }) else { return [] }
        var byPeriod: [EvaluationPeriod: [Int]] = [:]
        for row in rows {
            let period = FactBase.period(of: row, form: form, submittedOn: date)
            if period.year != date.year { byPeriod[period, default: []].append(row.line) }
        }
        return byPeriod.keys.sorted().map { period in
            let lines = byPeriod[period] ?? []
            let shown = lines.prefix(8).map(String.init).joined(separator: ", ") + (lines.count > 8 ? "…" : "")
            let when = period.year < date.year ? "nộp sau kỳ báo cáo" : "nộp trước kỳ báo cáo"
            return Diagnostic(
                .warning, file: file, path: "cột «\(yearField.label)»",
                message:
                    "\(lines.count) dòng (dòng \(shown)) ghi \(period.vietnamese) nhưng nộp ngày \(date.vietnamese) (\(when)): số liệu được tính cho \(period.vietnamese), không phải năm \(date.year)",
                hint: "nếu năm ghi trên biểu mẫu sai, sửa bằng `thidua correct` sau khi nộp")
        }
    }
}
