import Foundation
import ThiDuaCore
import ThiDuaRender

/// `thidua doc <campaign> <kind>`: issues a document of the campaign.
enum DocCommand: Command {
    static let name = "doc"
    static let abstract = "Xuất văn bản của chiến dịch theo thể thức Nghị định 30/2020/NĐ-CP."
    static let arguments = [
        ("<campaign>", "Mã chiến dịch hoặc đường dẫn tệp."),
        ("<kind>", "Loại văn bản: plan (kế hoạch)."),
    ]
    static let options = [
        OptionSpec("--format", value: "format", help: "md hoặc html (mặc định: md).", choices: ["md", "html"]),
        OptionSpec("--out", value: "dir", help: "Ghi vào thư mục này thay vì in ra màn hình."),
    ]
    static let kinds = ["plan"]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard arguments.positionals.count >= 2 else {
            throw .usage("Missing expected argument '\(arguments.positionals.isEmpty ? "<campaign>" : "<kind>")'.", help: "Usage: \(usage)")
        }
        if arguments.positionals.count > 2 { throw .usage("Unexpected argument '\(arguments.positionals[2])'.") }
        let kind = arguments.positionals[1]
        guard kinds.contains(kind) else {
            let guess = DidYouMean.suggestion(for: kind, among: kinds)
            throw .usage(
                "Loại văn bản «\(kind)» không có; các loại: \(kinds.joined(separator: ", "))."
                    + (guess.map { " Có phải ý bạn là «\($0)»?" } ?? ""))
        }
        let (plan, type) = try CampaignLookup.load(arguments.positionals[0], context: context)
        let document = PlanDocumentBuilder(plan: plan, type: type.definition).build()
        let format = arguments.value("--format", default: "md")
        let text = format == "html" ? HTMLRenderer().render(document) : MarkdownRenderer().render(document)
        guard let outDir = arguments.values["--out"] else {
            context.console.print(text)
            return .success
        }
        let folder = URL(fileURLWithPath: outDir, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/"))
        let file = folder.appendingPathComponent("\(plan.id)-\(kind).\(format)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file, options: .atomic)
        } catch {
            throw .failure("Không ghi được «\(file.path)»: \(error.localizedDescription)")
        }
        context.console.print("Đã ghi \(file.path)")
        return .success
    }
}
