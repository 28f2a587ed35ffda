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
    /// The folder the command was run from: paths the user types resolve against it.
    public var currentDirectory: String

    /// The workspace's back office, through which every action and read goes.
    public var office: BackOffice { BackOffice(workspace: workspace, registry: registry) }

    /// Who acts, and when, for the back office.
    public var acting: ActionContext { ActionContext(actor: actor, today: today, now: now) }

    /// A path the user typed, resolved against the folder the command was run from.
    public func userURL(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"))
            .standardizedFileURL
    }

    /// Reads a file the user named.
    /// Its size is checked before any byte is read: a JSON file against the JSON limit, anything
    /// else against the CSV limit.
    public func readInput(_ path: String) throws(CLIError) -> InputFile {
        let limit = path.lowercased().hasSuffix(".json") ? InputLimits.rosterFile : InputLimits.csvFile
        switch UserFile.read(userURL(path).path, limit: limit) {
        case .success(let bytes): return InputFile(name: path, bytes: bytes)
        case .failure(let error): throw .failure("Không đọc được tệp «\(path)»: \(error.reason).")
        }
    }

    /// The CLI's form of a back-office refusal: the file findings go to standard error first.
    public func fail(_ error: OfficeError) -> CLIError {
        for detail in error.details { console.error(detail.rendered) }
        return error.kind == .argument ? .usage(error.message) : .failure(error.message)
    }

    /// Prints the warnings of a loaded plan: one line for the blanks left by `thidua new`.
    func warn(_ loaded: LoadedPlan) {
        for warning in loaded.otherWarnings { console.error(warning.rendered) }
        if loaded.blanks > 0 {
            console.error(
                "\(loaded.file): cảnh báo: còn \(loaded.blanks) chỗ cần điền «\(CampaignTemplate.marker): …]»; xem `thidua check \(loaded.plan.id)`.")
        }
    }

    /// Opens a campaign through the back office, printing its warnings.
    func open(_ reference: String) throws(CLIError) -> OpenCampaign {
        do {
            let campaign = try office.open(reference)
            warn(campaign.loaded)
            return campaign
        } catch {
            throw fail(error)
        }
    }

    /// Runs a back-office call, turning its refusal into the CLI's.
    func call<T>(_ body: () throws(OfficeError) -> T) throws(CLIError) -> T {
        do {
            return try body()
        } catch {
            throw fail(error)
        }
    }

    /// Prints the warnings of a campaign's file before an action on it (the action reads it again).
    func warnAbout(_ reference: String) {
        if let loaded = try? office.plan(reference) { warn(loaded) }
    }

    /// Reports a torn last line that was set aside before writing.
    func report(_ torn: TornTail?, campaign: CampaignPlan) {
        guard let torn else { return }
        console.error(
            "Cảnh báo: dòng cuối của nhật ký «\(campaign.id)» bị ghi dở (\(torn.bytes) byte, có lẽ do mất điện hoặc dừng đột ngột); đã chuyển sang \(torn.savedTo) để xem lại."
        )
    }
}

/// One subcommand of `thidua`, described in the manner of swift-argument-parser.
protocol Command {
    static var name: String { get }
    /// One line for the list of subcommands.
    static var abstract: String { get }
    /// ("<campaign>", "what it is") pairs for the ARGUMENTS section.
    static var arguments: [(String, String)] { get }
    static var options: [OptionSpec] { get }
    /// Command lines an official can copy, shown under VÍ DỤ in the help.
    static var examples: [String] { get }
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
        var out = "TỔNG QUAN: \(abstract)\n\nCÁCH DÙNG: \(usage)\n"
        if !arguments.isEmpty {
            out += "\nTHAM SỐ:\n" + arguments.map { HelpFormat.row($0.0, $0.1) }.joined()
        }
        out += "\nTÙY CHỌN:\n"
        out += options.map { HelpFormat.row($0.takesValue ? "\($0.name) <\($0.valueName)>" : $0.name, $0.help) }.joined()
        out += HelpFormat.row("--workspace <dir>", "Thư mục làm việc (mặc định: thư mục hiện tại).")
        out += HelpFormat.row("--today <date>", "Ngày tính hạn, dd/mm/yyyy (mặc định: hôm nay).")
        out += HelpFormat.row("--actor <name>", "Người thực hiện, ghi vào nhật ký.")
        out += HelpFormat.row("-h, --help", "Hiện trợ giúp này.")
        if !examples.isEmpty {
            out += "\nVÍ DỤ:\n" + examples.map { "  $ \($0)\n" }.joined()
        }
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
        let loaded = try context.call { () throws(OfficeError) in try context.office.plan(reference) }
        context.warn(loaded)
        return (loaded.plan, loaded.type)
    }
}
