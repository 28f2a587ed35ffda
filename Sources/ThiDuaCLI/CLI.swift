import Foundation
import ThiDuaCore

/// The `thidua` command line as a library: `main.swift` calls `CLI.main`, tests call `CLI.run`.
public enum CLI {
    /// The version printed by `--version`.
    public static let version = "0.1.0"

    static var commands: [any Command.Type] { [TypesCommand.self, CheckCommand.self, ShowCommand.self, DocCommand.self] }

    static var help: String {
        var out = "OVERVIEW: ThiDua — quản lý phong trào thi đua của UBND xã, phường: từ kế hoạch đến quyết định khen thưởng.\n\n"
        out += "USAGE: thidua <subcommand> [options]\n\nOPTIONS:\n"
        out += HelpFormat.row("--workspace <dir>", "Thư mục làm việc (mặc định: thư mục hiện tại).")
        out += HelpFormat.row("--version", "Hiện phiên bản.")
        out += HelpFormat.row("-h, --help", "Hiện trợ giúp này.")
        out += "\nSUBCOMMANDS:\n"
        out += commands.map { HelpFormat.row($0.name, $0.abstract) }.joined()
        out += "\n  Xem 'thidua help <subcommand>' để biết chi tiết từng lệnh.\n"
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
            console.error("Error: \(error.message)")
            if let help = error.help { console.error(help) }
            return error.code.rawValue
        }
    }

    static func dispatch(
        _ arguments: [String], console: Console, currentDirectory: String, registry: CampaignTypeRegistry
    ) throws(CLIError) -> ExitCode {
        var rest = arguments
        var workspacePath = currentDirectory
        if let i = rest.firstIndex(where: { $0 == "--workspace" || $0.hasPrefix("--workspace=") }) {
            if rest[i].hasPrefix("--workspace=") {
                workspacePath = String(rest[i].dropFirst("--workspace=".count))
                rest.remove(at: i)
            } else {
                guard i + 1 < rest.count else { throw .usage("Missing value for '--workspace <dir>'.") }
                workspacePath = rest[i + 1]
                rest.removeSubrange(i...(i + 1))
            }
        }
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
        let context = CommandContext(console: console, workspace: Workspace(root: root), registry: registry)
        return try command.run(parsed, context: context)
    }

    static func unknownSubcommand(_ name: String) -> CLIError {
        let guess = DidYouMean.suggestion(for: name, among: commands.map { $0.name })
        return .usage(
            "Unknown subcommand '\(name)'." + (guess.map { " Did you mean '\($0)'?" } ?? ""),
            help: "Xem 'thidua --help' để biết các lệnh.")
    }
}
