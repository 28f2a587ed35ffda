import Foundation
import ThiDuaCore

/// `thidua types`: the campaign types this build knows, with their forms and report layouts.
enum TypesCommand: Command {
    static let name = "types"
    static let examples = ["thidua types", "thidua types --format json"]
    static let abstract = "Liệt kê các loại phong trào (mã, tên, biểu mẫu, mẫu báo cáo)."
    static let options = [OptionSpec("--format", value: "format", help: "text hoặc json (mặc định: text).", choices: ["text", "json"])]

    /// A form the host adds to every campaign, whatever its type (`HostForms`), built from the
    /// plan's criteria and indicators.
    struct CommonForm: Encodable, Equatable {
        var id: String
        var title: String
        /// Who fills it in, when it is one kind of participant.
        var filledBy: ParticipantKind?
        /// When a campaign has it, in Vietnamese.
        var when: String
        /// Always true: the form is common to every type.
        var common = true
    }

    /// The host forms, in the order a campaign's forms list them.
    static let commonForms = [
        CommonForm(
            id: HostForms.collectiveSelfAssessment, title: "Phiếu tự đánh giá của tập thể", filledBy: .collective,
            when: "khi kế hoạch có tiêu chí (hoặc nội dung cần xác nhận) cho tập thể"),
        CommonForm(
            id: HostForms.individualSelfAssessment, title: "Phiếu tự đánh giá của cá nhân", filledBy: .individual,
            when: "khi kế hoạch có tiêu chí (hoặc nội dung cần xác nhận) cho cá nhân"),
        CommonForm(
            id: HostForms.indicatorResults, title: "Biểu tổng hợp kết quả thực hiện chỉ tiêu", filledBy: nil,
            when: "khi kế hoạch có chỉ tiêu"),
    ]

    /// One type as `--format json` prints it: the definition, for a declared type its file, and
    /// the forms common to every type (`commonForms`, each marked `"common": true`).
    struct Listing: Encodable {
        var definition: CampaignTypeDefinition
        /// The type file, for a type declared in the workspace's types/.
        var source: String?
        /// The errors of a type file that cannot be used.
        var problems: [Diagnostic]?

        enum CodingKeys: String, CodingKey { case source, unavailable, problems, commonForms }

        func encode(to encoder: Encoder) throws {
            try definition.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeIfPresent(source, forKey: .source)
            if let problems {
                try c.encode(true, forKey: .unavailable)
                try c.encode(problems, forKey: .problems)
            }
            try c.encode(TypesCommand.commonForms, forKey: .commonForms)
        }
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        if let extra = arguments.positionals.first { throw .usage("Thừa tham số «\(extra)».") }
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
        out += "Biểu mẫu chung của mọi loại phong trào (lập từ tiêu chí, chỉ tiêu trong kế hoạch của từng phong trào):\n"
        for form in commonForms { out += "  \(form.id) (\(form.title)): \(form.when)\n" }
        out += "\n\(listings.count) loại phong trào."
        context.console.print(out)
        return .success
    }
}
