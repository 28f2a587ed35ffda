import Foundation
import ThiDuaCore
import ThiDuaRender

/// `thidua form <campaign> <form> --blank`: prints a blank form to fill.
enum FormCommand: Command {
    static let name = "form"
    static let examples = [
        "thidua form minh-xuan-dvk-2026 dang-ky-mo-hinh > dang-ky.csv", "thidua form minh-xuan-dvk-2026 dang-ky-mo-hinh --format docx --out bieu-mau",
    ]
    static let abstract = "In biểu mẫu trống của phong trào: mẫu CSV hoặc Excel để điền, hoặc bản HTML, DOCX để in."
    static let arguments = [("<campaign>", "Mã phong trào."), ("<form>", "Mã biểu mẫu (xem `thidua types`).")]
    static let options = [
        OptionSpec("--blank", help: "Biểu mẫu trống (mặc định)."),
        OptionSpec("--format", value: "format", help: "csv, xlsx, html hoặc docx (mặc định: csv).", choices: ["csv", "xlsx", "html", "docx"]),
        OptionSpec("--out", value: "dir", help: "Thư mục ghi tệp (bắt buộc với docx; mặc định: in ra màn hình)."),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard arguments.positionals.count == 2 else {
            throw .usage(
                arguments.positionals.count < 2
                    ? "Thiếu tham số «\(arguments.positionals.isEmpty ? "<campaign>" : "<form>")»."
                    : "Thừa tham số «\(arguments.positionals[2])».", help: "Cách dùng: \(usage)")
        }
        let (plan, type) = try CampaignLookup.load(arguments.positionals[0], context: context)
        let form = try lookupForm(arguments.positionals[1], plan: plan, type: type)
        let format = arguments.value("--format", default: "csv")
        let year = FormDocumentBuilder.year(for: plan, today: context.today)
        let text: String
        switch format {
        case "html":
            text = HTMLRenderer().render(FormDocumentBuilder(plan: plan, form: form).build(year: year), title: form.title)
        case "docx":
            guard let out = arguments.values["--out"] else { throw .usage("Tệp docx không in ra màn hình được; thêm --out <thư mục>.") }
            let data: [UInt8]
            do {
                data = try DOCXRenderer().render(FormDocumentBuilder(plan: plan, form: form).build(year: year))
            } catch {
                throw .failure("Không tạo được tệp docx: \(error)")
            }
            try write(Data(data), name: "\(plan.id)-form-\(form.id).docx", out: out, context: context)
            return .success
        case "xlsx":
            guard let out = arguments.values["--out"] else { throw .usage("Tệp xlsx không in ra màn hình được; thêm --out <thư mục>.") }
            guard let book = try? SpreadsheetWriter.write(SpreadsheetExports.blankForm(form)) else { throw .failure("Không tạo được tệp xlsx.") }
            try write(Data(book), name: "\(plan.id)-form-\(form.id).xlsx", out: out, context: context)
            return .success
        default:
            text = CSVWriter.write(header: SubmissionValidator.blankHeader(form), rows: [])
        }
        if let out = arguments.values["--out"] {
            try write(Data(text.utf8), name: "\(plan.id)-form-\(form.id).\(format)", out: out, context: context)
        } else {
            context.console.print(text)
        }
        return .success
    }

    /// Writes one file into `out` (made if missing), whole or not at all.
    private static func write(_ data: Data, name: String, out: String, context: CommandContext) throws(CLIError) {
        let folder = context.userURL(out)
        let file = folder.appendingPathComponent(name)
        do {
            try AtomicFile.write(data, to: file)
        } catch {
            throw .failure("Không ghi được «\(file.path)»: \(error.localizedDescription)")
        }
        context.console.print("Đã ghi \(file.path)")
    }

    /// The type's form with that id, or a usage error listing the forms.
    static func lookupForm(_ id: String, plan: CampaignPlan, type: any CampaignType) throws(CLIError) -> FormSpec {
        let forms = ResolvedCampaign(plan: plan, type: type).definition.forms
        guard let form = forms.first(where: { $0.id == id }) else {
            let guess = DidYouMean.suggestion(for: id, among: forms.map(\.id))
            throw .usage(
                "Biểu mẫu «\(id)» không có trong loại «\(type.id)»; các biểu mẫu: \(forms.map(\.id).joined(separator: ", "))."
                    + (guess.map { " Có phải ý bạn là «\($0)»?" } ?? ""))
        }
        return form
    }
}
