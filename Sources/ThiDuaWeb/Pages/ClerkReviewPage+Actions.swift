import Foundation
import ThiDuaCore

/// The review's POSTs: open, tally sheet, close. Each reads its fields, calls `BackOffice` once
/// and redirects, or re-shows the review page with the refusal next to the field and the values kept.
extension ClerkReviewPage {
    /// Runs `action` on the campaign of the path; a refusal re-renders the page with `errors(error)`.
    static func act(
        _ context: RequestContext, values: [String: String], precheck: [FieldError] = [],
        errors mapping: (OfficeError) -> [FieldError], _ action: (BackOffice, OpenCampaign) throws(OfficeError) -> String
    ) -> Response {
        let campaign: OpenCampaign
        switch ClerkPages.open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let found): campaign = found
        }
        var errors = precheck
        if errors.isEmpty {
            do throws(OfficeError) {
                let code = try action(ClerkPages.office(context), campaign)
                return ClerkPages.done(context, campaign.plan.id, "/binh-xet", notice: code)
            } catch {
                errors = mapping(error)
            }
        }
        return .html(render(context, campaign: campaign, notice: "", values: values, errors: errors), status: ClerkPages.unprocessable)
    }

    /// POST …/binh-xet/mo (multipart from the page, urlencoded accepted): the members typed as a
    /// sheet, or a CSV/.xlsx file of them; the nominees are those the back office proposes.
    static let openReview: Handler = { _, context in
        var values: [String: String] = [:]
        for field in [periodField, membersField, dateField, placeField] {
            let text = context.multipart?[field]?.text ?? context.form[field] ?? ""
            values[field] = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var precheck: [FieldError] = []
        // A browser sends a textarea's line breaks as CR LF, and "\r\n" is one Character in Swift.
        let members = (values[membersField] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        var membersFile: InputFile?
        if let part = context.multipart?[membersFileField], let filename = part.filename, !filename.isEmpty {
            let name = ClerkRosterPage.displayName(filename)
            let ext = name.split(separator: ".").count > 1 ? name.split(separator: ".").last.map { $0.lowercased() } ?? "" : ""
            if !["csv", "xlsx"].contains(ext) {
                precheck.append(FieldError(field: membersFileField, message: "Tệp «\(name)» không phải CSV hay Excel (.xlsx); chỉ nhận tệp .csv, .xlsx"))
            } else if part.data.isEmpty {
                precheck.append(FieldError(field: membersFileField, message: "Tệp «\(name)» rỗng"))
            } else {
                membersFile = InputFile(name: name, bytes: part.data)
            }
        } else if members.split(separator: "\n").filter({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }).count < 2 {
            precheck.append(
                FieldError(field: membersField, message: "Nhập danh sách thành viên Hội đồng (mỗi dòng một người, dưới dòng tiêu đề) hoặc chọn tệp danh sách"))
        }
        let date = ClerkPages.date(values[dateField] ?? "", field: dateField, label: "Ngày họp", errors: &precheck)
        let period = values[periodField].flatMap { $0.isEmpty ? nil : $0 }
        let place = values[placeField].flatMap { $0.isEmpty ? nil : $0 }
        return act(
            context, values: values, precheck: precheck,
            errors: { error in
                // The members sheet's findings go to the sheet; the rest (period, nobody eligible) to the period.
                let onMembers = !error.details.isEmpty || error.message.contains("thành viên") || error.message.contains("Thành viên")
                let field = membersFile != nil && (onMembers || error.message.hasPrefix("Tệp ")) ? membersFileField : membersField
                return ClerkPages.errors(error, field: onMembers || field == membersFileField ? field : periodField)
            }
        ) { (office, campaign) throws(OfficeError) in
            let sheet = membersFile ?? InputFile(name: "Danh sách thành viên Hội đồng", bytes: Array(commaSeparated(members).utf8))
            _ = try office.openReview(
                campaign.plan.id, period: period, members: sheet, nominees: nil, meetingDate: date, place: place, as: ClerkPages.acting(context))
            return "mo-binh-xet"
        }
    }

    /// Cells pasted from a spreadsheet arrive separated by tabs: written as CSV (line for line,
    /// so the sheet's row numbers are the lines typed); text with commas is taken as it is.
    static func commaSeparated(_ typed: String) -> String {
        var lines = typed.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        guard let header = lines.first, header.contains("\t"), !header.contains(",") else { return typed }
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        let rows = lines.map { $0.components(separatedBy: "\t") }
        return CSVWriter.write(header: rows[0], rows: Array(rows.dropFirst()))
    }

    /// POST …/binh-xet/kiem-phieu: the counts typed per nominee become the tally sheet
    /// (Mã đề cử, Đồng ý, Không đồng ý, Không biểu quyết); a nominee left blank is not on it.
    static let tally: Handler = { _, context in
        guard case .success(let campaign) = ClerkPages.open(context) else { return Pages.notFound(context) }
        guard let review = campaign.state.openReview else {
            return .html(
                render(
                    context, campaign: campaign, notice: "", values: [:],
                    errors: [FieldError(field: periodField, message: "Chưa có phiên bình xét nào đang mở; không có gì để kiểm phiếu")]),
                status: ClerkPages.unprocessable)
        }
        var values: [String: String] = [:]
        var rows: [[String]] = []
        for nominee in review.nominees {
            let cells = ["dong-y", "khong-dong-y", "khong-bieu-quyet"].map { key -> String in
                let text = (context.form["\(key)-\(nominee.id)"] ?? "").trimmingCharacters(in: .whitespaces)
                values["\(key)-\(nominee.id)"] = text
                return text
            }
            if cells.contains(where: { !$0.isEmpty }) { rows.append([nominee.id] + cells) }
        }
        var precheck: [FieldError] = []
        if rows.isEmpty { precheck.append(FieldError(field: tallyField, message: "Nhập số phiếu của ít nhất một đề cử")) }
        let sheet = CSVWriter.write(header: ReviewSheets.tallyColumns.map(\.label), rows: rows)
        return act(context, values: values, precheck: precheck, errors: { tallyErrors($0, rows: rows) }) {
            (office, campaign) throws(OfficeError) in
            _ = try office.tally(campaign.plan.id, sheet: InputFile(name: "kết quả kiểm phiếu", bytes: Array(sheet.utf8)), as: ClerkPages.acting(context))
            return "kiem-phieu"
        }
    }

    /// The tally sheet's findings placed on the cell they name: row N of the sheet is the
    /// (N−1)th nominee sent, the column one of the three counts; the rest go on the table.
    static func tallyErrors(_ error: OfficeError, rows: [[String]]) -> [FieldError] {
        let keys = zip(ReviewSheets.tallyColumns.dropFirst().map(\.label), ["dong-y", "khong-dong-y", "khong-bieu-quyet"])
        var errors = [FieldError(field: tallyField, message: error.message)]
        for finding in error.details where finding.severity == .error {
            guard let line = finding.line, rows.indices.contains(line - 2) else {
                errors.append(FieldError(field: tallyField, message: ClerkPages.describe(finding)))
                continue
            }
            let nominee = rows[line - 2][0]
            let column = keys.first { finding.path?.contains("«\($0.0)»") == true }
            let place = "Đề cử \(nominee)" + (column.map { ", cột «\($0.0)»" } ?? "")
            errors.append(FieldError(field: column.map { "\($0.1)-\(nominee)" } ?? tallyField, message: "\(place): \(finding.message)"))
        }
        return errors
    }

    /// POST …/binh-xet/dong: the members ticked absent, and the meeting day if it changed.
    static let closeReview: Handler = { _, context in
        let absent = context.form.values("vang-mat")
        let dateText = (context.form[closeDateField] ?? "").trimmingCharacters(in: .whitespaces)
        let values = [closeField: absent.joined(separator: "\n"), closeDateField: dateText]
        var precheck: [FieldError] = []
        let date = ClerkPages.date(dateText, field: closeDateField, label: "Ngày họp", errors: &precheck)
        return act(context, values: values, precheck: precheck, errors: { ClerkPages.errors($0, field: closeField) }) {
            (office, campaign) throws(OfficeError) in
            // Left empty, the meeting is the day given at opening (as the form says), not the day the clerk closes.
            let day = date ?? campaign.state.openReview?.date
            _ = try office.closeReview(campaign.plan.id, absent: absent, meetingDate: day, as: ClerkPages.acting(context))
            return "dong-binh-xet"
        }
    }
}
