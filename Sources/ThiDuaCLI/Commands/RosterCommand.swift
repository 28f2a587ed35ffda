import Foundation
import ThiDuaCore
import ThiDuaRender

/// `thidua roster import FILE…` and `thidua roster list`: the units and people every campaign draws on.
enum RosterCommand: Command {
    static let name = "roster"
    static let examples = ["thidua roster import don-vi.csv ca-nhan.csv", "thidua roster import danh-sach.xlsx", "thidua roster list --format xlsx"]
    static let abstract = "Danh sách đơn vị và cá nhân: nhập từ CSV, Excel (.xlsx) hoặc JSON (import); xem hoặc xuất ra Excel (list)."
    static let arguments = [("<action>", "import <tệp> ... | list"), ("[<file> ...]", "Tệp CSV (UTF-8), Excel (.xlsx) hoặc JSON cần nhập.")]
    static let options = [
        OptionSpec("--format", value: "format", help: "Với list: text, json hoặc xlsx (mặc định: text).", choices: ["text", "json", "xlsx"]),
        SpreadsheetOutput.outOption,
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let action = arguments.positionals.first else { throw .usage("Thiếu tham số «<action>».", help: "Cách dùng: \(usage)") }
        let files = Array(arguments.positionals.dropFirst())
        switch action {
        case "import":
            guard !files.isEmpty else { throw .usage("Thiếu tham số «<file>».", help: "Cách dùng: \(usage)") }
            return try importFiles(files, context: context)
        case "list":
            if arguments.value("--format", default: "text") == "xlsx" {
                return try SpreadsheetOutput.write(
                    SpreadsheetExports.roster(try loadRoster(context), figures: context.office.workspace.unitKinds().kinds.figures), arguments: arguments,
                    defaultName: "danh-sach-don-vi-ca-nhan", context: context)
            }
            return try list(json: arguments.value("--format", default: "text") == "json", context: context)
        default:
            let guess = DidYouMean.suggestion(for: action, among: ["import", "list"])
            throw .usage("Không có thao tác «\(action)»." + (guess.map { " Có phải ý bạn là «\($0)»?" } ?? ""), help: "Cách dùng: \(usage)")
        }
    }

    static func loadRoster(_ context: CommandContext) throws(CLIError) -> Roster {
        try context.call { () throws(OfficeError) in try context.office.roster() }
    }

    /// Reads every file first; the back office writes the merged roster only when none has an error.
    static func importFiles(_ paths: [String], context: CommandContext) throws(CLIError) -> ExitCode {
        var files: [InputFile] = []
        var unreadable: [Diagnostic] = []
        for path in paths {
            let limit = path.lowercased().hasSuffix(".json") ? InputLimits.rosterFile : InputLimits.csvFile
            switch UserFile.read(context.userURL(path).path, limit: limit) {
            case .success(let bytes): files.append(InputFile(name: path, bytes: bytes))
            case .failure(let error): unreadable.append(Diagnostic(.error, file: path, message: "không đọc được tệp: \(error.reason)"))
            }
        }
        if !unreadable.isEmpty {
            for d in unreadable { context.console.error(d.rendered) }
            throw .failure("Không nhập gì: sửa \(unreadable.count) lỗi ở trên rồi chạy lại (danh sách cũ giữ nguyên).")
        }
        let result = try context.call { () throws(OfficeError) in try context.office.importRoster(files) }
        for d in result.warnings { context.console.error(d.rendered) }
        context.console.print(
            "Đã nhập \(result.units) đơn vị, \(result.people) cá nhân vào \(context.workspace.display(context.workspace.rosterFile)) (tổng: \(result.roster.units.count) đơn vị, \(result.roster.people.count) cá nhân)."
        )
        return .success
    }

    static func list(json: Bool, context: CommandContext) throws(CLIError) -> ExitCode {
        let roster = try loadRoster(context)
        if json {
            context.console.print(JSONOutput.encode(roster))
            return .success
        }
        let figures = context.office.workspace.unitKinds().kinds.figures
        var out = "Đơn vị (\(roster.units.count)):\n"
        for unit in roster.units {
            let shown = figures.compactMap { f in
                unit.figures?[f.id].map { "\(f.label): \($0 == $0.rounded() && abs($0) < 1e15 ? Numbers.grouped(Int($0)) : Numbers.vietnamese($0))" }
            }
            out +=
                "  \(unit.id): \(unit.name) [\(unit.kind.vietnamese)]" + (unit.parent.map { ", trực thuộc \($0)" } ?? "")
                + (shown.isEmpty ? "" : "; " + shown.joined(separator: "; ")) + "\n"
        }
        out += "\nCá nhân (\(roster.people.count)):\n"
        for person in roster.people {
            out += "  \(person.id): \(person.name), \(person.position) — \(roster.unit(person.unit)?.name ?? person.unit)\n"
        }
        context.console.print(out)
        return .success
    }
}
