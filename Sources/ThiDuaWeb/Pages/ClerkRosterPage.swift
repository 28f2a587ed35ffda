import Foundation
import ThiDuaCore

/// The roster (danh sách đơn vị, cá nhân): what it holds, and an upload of CSV or Excel files
/// imported all or nothing by `BackOffice.importRoster`; each finding names the file, the row
/// and the column.
enum ClerkRosterPage {
    static let fileField = "tep"
    /// One uploaded file at most this large (the whole request is bounded by `HTTPLimits.uploadBody`).
    static let maximumFileSize = 4 * 1024 * 1024
    /// At most this many files in one import.
    static let maximumFiles = 10
    static let allowedExtensions = ["csv", "xlsx", "json"]
    /// Rows shown on the page; the rest are counted.
    static let shownUnits = 300

    static func register(in router: inout Router) {
        router.get("/can-bo/danh-sach", access: ClerkPages.access, page)
        router.post("/can-bo/danh-sach", access: ClerkPages.access, upload)
    }

    static let page: Handler = { request, context in
        render(context, notice: ClerkPages.notice(request), errors: [], status: .ok)
    }

    static func render(_ context: RequestContext, notice: String, errors: [FieldError], status: HTTPStatus) -> Response {
        let roster: Roster
        do throws(OfficeError) {
            roster = try ClerkPages.office(context).roster()
        } catch {
            return Pages.serverError(context, message: error.message)
        }
        let hasError = errors.contains { $0.field == fileField }
        let action = context.site.link("/can-bo/danh-sach")
        let fields = """
            <div class="\(hasError ? "form-group form-group-error" : "form-group")">
            <label for="\(fileField)">Tệp danh sách (CSV, Excel .xlsx hoặc JSON)</label>
            <p id="\(fileField)-goi-y" class="hint">Tệp đơn vị có cột «Tên đơn vị»; tệp cá nhân có cột «Họ và tên». Chọn được nhiều tệp một lần (tối đa \(maximumFiles) tệp, mỗi tệp tối đa \(maximumFileSize / 1024 / 1024) MB). Có lỗi thì không nhập gì, danh sách cũ giữ nguyên.</p>
            \(Layout.inlineError(errors, field: fileField))
            <input type="file" id="\(fileField)" name="\(fileField)" multiple accept=".csv,.xlsx,.json" aria-describedby="\(fileField)-goi-y\(hasError ? " \(fileField)-loi" : "")">
            </div>
            """
        let people = Dictionary(grouping: roster.people, by: \.unit).mapValues(\.count)
        let rows = roster.units.prefix(shownUnits).map { unit in
            "<tr><td>\(HTML.escape(unit.name))</td><td>\(HTML.escape(unit.id))</td><td>\(people[unit.id] ?? 0)</td></tr>"
        }
        let table =
            roster.units.isEmpty
            ? "<p>Chưa có đơn vị nào trong danh sách.</p>"
            : """
            <table>
            <caption>Đơn vị trong danh sách\(roster.units.count > shownUnits ? " (\(shownUnits) đơn vị đầu)" : "")</caption>
            <thead><tr><th scope="col">Tên đơn vị</th><th scope="col">Mã</th><th scope="col">Số cá nhân</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            """
        let main = """
            \(Layout.errorSummary(errors))\(notice)<p><a href="\(HTML.escape(context.site.link("/can-bo/phong-trao")))">← Công việc của cán bộ thi đua</a></p>
            <h1>Danh sách đơn vị, cá nhân</h1>
            <p>Danh sách có \(roster.units.count) đơn vị và \(roster.people.count) cá nhân.</p>
            <h2>Nhập thêm từ tệp</h2>
            \(ClerkPages.form(context, action: action, button: "Nhập danh sách", fields: fields, multipart: true))
            <h2>Các đơn vị</h2>
            \(table)
            """
        return .html(Layout.page(title: "Danh sách đơn vị, cá nhân", context: context, hasErrors: !errors.isEmpty, main: main), status: status)
    }

    /// The upload's own name, reduced to its last part: used in messages only, never as a path.
    static func displayName(_ filename: String) -> String {
        let last = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        return cleaned.isEmpty ? "tệp không tên" : String(cleaned.prefix(120))
    }

    /// POST /can-bo/danh-sach (multipart): the files checked for count, size and kind, then imported.
    static let upload: Handler = { _, context in
        guard let multipart = context.multipart else {
            return render(
                context, notice: "", errors: [FieldError(field: fileField, message: "Chọn tệp danh sách để nhập (biểu mẫu gửi tệp)")],
                status: ClerkPages.unprocessable)
        }
        let parts = multipart.parts.filter { $0.name == fileField && !($0.filename ?? "").isEmpty }
        var errors: [FieldError] = []
        if parts.isEmpty { errors.append(FieldError(field: fileField, message: "Chọn ít nhất một tệp danh sách để nhập")) }
        if parts.count > maximumFiles {
            errors.append(FieldError(field: fileField, message: "Chọn nhiều nhất \(maximumFiles) tệp một lần; đã chọn \(parts.count)"))
        }
        var files: [InputFile] = []
        for part in parts.prefix(maximumFiles) {
            let name = displayName(part.filename ?? "")
            let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
            if !allowedExtensions.contains(ext) || name.split(separator: ".").count < 2 {
                errors.append(FieldError(field: fileField, message: "Tệp «\(name)» không phải CSV, Excel (.xlsx) hay JSON; chỉ nhận tệp .csv, .xlsx, .json"))
            } else if part.data.isEmpty {
                errors.append(FieldError(field: fileField, message: "Tệp «\(name)» rỗng"))
            } else if part.data.count > maximumFileSize {
                errors.append(
                    FieldError(field: fileField, message: "Tệp «\(name)» lớn quá \(maximumFileSize / 1024 / 1024) MB; tách thành nhiều tệp nhỏ hơn"))
            } else if ext == "xlsx" && !part.data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                errors.append(
                    FieldError(field: fileField, message: "Tệp «\(name)» có đuôi .xlsx nhưng không phải tệp Excel; lưu lại bằng Excel hoặc LibreOffice Calc"))
            } else {
                files.append(InputFile(name: name, bytes: part.data))
            }
        }
        guard errors.isEmpty else { return render(context, notice: "", errors: errors, status: ClerkPages.unprocessable) }
        do throws(OfficeError) {
            _ = try ClerkPages.office(context).importRoster(files)
        } catch {
            return render(context, notice: "", errors: ClerkPages.errors(error, field: fileField), status: ClerkPages.unprocessable)
        }
        return .redirect(to: context.site.link("/can-bo/danh-sach?da=nhap-danh-sach"))
    }
}
