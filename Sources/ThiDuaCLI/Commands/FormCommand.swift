import Foundation
import ThiDuaCore
import ThiDuaRender

/// `thidua form <campaign> <form> --blank`: prints a blank form to fill.
enum FormCommand: Command {
    static let name = "form"
    static let abstract = "In biểu mẫu trống của chiến dịch: mẫu CSV để điền hoặc bản HTML để in."
    static let arguments = [("<campaign>", "Mã chiến dịch."), ("<form>", "Mã biểu mẫu (xem `thidua types`).")]
    static let options = [
        OptionSpec("--blank", help: "Biểu mẫu trống (mặc định)."),
        OptionSpec("--format", value: "format", help: "csv hoặc html (mặc định: csv).", choices: ["csv", "html"]),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard arguments.positionals.count == 2 else {
            throw .usage(arguments.positionals.count < 2 ? "Missing expected argument '\(arguments.positionals.isEmpty ? "<campaign>" : "<form>")'." : "Unexpected argument '\(arguments.positionals[2])'.", help: "Usage: \(usage)")
        }
        let (plan, type) = try CampaignLookup.load(arguments.positionals[0], context: context)
        let form = try lookupForm(arguments.positionals[1], plan: plan, type: type)
        if arguments.value("--format", default: "csv") == "html" {
            let year = FormDocumentBuilder.year(for: plan, today: context.today)
            context.console.print(HTMLRenderer().render(FormDocumentBuilder(plan: plan, form: form).build(year: year), title: form.title))
        } else {
            context.console.print(CSVWriter.write(header: SubmissionValidator.blankHeader(form), rows: []))
        }
        return .success
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
