import Foundation
import ThiDuaCore

/// What every command receives: where to write, the workspace, the known types.
public struct CommandContext: Sendable {
    public var console: Console
    public var workspace: Workspace
    public var registry: CampaignTypeRegistry
    /// The day commands count for: `--today`, else the clock's date.
    public var today: CivilDate
    /// Who records events: `--actor`, else `THIDUA_ACTOR`, else the login name.
    public var actor: String
    /// The clock, for event times (ISO 8601, UTC).
    public var now: @Sendable () -> String
}

/// One subcommand of `thidua`, described in the manner of swift-argument-parser.
protocol Command {
    static var name: String { get }
    /// One line for the list of subcommands.
    static var abstract: String { get }
    /// ("<campaign>", "what it is") pairs for the ARGUMENTS section.
    static var arguments: [(String, String)] { get }
    static var options: [OptionSpec] { get }
    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode
}

extension Command {
    static var arguments: [(String, String)] { [] }

    static var usage: String {
        var parts = ["thidua", name] + arguments.map(\.0)
        parts += options.map { $0.takesValue ? "[\($0.name) <\($0.valueName)>]" : "[\($0.name)]" }
        return parts.joined(separator: " ")
    }

    static var help: String {
        var out = "OVERVIEW: \(abstract)\n\nUSAGE: \(usage)\n"
        if !arguments.isEmpty {
            out += "\nARGUMENTS:\n" + arguments.map { HelpFormat.row($0.0, $0.1) }.joined()
        }
        out += "\nOPTIONS:\n"
        out += options.map { HelpFormat.row($0.takesValue ? "\($0.name) <\($0.valueName)>" : $0.name, $0.help) }.joined()
        out += HelpFormat.row("--workspace <dir>", "Thư mục làm việc (mặc định: thư mục hiện tại).")
        out += HelpFormat.row("--today <date>", "Ngày tính hạn, dd/mm/yyyy (mặc định: hôm nay).")
        out += HelpFormat.row("--actor <name>", "Người thực hiện, ghi vào nhật ký.")
        out += HelpFormat.row("-h, --help", "Hiện trợ giúp này.")
        return out
    }

    /// The loader with the context's registry.
    static func loader(_ context: CommandContext) -> CampaignLoader { CampaignLoader(registry: context.registry) }
}

enum HelpFormat {
    static func row(_ name: String, _ help: String) -> String {
        let padded =
            name.count < 22 ? name + String(repeating: " ", count: 22 - name.count) : name + "\n" + String(repeating: " ", count: 24)
        return "  " + padded + help + "\n"
    }
}

/// The `--format` option shared by commands that scripts read.
enum OutputFormat: String {
    case text, json
}

/// JSON output for scripts: sorted keys, pretty, no escaped slashes.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Loads one campaign named by id or path, failing with the file's diagnostics.
enum CampaignLookup {
    static func load(_ reference: String, context: CommandContext) throws(CLIError) -> (CampaignPlan, any CampaignType) {
        guard let url = context.workspace.campaignFile(reference) else {
            let known = context.workspace.campaignIDs()
            let guess = DidYouMean.suggestion(for: reference, among: known)
            throw .failure(
                "Không tìm thấy chiến dịch «\(reference)» trong \(context.workspace.display(context.workspace.campaignsFolder))/. "
                    + (guess.map { "Có phải ý bạn là «\($0)»? " } ?? "")
                    + (known.isEmpty ? "Thư mục chưa có chiến dịch nào." : "Các chiến dịch: \(known.joined(separator: ", ")).")
            )
        }
        let result = CampaignLoader(registry: context.registry).load(path: url.path, displayName: context.workspace.display(url))
        guard let plan = result.validPlan, let type = context.registry.type(plan.type) else {
            let errors = result.diagnostics.filter { $0.severity == .error }.map(\.rendered)
            throw .failure("Tệp chiến dịch có lỗi; sửa rồi chạy lại:\n" + errors.joined(separator: "\n"))
        }
        // Blanks left by `thidua new` are listed by `check`; here one line says how many remain.
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        let blanks = warnings.filter(CampaignBlanks.isBlank)
        for warning in warnings where !CampaignBlanks.isBlank(warning) {
            context.console.error(warning.rendered)
        }
        if !blanks.isEmpty {
            context.console.error(
                "\(context.workspace.display(url)): cảnh báo: còn \(blanks.count) chỗ cần điền «\(CampaignTemplate.marker): …]»; "
                    + "xem `thidua check \(plan.id)`.")
        }
        return (plan, type)
    }
}
