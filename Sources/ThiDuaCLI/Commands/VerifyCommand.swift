import ThiDuaCore

/// `thidua verify [campaign]`: walks every journal's chain.
enum VerifyCommand: Command {
    static let name = "verify"
    static let examples = ["thidua verify", "thidua verify nam-gia-nghia-cchc-2026"]
    static let abstract = "Kiểm tra chuỗi mã băm của nhật ký từng phong trào; chỉ ra dòng đầu tiên không khớp."
    static let arguments = [("[<campaign>]", "Chỉ kiểm tra nhật ký của phong trào này.")]
    static let options = [OptionSpec("--format", value: "format", help: "text hoặc json (mặc định: text).", choices: ["text", "json"])]

    struct Report: Encodable {
        var campaign: String
        var file: String
        var lines: Int
        var valid: Bool
        var failedLine: Int?
        var reason: String?
        var tornBytes: Int
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        let ids: [String]
        if let id = arguments.positionals.first {
            if let problem = Identifier.problem(id) { throw .usage("Mã phong trào không hợp lệ: \(problem).") }
            ids = [id]
            guard context.workspace.journal(for: id).exists else {
                throw .failure("Phong trào «\(id)» chưa có nhật ký (\(context.workspace.journal(for: id).displayName)).")
            }
        } else {
            ids = context.workspace.journalIDs()
        }
        var reports: [Report] = []
        for id in ids {
            let store = context.workspace.journal(for: id)
            do {
                let r = try store.verify()
                reports.append(
                    Report(
                        campaign: id, file: store.displayName, lines: r.lines, valid: r.isValid, failedLine: r.failure?.line, reason: r.failure?.reason,
                        tornBytes: r.tornBytes))
            } catch {
                throw .failure(error.rendered)
            }
        }
        if arguments.value("--format", default: "text") == "json" {
            context.console.print(JSONOutput.encode(reports))
        } else {
            if reports.isEmpty { context.console.print("Chưa có nhật ký nào trong data/.") }
            for r in reports {
                if let line = r.failedLine {
                    context.console.print("✗ \(r.file): dòng \(line): \(r.reason ?? "")")
                } else {
                    context.console.print("✓ \(r.file): \(r.lines) dòng, chuỗi mã băm hợp lệ")
                }
                if r.tornBytes > 0 {
                    context.console.print("  cảnh báo: \(r.tornBytes) byte cuối tệp là dòng ghi dở (sẽ được chuyển sang .torn ở lần ghi sau)")
                }
            }
        }
        return reports.allSatisfy(\.valid) ? .success : .failure
    }
}
