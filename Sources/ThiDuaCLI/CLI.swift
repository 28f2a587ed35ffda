import Foundation
import ThiDuaCore

/// The `thidua` command line as a library: `main.swift` calls `CLI.main`, tests call `CLI.run`.
public enum CLI {
    /// The version printed by `--version`.
    public static let version = ProgramIdentity.version

    static var commands: [any Command.Type] {
        [
            DemoCommand.self, InitCommand.self, TypesCommand.self, NewCommand.self, CheckCommand.self, ShowCommand.self, DocCommand.self, RosterCommand.self,
            EnrollCommand.self, LaunchCommand.self, FormCommand.self, SubmitCommand.self, CorrectCommand.self, EvidenceCommand.self,
            StatusCommand.self, DeadlinesCommand.self, EvaluateCommand.self, AppraiseCommand.self, ReviewCommand.self,
            LockCommand.self, UnlockCommand.self, WithdrawCommand.self, AmendCommand.self, DecideCommand.self, AwardsCommand.self, RecordCommand.self,
            CloseCommand.self, VerifyCommand.self, UserCommand.self, ServeCommand.self,
        ]
    }

    static var help: String {
        var out = "TỔNG QUAN: ThiDua — quản lý phong trào thi đua của UBND xã, phường: từ kế hoạch đến quyết định khen thưởng.\n\n"
        out += "CÁCH DÙNG: thidua <lệnh> [tùy chọn]\n\nTÙY CHỌN:\n"
        out += HelpFormat.row("--workspace <dir>", "Thư mục làm việc (mặc định: thư mục hiện tại).")
        out += HelpFormat.row("--today <date>", "Ngày tính hạn, dd/mm/yyyy (mặc định: hôm nay).")
        out += HelpFormat.row("--actor <name>", "Người thực hiện, ghi vào nhật ký.")
        out += HelpFormat.row("--version", "Hiện phiên bản.")
        out += HelpFormat.row("-h, --help", "Hiện trợ giúp này.")
        out += "\nLỆNH:\n"
        out += commands.map { HelpFormat.row($0.name, $0.abstract) }.joined()
        out += "\n  Xem 'thidua help <lệnh>' để biết chi tiết và ví dụ của từng lệnh.\n"
        return out
    }

    /// Runs with the process's arguments and streams, and exits.
    public static func main() -> Never {
        let code = run(Array(CommandLine.arguments.dropFirst()), console: .standard())
        exit(code)
    }

    /// Runs one command line; returns the exit code.
    public static func run(
        _ arguments: [String], console: Console, currentDirectory: String = FileManager.default.currentDirectoryPath,
        registry: CampaignTypeRegistry = CompiledTypes.registry
    ) -> Int32 {
        do {
            return try dispatch(arguments, console: console, currentDirectory: currentDirectory, registry: registry).rawValue
        } catch {
            console.error("Lỗi: \(error.message)")
            if let help = error.help { console.error(help) }
            return error.code.rawValue
        }
    }

    static func dispatch(
        _ arguments: [String], console: Console, currentDirectory: String, registry: CampaignTypeRegistry
    ) throws(CLIError) -> ExitCode {
        var rest = arguments
        let workspacePath = try takeGlobal("--workspace", "dir", from: &rest) ?? currentDirectory
        let todayText = try takeGlobal("--today", "date", from: &rest)
        let actorOption = try takeGlobal("--actor", "name", from: &rest)
        guard let first = rest.first else {
            console.print(help)
            return .success
        }
        if first == "--help" || first == "-h" {
            console.print(help)
            return .success
        }
        if first == "--version" {
            console.print(version)
            return .success
        }
        if first == "help" {
            guard rest.count > 1 else {
                console.print(help)
                return .success
            }
            guard let command = commands.first(where: { $0.name == rest[1] }) else {
                throw unknownSubcommand(rest[1])
            }
            console.print(command.help)
            return .success
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            throw unknownSubcommand(first)
        }
        let tail = Array(rest.dropFirst())
        if tail.contains("--help") || tail.contains("-h") {
            console.print(command.help)
            return .success
        }
        let parsed = try ParsedArguments(tail, specs: command.options, command: command.name)
        let root = URL(fileURLWithPath: workspacePath, relativeTo: URL(fileURLWithPath: currentDirectory + "/"))
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .failure("Thư mục làm việc «\(workspacePath)» không tồn tại.")
        }
        var today = Clock.today()
        if let todayText {
            guard let date = CivilDate(parsing: todayText) else {
                throw .usage("Giá trị «\(todayText)» không hợp lệ cho «--today <date>». Cần một ngày có thật dạng dd/mm/yyyy hoặc yyyy-mm-dd.")
            }
            today = date
        }
        let environment = ProcessInfo.processInfo.environment
        let actor = actorOption ?? environment["THIDUA_ACTOR"] ?? environment["USER"] ?? "không rõ"
        let workspace = Workspace(root: root)
        let context = CommandContext(
            console: console, workspace: workspace, registry: CompiledTypes.registry(for: workspace, base: registry), today: today,
            actor: actor, now: Clock.timestamp, currentDirectory: currentDirectory)
        return try command.run(parsed, context: context)
    }

    /// Removes a global option (anywhere on the line) and returns its value.
    static func takeGlobal(_ name: String, _ valueName: String, from arguments: inout [String]) throws(CLIError) -> String? {
        guard let i = arguments.firstIndex(where: { $0 == name || $0.hasPrefix(name + "=") }) else { return nil }
        if arguments[i].hasPrefix(name + "=") {
            let value = String(arguments[i].dropFirst(name.count + 1))
            arguments.remove(at: i)
            return value
        }
        guard i + 1 < arguments.count else { throw .usage("Thiếu giá trị cho «\(name) <\(valueName)>».") }
        let value = arguments[i + 1]
        arguments.removeSubrange(i...(i + 1))
        return value
    }

    static func unknownSubcommand(_ name: String) -> CLIError {
        let guess = DidYouMean.suggestion(for: name, among: commands.map { $0.name })
        return .usage(
            "Không có lệnh «\(name)»." + (guess.map { " Có phải ý bạn là «\($0)»?" } ?? ""),
            help: "Xem 'thidua --help' để biết các lệnh.")
    }
}
