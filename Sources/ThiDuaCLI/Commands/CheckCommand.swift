import Foundation
import ThiDuaCore

/// `thidua check [path…]`: validates campaign, directive and type files (default: the
/// workspace's campaigns/, directives/ and types/). A file is read as a directive or a type
/// when it lies in a folder named `directives` or `types`.
enum CheckCommand: Command {
    static let name = "check"
    static let examples = ["thidua check", "thidua check nam-gia-nghia-cchc-2026", "thidua check campaigns/minh-xuan-dvk-2026.json --format json"]
    static let abstract = "Kiểm tra các tệp phong trào, văn bản chỉ đạo và loại phong trào (mặc định: campaigns/, directives/, types/)."
    static let arguments = [("[<path> ...]", "Tệp .json hoặc thư mục cần kiểm tra.")]
    static let options = [
        OptionSpec("--format", value: "format", help: "text hoặc json (mặc định: text).", choices: ["text", "json"]),
        OptionSpec("--draft", help: "Kế hoạch còn là dự thảo: chỗ cần điền «[CẦN ĐIỀN: …]» chỉ là cảnh báo, không làm lệnh báo lỗi."),
    ]

    struct FileReport: Encodable {
        var file: String
        var valid: Bool
        var campaign: String?
        var type: String?
        /// The directive's id, for a directive file.
        var directive: String?
        /// "campaign", "directive" or "type".
        var kind: String = "campaign"
        var diagnostics: [Diagnostic]
        /// For `tables/issuer-kinds.json`: how many issuer kinds are known with it.
        var issuerKinds: Int? = nil
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        let workspace = context.workspace
        var files: [URL] = []
        if arguments.positionals.isEmpty {
            files = workspace.campaignFiles()
            files += Workspace.jsonFiles(in: workspace.directivesFolder) + Workspace.jsonFiles(in: workspace.typesFolder)
            // The issuer kinds plans name; a faulty table would silently leave the built-in list.
            if FileManager.default.fileExists(atPath: workspace.issuerKindsFile.path) { files.append(workspace.issuerKindsFile) }
            if files.isEmpty {
                throw .failure("Không có tệp phong trào nào trong \(workspace.display(workspace.campaignsFolder))/.")
            }
        }
        for path in arguments.positionals {
            let url = context.userURL(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                // A campaign may be named by its id, as in every other command.
                if let campaign = workspace.campaignFile(path) {
                    files.append(campaign)
                    continue
                }
                throw .failure(
                    "Không tìm thấy tệp hay phong trào «\(path)». "
                        + "Các phong trào: \(workspace.campaignIDs().joined(separator: ", ")).")
            }
            files += isDirectory.boolValue ? Workspace.jsonFiles(in: url) : [url]
        }
        let loader = loader(context)
        let reports = files.map { url -> FileReport in
            switch url.deletingLastPathComponent().lastPathComponent {
            case "directives": return directiveReport(url, workspace: workspace)
            case "types": return typeReport(url, workspace: workspace)
            default: break
            }
            if url.standardizedFileURL == workspace.issuerKindsFile.standardizedFileURL {
                let (kinds, diagnostics) = IssuerKindCatalogue.loading(at: url, displayName: workspace.display(url))
                return FileReport(
                    file: workspace.display(url), valid: !diagnostics.hasErrors, kind: "table", diagnostics: diagnostics,
                    issuerKinds: kinds.kinds.count)
            }
            let result = loader.load(path: url.path, displayName: workspace.display(url))
            return FileReport(
                file: result.file, valid: !result.diagnostics.hasErrors, campaign: result.plan?.id, type: result.plan?.type,
                diagnostics: result.diagnostics)
        }
        let failed = reports.filter { !$0.valid }.count
        // A plan that still holds blanks is not ready to issue: say so by the exit code, unless a draft.
        let blanks = reports.reduce(0) { $0 + $1.diagnostics.filter(CampaignBlanks.isBlank).count }
        let blanksFail = blanks > 0 && !arguments.flags.contains("--draft")
        if arguments.value("--format", default: "text") == "json" {
            context.console.print(JSONOutput.encode(reports))
        } else {
            for report in reports {
                let mark = report.valid ? "✓" : "✗"
                let what: String? =
                    switch report.kind {
                    case "directive": report.directive.map { " — văn bản chỉ đạo \($0)" }
                    case "type": report.type.map { " — loại phong trào \($0) (khai báo)" }
                    case "table": report.issuerKinds.map { " — danh mục \($0) loại cơ quan ban hành" }
                    default: report.campaign.map { " — \($0) (\(report.type ?? "?"))" }
                    }
                context.console.print("\(mark) \(report.file)" + (what ?? ""))
                for d in report.diagnostics { context.console.print("  " + d.rendered) }
            }
            let warnings = reports.reduce(0) { $0 + $1.diagnostics.filter { $0.severity == .warning }.count }
            context.console.print("\(reports.count) tệp: \(reports.count - failed) hợp lệ, \(failed) có lỗi, \(warnings) cảnh báo.")
            if blanksFail {
                context.console.print(
                    "Còn \(blanks) chỗ cần điền «\(CampaignTemplate.marker): …]»: kế hoạch chưa ban hành được. Điền xong rồi kiểm tra lại, hoặc thêm --draft khi còn là dự thảo."
                )
            }
        }
        return failed == 0 && !blanksFail ? .success : .failure
    }

    /// Checks a directive file together with the other files of its folder (parents, cycles).
    static func directiveReport(_ url: URL, workspace: Workspace) -> FileReport {
        let library = DirectiveLibrary.load(folder: url.deletingLastPathComponent(), display: workspace.display)
        let file = library.file(url.deletingPathExtension().lastPathComponent)
        let unreadable = Diagnostic(
            .error, file: workspace.display(url), message: "không đọc được tệp (không tồn tại hoặc không có quyền đọc)")
        let diagnostics = file?.diagnostics ?? [unreadable]
        return FileReport(
            file: workspace.display(url), valid: !diagnostics.hasErrors, directive: file?.directive?.id, kind: "directive",
            diagnostics: diagnostics)
    }

    /// Checks a type file: decoding, the type contract, its name, a clash with a compiled type.
    static func typeReport(_ url: URL, workspace: Workspace) -> FileReport {
        let name = workspace.display(url)
        let stem = url.deletingPathExtension().lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return FileReport(
                file: name, valid: false, kind: "type",
                diagnostics: [Diagnostic(.error, file: name, message: "không đọc được tệp (không tồn tại hoặc không có quyền đọc)")])
        }
        let result = DeclaredTypeSet.read(
            bytes: Array(data), file: name, stem: stem, compiled: CompiledTypes.registry, origins: CompiledTypes.origins)
        return FileReport(
            file: name, valid: !result.isBroken, type: result.definition?.id, kind: "type", diagnostics: result.diagnostics)
    }
}
