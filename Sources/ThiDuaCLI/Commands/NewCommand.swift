import Foundation
import ThiDuaCore

/// `thidua new <type> --id <id> [--directive <id>] [--year <yyyy>]`: writes a campaign file
/// with the type's catalogue, the directive's floors and marked blanks for the ward's own text.
enum NewCommand: Command {
    static let name = "new"
    static let abstract = "Tạo tệp kế hoạch mới theo một loại phong trào (và văn bản chỉ đạo), có đánh dấu chỗ cần điền."
    static let arguments = [("<type>", "Mã loại phong trào (xem `thidua types`).")]
    static let options = [
        OptionSpec("--id", value: "id", help: "Mã chiến dịch mới, cũng là tên tệp campaigns/<id>.json (bắt buộc)."),
        OptionSpec("--directive", value: "id", help: "Văn bản chỉ đạo trong directives/ mà kế hoạch thực hiện."),
        OptionSpec("--year", value: "yyyy", help: "Năm của kế hoạch (mặc định: năm của ngày hôm nay)."),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let typeID = arguments.positionals.first else { throw .usage("Missing expected argument '<type>'.", help: "Usage: \(usage)") }
        if arguments.positionals.count > 1 { throw .usage("Unexpected argument '\(arguments.positionals[1])'.") }
        guard let id = arguments.values["--id"] else {
            throw .usage("Missing expected argument '--id <id>'.", help: "Ví dụ: thidua new \(typeID) --id minh-xuan-\(typeID)-\(context.today.year)")
        }
        if let problem = Identifier.problem(id) { throw .failure("--id: \(problem).") }
        let type = try campaignType(typeID, context: context)
        let year = try year(arguments, context: context)
        // Read once: the chain comes from it, and the new file is checked against it.
        let library = DirectiveLibrary.load(folder: context.workspace.directivesFolder, display: context.workspace.display)
        let directives = try directiveChain(arguments.values["--directive"], library: library, context: context)

        let workspace = context.workspace
        let target = workspace.campaignsFolder.appendingPathComponent("\(id).json")
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw .failure("Đã có \(workspace.display(target)); không ghi đè. Chọn mã khác cho --id, hoặc xóa tệp cũ nếu thật sự muốn tạo lại.")
        }
        let template = CampaignTemplate(type: type.definition, id: id, year: year, directives: directives, today: context.today)
        let text = template.text()
        // The file must load before it is written: a template that does not is our bug, and the
        // official should not be the one to find it.
        let check = CampaignLoader(
            registry: context.registry, directives: library
        )
        .load(bytes: Array(text.utf8), file: workspace.display(target), expectedID: id)
        let errors = check.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, check.plan != nil else {
            throw .failure(
                "Không tạo được tệp kế hoạch cho loại «\(typeID)» (lỗi của ThiDua, xin báo lại):\n"
                    + errors.map(\.rendered).joined(separator: "\n"))
        }
        do {
            try AtomicFile.write(Data(text.utf8), to: target)
        } catch {
            throw .failure("Không ghi được \(workspace.display(target)): \(error.localizedDescription)")
        }
        let blanks = check.diagnostics.filter(CampaignBlanks.isBlank).count
        var out = "Đã tạo \(workspace.display(target)): kế hoạch «\(type.definition.title)» năm \(year)"
        out += directives.isEmpty ? "." : ", thực hiện " + directives.map { "\($0.shortName) của \($0.issuer.name)" }.joined(separator: ", ") + "."
        let summary = template.summary
        out += "\n- \(summary.indicators) chỉ tiêu, \(summary.criteria) tiêu chí lấy từ danh mục của loại phong trào"
        out += summary.targetsFromFloors > 0 ? "; \(summary.targetsFromFloors) mục tiêu đặt theo mức tối thiểu của văn bản chỉ đạo." : "."
        out += "\n- \(blanks) chỗ cần điền, đánh dấu «\(CampaignTemplate.marker): …]»."
        out += "\nTiếp theo: sửa tệp, rồi chạy `thidua check \(id)` để xem những chỗ còn thiếu; `thidua doc \(id) plan` để xem bản kế hoạch."
        context.console.print(out)
        return .success
    }

    private static func campaignType(_ typeID: String, context: CommandContext) throws(CLIError) -> any CampaignType {
        guard let type = context.registry.type(typeID) else {
            let known = context.registry.ids
            let guess = DidYouMean.suggestion(for: typeID, among: known)
            throw .failure(
                "Không có loại phong trào «\(typeID)». " + (guess.map { "Có phải ý bạn là «\($0)»? " } ?? "")
                    + "Các loại: \(known.joined(separator: ", ")).")
        }
        if let unavailable = type as? UnavailableDeclaredType {
            throw .failure("Loại phong trào «\(typeID)» khai báo trong \(unavailable.file) nhưng tệp có lỗi; chạy `thidua check \(unavailable.file)`.")
        }
        return type
    }

    private static func year(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> Int {
        guard let text = arguments.values["--year"] else { return context.today.year }
        guard let year = Int(text), (2000...2100).contains(year) else {
            throw .usage("The value '\(text)' is invalid for '--year <yyyy>'. Cần một năm từ 2000 đến 2100, ví dụ 2026.")
        }
        return year
    }

    /// The named directive and those above it, nearest first.
    private static func directiveChain(_ directiveID: String?, library: DirectiveLibrary, context: CommandContext) throws(CLIError) -> [Directive] {
        guard let directiveID else { return [] }
        let workspace = context.workspace
        guard let file = library.file(directiveID) else {
            let guess = DidYouMean.suggestion(for: directiveID, among: library.ids)
            throw .failure(
                "Không tìm thấy văn bản chỉ đạo «\(directiveID)» trong \(workspace.display(workspace.directivesFolder))/. "
                    + (guess.map { "Có phải ý bạn là «\($0)»? " } ?? "")
                    + (library.ids.isEmpty ? "Thư mục chưa có văn bản nào." : "Các văn bản: \(library.ids.joined(separator: ", ")).")
            )
        }
        guard !file.isBroken else {
            throw .failure("Tệp \(file.file) có lỗi; sửa rồi chạy lại (xem `thidua check \(file.file)`).")
        }
        let chain = library.chain(from: directiveID)
        if let broken = chain.first(where: \.isBroken) {
            throw .failure("Văn bản cấp trên \(broken.file) có lỗi; sửa rồi chạy lại (xem `thidua check \(broken.file)`).")
        }
        return chain.compactMap(\.directive)
    }
}
