import Foundation
import ThiDuaCore

/// `thidua init <dir>`: creates a workspace.
enum InitCommand: Command {
    static let name = "init"
    static let examples = ["thidua init phuong-minh-xuan"]
    static let abstract = "Tạo thư mục làm việc mới (campaigns, directives, types, roster, data, out)."
    static let arguments = [("<dir>", "Thư mục cần tạo (có thể đã tồn tại).")]
    static let options: [OptionSpec] = []

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let path = arguments.positionals.first else { throw .usage("Thiếu tham số «<dir>».", help: "Cách dùng: \(usage)") }
        let root = URL(fileURLWithPath: path, relativeTo: context.workspace.root)
        do {
            let workspace = try Workspace.create(at: root)
            context.console.print("Đã tạo thư mục làm việc \(workspace.root.path) với: \(Workspace.folders.joined(separator: ", ")).")
            context.console.print("Tiếp theo: chép tệp kế hoạch vào campaigns/ và nhập danh sách bằng `thidua roster import`.")
        } catch {
            throw .failure(error.message)
        }
        return .success
    }
}
