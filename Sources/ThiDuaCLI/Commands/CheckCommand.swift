import Foundation
import ThiDuaCore

/// `thidua check [path…]`: validates campaign files (default: the workspace's campaigns/).
enum CheckCommand: Command {
    static let name = "check"
    static let abstract = "Kiểm tra các tệp chiến dịch (mặc định: mọi tệp trong campaigns/)."
    static let arguments = [("[<path> ...]", "Tệp .json hoặc thư mục cần kiểm tra.")]
    static let options = [OptionSpec("--format", value: "format", help: "text hoặc json (mặc định: text).", choices: ["text", "json"])]

    struct FileReport: Encodable {
        var file: String
        var valid: Bool
        var campaign: String?
        var type: String?
        var diagnostics: [Diagnostic]
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        let workspace = context.workspace
        var files: [URL] = []
        if arguments.positionals.isEmpty {
            files = workspace.campaignFiles()
            if files.isEmpty {
                throw .failure("Không có tệp chiến dịch nào trong \(workspace.display(workspace.campaignsFolder))/.")
            }
        }
        for path in arguments.positionals {
            let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/"))
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw .failure("Không tìm thấy «\(path)».")
            }
            files += isDirectory.boolValue ? Workspace.jsonFiles(in: url) : [url]
        }
        let loader = loader(context)
        let reports = files.map { url -> FileReport in
            let result = loader.load(path: url.path, displayName: workspace.display(url))
            return FileReport(
                file: result.file, valid: !result.diagnostics.hasErrors, campaign: result.plan?.id, type: result.plan?.type,
                diagnostics: result.diagnostics)
        }
        let failed = reports.filter { !$0.valid }.count
        if arguments.value("--format", default: "text") == "json" {
            context.console.print(JSONOutput.encode(reports))
        } else {
            for report in reports {
                let mark = report.valid ? "✓" : "✗"
                context.console.print("\(mark) \(report.file)" + (report.campaign.map { " — \($0) (\(report.type ?? "?"))" } ?? ""))
                for d in report.diagnostics { context.console.print("  " + d.rendered) }
            }
            let warnings = reports.reduce(0) { $0 + $1.diagnostics.filter { $0.severity == .warning }.count }
            context.console.print("\(reports.count) tệp: \(reports.count - failed) hợp lệ, \(failed) có lỗi, \(warnings) cảnh báo.")
        }
        return failed == 0 ? .success : .failure
    }
}
