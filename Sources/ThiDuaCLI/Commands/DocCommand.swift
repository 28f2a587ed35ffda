import Foundation
import ThiDuaCore
import ThiDuaRender

/// `thidua doc <campaign> <kind>`: issues a document of the campaign.
enum DocCommand: Command {
    static let name = "doc"
    static let examples = [
        "thidua doc minh-xuan-dvk-2026 plan --format docx --out van-ban", "thidua doc nam-gia-nghia-cchc-2026 --all --format docx --out ho-so",
        "thidua doc --year 2026 --format docx --out tong-hop",
    ]
    static let abstract = "Xuất văn bản của phong trào theo thể thức Nghị định 30/2020/NĐ-CP."
    static let arguments = [
        ("<campaign>", "Mã phong trào hoặc đường dẫn tệp (không ghi khi dùng --year)."),
        ("<kind>", "Loại văn bản: \(kindHelp)."),
    ]
    static let options = [
        OptionSpec(
            "--format", value: "format", help: "md, html, docx, csv hoặc xlsx (mặc định: md); csv, xlsx xuất các bảng của văn bản.",
            choices: ["md", "html", "docx", "csv", "xlsx"]),
        OptionSpec("--out", value: "dir", help: "Ghi vào thư mục này thay vì in ra màn hình."),
        OptionSpec("--all", help: "Mọi văn bản của phong trào (cần --out)."),
        OptionSpec("--form", value: "id", help: "Với form: mã biểu mẫu."),
        OptionSpec("--period", value: "period", help: "Kỳ của báo cáo, thành tích (mặc định: kỳ mới nhất có số liệu)."),
        OptionSpec(
            "--preprinted",
            help: "Với giay-khen: chỉ in phần chữ thay đổi (tên, lý do, số và ngày quyết định, địa danh và ngày, người ký) "
                + "vào đúng chỗ trên phôi giấy khen in sẵn; vị trí theo khóa «certificate» của kế hoạch."),
        OptionSpec(
            "--year", value: "yyyy",
            help: "Thay cho <campaign> <kind>: báo cáo tổng hợp kết quả thi đua, khen thưởng năm yyyy của mọi phong trào "
                + "(từng phong trào, quyết định, tiền thưởng, đối tượng được đề nghị nhiều lần), ví dụ: thidua doc --year 2026 --format docx --out out."),
    ]
    static let kinds = DocumentKind.allCases.map(\.rawValue)

