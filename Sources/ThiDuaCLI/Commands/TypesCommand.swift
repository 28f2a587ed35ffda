import Foundation
import ThiDuaCore

/// `thidua types`: the campaign types this build knows, with their forms and report layouts.
enum TypesCommand: Command {
    static let name = "types"
    static let abstract = "Liệt kê các loại phong trào (mã, tên, biểu mẫu, mẫu báo cáo)."
    static let options = [OptionSpec("--format", value: "format", help: "text hoặc json (mặc định: text).", choices: ["text", "json"])]

    /// One type as `--format json` prints it: the definition, and for a declared type its file.
    struct Listing: Encodable {
        var definition: CampaignTypeDefinition
        /// The type file, for a type declared in the workspace's types/.
        var source: String?
        /// The errors of a type file that cannot be used.
        var problems: [Diagnostic]?

        enum CodingKeys: String, CodingKey { case source, unavailable, problems }

        func encode(to encoder: Encoder) throws {
            try definition.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeIfPresent(source, forKey: .source)
            if let problems {
                try c.encode(true, forKey: .unavailable)
                try c.encode(problems, forKey: .problems)
            }
        }
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        if let extra = arguments.positionals.first { throw .usage("Unexpected argument '\(extra)'.") }
        let declared = CompiledTypes.declaredTypes(in: context.workspace).files
        let listings = context.registry.types.map { type -> Listing in
            if let unavailable = type as? UnavailableDeclaredType {
                return Listing(definition: type.definition, source: unavailable.file, problems: unavailable.problems)
            }
            let file = type is DeclaredCampaignType ? declared.first { !$0.isBroken && $0.definition?.id == type.id }?.file : nil
            return Listing(definition: type.definition, source: file)
        }
        if arguments.value("--format", default: "text") == "json" {
            context.console.print(JSONOutput.encode(listings))
            return .success
        }
        var out = ""
        for listing in listings {
            let d = listing.definition
            if let problems = listing.problems, let source = listing.source {
                out += "\(d.id)\n  (khai báo trong \(source): tệp có \(problems.count) lỗi nên chưa dùng được; "
                out += "xem `thidua check \(source)`)\n\n"
                continue
            }
            out += "\(d.id)\n  \(d.title)\n  \(d.summary)\n"
            if let source = listing.source { out += "  Khai báo trong: \(source)\n" }
            out += "  Biểu mẫu: " + d.forms.map { "\($0.id) (\($0.title))" }.joined(separator: "; ") + "\n"
            out += "  Mẫu báo cáo: " + d.reports.map { "\($0.kind.rawValue) (\($0.sections.count) mục)" }.joined(separator: ", ") + "\n"
            out += "  Danh mục: \(d.indicators.count) chỉ tiêu, \(d.criteria.count) tiêu chí"
            if !d.fields.isEmpty { out += "; lĩnh vực: " + d.fields.map(\.id).joined(separator: ", ") }
            out += "\n\n"
        }
        out += "\(listings.count) loại phong trào."
        context.console.print(out)
        return .success
    }
}
