import ThiDuaCore

/// `thidua types`: the campaign types this build knows, with their forms and report layouts.
enum TypesCommand: Command {
    static let name = "types"
    static let abstract = "Liệt kê các loại phong trào (mã, tên, biểu mẫu, mẫu báo cáo)."
    static let options = [OptionSpec("--format", value: "format", help: "text hoặc json (mặc định: text).", choices: ["text", "json"])]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        if let extra = arguments.positionals.first { throw .usage("Unexpected argument '\(extra)'.") }
        let definitions = context.registry.types.map(\.definition)
        if arguments.value("--format", default: "text") == "json" {
            context.console.print(JSONOutput.encode(definitions))
            return .success
        }
        var out = ""
        for d in definitions {
            out += "\(d.id)\n  \(d.title)\n  \(d.summary)\n"
            out += "  Biểu mẫu: " + d.forms.map { "\($0.id) (\($0.title))" }.joined(separator: "; ") + "\n"
            out += "  Mẫu báo cáo: " + d.reports.map { "\($0.kind.rawValue) (\($0.sections.count) mục)" }.joined(separator: ", ") + "\n"
            out += "  Danh mục: \(d.indicators.count) chỉ tiêu, \(d.criteria.count) tiêu chí"
            if !d.fields.isEmpty { out += "; lĩnh vực: " + d.fields.map(\.id).joined(separator: ", ") }
            out += "\n\n"
        }
        out += "\(definitions.count) loại phong trào."
        context.console.print(out)
        return .success
    }
}