    /// What each kind is, for help and errors.
    static let kindHelp =
        "plan (kế hoạch), form (biểu mẫu trống; --form <id>, mặc định mọi biểu mẫu), filled-forms (biểu mẫu đã nộp), so-ket, tong-ket (báo cáo), "
        + "bien-ban (biên bản họp bình xét), to-trinh, to-trinh-cap-tren, thanh-tich (báo cáo thành tích), quyet-dinh, giay-khen, bang-diem (bảng chấm điểm: mẫu trống và của từng đơn vị), xep-loai (bảng tổng hợp xếp loại), "
        + "cong-van (công văn đôn đốc các đơn vị chưa gửi những gì đã quá hạn)"

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        if let text = arguments.values["--year"] { return try yearSummary(text, arguments: arguments, context: context) }
        let all = arguments.flags.contains("--all")
        guard let reference = arguments.positionals.first, all || arguments.positionals.count >= 2 else {
            throw .usage("Thiếu tham số «\(arguments.positionals.isEmpty ? "<campaign>" : "<kind>")».", help: "Cách dùng: \(usage)")
        }
        if arguments.positionals.count > 2 { throw .usage("Thừa tham số «\(arguments.positionals[2])».") }
        let requested = all ? kinds : [arguments.positionals[1]]
        for kind in requested where !kinds.contains(kind) {
            let guess = DidYouMean.suggestion(for: kind, among: kinds)
            throw .usage("Loại văn bản «\(kind)» không có; các loại: \(kindHelp)." + (guess.map { " Có phải ý bạn là «\($0)»?" } ?? ""))
        }
        if arguments.flags.contains("--preprinted") && !all && requested != [DocumentKind.giayKhen.rawValue] {
            throw .usage("--preprinted chỉ dùng với giay-khen (in lên phôi giấy khen in sẵn).", help: "Cách dùng: \(usage)")
        }
        let format = arguments.value("--format", default: "md")
        let loaded = try context.open(reference)
        var documents: [(String, Document)] = []
        // The award history reads every campaign of the workspace: once, and only when a report needs it.
        let ledger = requested.contains("thanh-tich") ? try context.call { () throws(OfficeError) in try context.office.awardLedger() } : nil
        for kind in requested.compactMap(DocumentKind.init(rawValue:)) {
            documents += try DossierDocuments.documents(kind, campaign: loaded, ledger: ledger, arguments: arguments, context: context, strict: !all)
        }
        if all && format == "csv" {
            documents = documents.filter { !CSVRenderer().render($0.1).isEmpty }
        }
        let written = try issue(documents, prefix: "\(loaded.plan.id)-", format: format, arguments: arguments, context: context, quiet: all)
        if all, let (count, folder) = written {
            context.console.print("Đã ghi \(count) tệp \(format) của «\(loaded.plan.name)» vào \(folder.path)")
        }
        return .success
    }

    /// `thidua doc --year 2026`: the year's report across every campaign, named
    /// `tong-hop-khen-thuong-2026` when written to a folder.
    private static func yearSummary(_ text: String, arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let year = Int(text), year > 1900, year < 2200 else { throw .usage("--year «\(text)» không phải năm (yyyy).") }
        if let extra = arguments.positionals.first {
            throw .usage("Thừa tham số «\(extra)». --year tổng hợp mọi phong trào trong năm, không ghi <campaign> <kind>.", help: "Cách dùng: \(usage)")
        }
        for option in ["--all", "--form", "--period", "--preprinted"] where arguments.flags.contains(option) || arguments.values[option] != nil {
            throw .usage("\(option) không dùng cùng --year.", help: "Cách dùng: \(usage)")
        }
        let document = try context.call { () throws(OfficeError) in try context.office.yearSummary(year) }
        _ = try issue(
            [("tong-hop-khen-thuong-\(year)", document)], prefix: "", format: arguments.value("--format", default: "md"), arguments: arguments,
            context: context, quiet: false)
        return .success
    }

    /// Prints the one document, or writes every document to `--out` as `<prefix><name>.<format>`;
    /// returns how many files were written and where (nil when printed).
    private static func issue(
        _ documents: [(String, Document)], prefix: String, format: String, arguments: ParsedArguments, context: CommandContext, quiet: Bool
    ) throws(CLIError) -> (Int, URL)? {
        guard let outDir = arguments.values["--out"] else {
            guard documents.count == 1, let only = documents.first else {
                throw .usage("Có \(documents.count) văn bản; thêm --out <thư mục> để ghi ra tệp.")
            }
            context.console.print(try screenText(only.1, format: format, kind: only.0))
            return nil
        }
        let folder = context.userURL(outDir)
        // Every file is rendered first; a failure then writes nothing.
        var files: [(URL, Data)] = []
        for (name, document) in documents {
            for (suffix, data) in try fileContents(document, format: format, kind: name) {
                files.append((folder.appendingPathComponent("\(prefix)\(name)\(suffix).\(format)"), data))
            }
        }
        var written: [URL] = []
        for (file, data) in files {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try data.write(to: file, options: .atomic)
            } catch {
                // A set half written (a full disk) is worse than none: take back what this run wrote.
                for done in written { try? FileManager.default.removeItem(at: done) }
                throw .failure("Không ghi được «\(file.path)»: \(error.localizedDescription). Không giữ tệp nào của lần xuất này.")
            }
            written.append(file)
            if !quiet { context.console.print("Đã ghi \(file.path)") }
        }
        return (written.count, folder)
    }

    /// A file to write: the suffix of its name ("", "-2") and its bytes.
    typealias OutputFile = (suffix: String, data: Data)

    /// The files to write: one, or one per table for CSV.
    private static func fileContents(_ document: Document, format: String, kind: String) throws(CLIError) -> [OutputFile] {
        switch format {
        case "docx":
            do {
                return [("", Data(try DOCXRenderer().render(document)))]
            } catch {
                throw .failure("Không tạo được tệp docx: \(error)")
            }
        case "xlsx":
            do {
                return [("", Data(try SpreadsheetWriter.write(Workbook(document: document))))]
            } catch {
                throw .failure("Không tạo được tệp xlsx: \(error)")
            }
        case "csv":
            let tables = try csvTables(document, kind: kind)
            return tables.enumerated().map { (tables.count == 1 ? "" : "-\($0.offset + 1)", Data($0.element.utf8)) }
        default:
            return [("", Data(try screenText(document, format: format, kind: kind).utf8))]
        }
    }

    /// What prints without `--out`; a DOCX is binary and needs a file.
    private static func screenText(_ document: Document, format: String, kind: String) throws(CLIError) -> String {
        switch format {
        case "docx", "xlsx":
            throw .usage("Tệp \(format) không in ra màn hình được; thêm --out <thư mục>.")
        case "csv":
            // One stream: a single BOM at the start, the tables separated by an empty line.
            let tables = try csvTables(document, kind: kind)
            return tables.enumerated().map { index, csv in
                index == 0 ? csv : String(String.UnicodeScalarView(csv.unicodeScalars.drop { $0 == "\u{FEFF}" }))
            }.joined(separator: "\r\n")
        case "html":
            return HTMLRenderer().render(document)
        default:
            return MarkdownRenderer().render(document)
        }
    }

    private static func csvTables(_ document: Document, kind: String) throws(CLIError) -> [String] {
        let tables = CSVRenderer().render(document)
        guard !tables.isEmpty else {
            throw .failure("Văn bản «\(kind)» không có bảng nào để xuất CSV; dùng --format md, html hoặc docx.")
        }
        return tables
    }
}
