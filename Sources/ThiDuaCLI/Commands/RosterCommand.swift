import Foundation
import ThiDuaCore

/// `thidua roster import FILE…` and `thidua roster list`: the units and people every campaign draws on.
enum RosterCommand: Command {
    static let name = "roster"
    static let abstract = "Danh sách đơn vị và cá nhân: nhập từ CSV, Excel (.xlsx) hoặc JSON (import); xem hoặc xuất ra Excel (list)."
    static let arguments = [("<action>", "import <tệp> ... | list"), ("[<file> ...]", "Tệp CSV (UTF-8), Excel (.xlsx) hoặc JSON cần nhập.")]
    static let options = [
        OptionSpec("--format", value: "format", help: "Với list: text, json hoặc xlsx (mặc định: text).", choices: ["text", "json", "xlsx"]),
        SpreadsheetOutput.outOption,
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let action = arguments.positionals.first else { throw .usage("Missing expected argument '<action>'.", help: "Usage: \(usage)") }
        let files = Array(arguments.positionals.dropFirst())
        switch action {
        case "import":
            guard !files.isEmpty else { throw .usage("Missing expected argument '<file>'.", help: "Usage: \(usage)") }
            return try importFiles(files, context: context)
        case "list":
            if arguments.value("--format", default: "text") == "xlsx" {
                return try SpreadsheetOutput.write(
                    SpreadsheetExports.roster(try loadRoster(context)), arguments: arguments, defaultName: "danh-sach-don-vi-ca-nhan", context: context)
            }
            return try list(json: arguments.value("--format", default: "text") == "json", context: context)
        default:
            let guess = DidYouMean.suggestion(for: action, among: ["import", "list"])
            throw .usage("Unknown action '\(action)'." + (guess.map { " Did you mean '\($0)'?" } ?? ""), help: "Usage: \(usage)")
        }
    }

    static func loadRoster(_ context: CommandContext) throws(CLIError) -> Roster {
        do {
            return try context.workspace.loadRoster()
        } catch {
            throw .failure(error.message)
        }
    }

    /// Reads every file first; writes the merged roster only when none has an error.
    static func importFiles(_ paths: [String], context: CommandContext) throws(CLIError) -> ExitCode {
        let existing = try loadRoster(context)
        var units: [ThiDuaCore.Unit] = []
        var people: [Person] = []
        var problems: [Diagnostic] = []
        var peopleFiles: [(String, [UInt8])] = []
        var workbooks: [(file: String, bytes: [UInt8])] = []
        for path in paths {
            let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/"))
            guard let data = FileManager.default.contents(atPath: url.path) else {
                problems.append(Diagnostic(.error, file: path, message: "không đọc được tệp (không tồn tại hoặc không có quyền đọc)"))
                continue
            }
            let bytes = Array(data)
            if SpreadsheetReader.isSpreadsheet(path: path, bytes: bytes) {
                workbooks.append((path, bytes))  // after the CSV units, with people after all units
            } else if path.lowercased().hasSuffix(".json") {
                let (roster, found) = RosterImporter.json(bytes, file: path, existing: existing)
                problems += found
                units += roster?.units ?? []
                people += roster?.people ?? []
            } else if looksLikePeople(bytes) {
                peopleFiles.append((path, bytes))  // after the units, which people refer to
            } else {
                let (found, diagnostics) = RosterImporter.units(csv: bytes, file: path, existing: Roster(units: existing.units + units, people: []))
                problems += diagnostics
                units += found
            }
        }
        let found = RosterImporter.spreadsheets(workbooks, existing: Roster(units: existing.units, people: existing.people + people), units: units)
        (units, people, problems) = (units + found.units, people + found.people, problems + found.diagnostics)
        for (path, bytes) in peopleFiles {
            let (found, diagnostics) = RosterImporter.people(
                csv: bytes, file: path, existing: Roster(units: existing.units, people: existing.people + people), units: units)
            problems += diagnostics
            people += found
        }
        for d in problems { context.console.error(d.rendered) }
        if problems.hasErrors {
            throw .failure("Không nhập gì: sửa \(problems.filter { $0.severity == .error }.count) lỗi ở trên rồi chạy lại (danh sách cũ giữ nguyên).")
        }
        let merged = Roster(units: existing.units + units, people: existing.people + people)
        do {
            try context.workspace.saveRoster(merged)
        } catch {
            throw .failure(error.message)
        }
        context.console.print(
            "Đã nhập \(units.count) đơn vị, \(people.count) cá nhân vào \(context.workspace.display(context.workspace.rosterFile)) (tổng: \(merged.units.count) đơn vị, \(merged.people.count) cá nhân)."
        )
        return .success
    }

    /// A people CSV has a "Họ và tên" column; a units CSV has "Tên đơn vị".
    static func looksLikePeople(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).precomposedStringWithCanonicalMapping.lowercased()
        let firstLine = head.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? head
        return firstLine.contains("họ và tên")
    }

    static func list(json: Bool, context: CommandContext) throws(CLIError) -> ExitCode {
        let roster = try loadRoster(context)
        if json {
            context.console.print(JSONOutput.encode(roster))
            return .success
        }
        var out = "Đơn vị (\(roster.units.count)):\n"
        for unit in roster.units {
            out += "  \(unit.id): \(unit.name) [\(unit.kind.vietnamese)]" + (unit.parent.map { ", trực thuộc \($0)" } ?? "") + "\n"
        }
        out += "\nCá nhân (\(roster.people.count)):\n"
        for person in roster.people {
            out += "  \(person.id): \(person.name), \(person.position) — \(roster.unit(person.unit)?.name ?? person.unit)\n"
        }
        context.console.print(out)
        return .success
    }
}
