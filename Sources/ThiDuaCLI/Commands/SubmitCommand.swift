import Foundation
import ThiDuaCore

/// `thidua submit <campaign> <form> <file>`: records a filled form, all rows or none.
enum SubmitCommand: Command {
    static let name = "submit"
    static let examples = [
        "thidua submit minh-xuan-dvk-2026 dang-ky-mo-hinh dang-ky.csv --dry-run", "thidua submit minh-xuan-dvk-2026 dang-ky-mo-hinh dang-ky.csv",
    ]
    static let abstract = "Ghi nhận biểu mẫu đã điền (CSV, Excel hoặc JSON): kiểm tra mọi dòng, có lỗi thì không ghi gì."
    static let arguments = [("<campaign>", "Mã phong trào."), ("<form>", "Mã biểu mẫu."), ("<file>", "Tệp .csv (UTF-8), .xlsx hoặc .json.")]
    static let options = [
        OptionSpec("--from", value: "unit|person", help: "Đơn vị hoặc cá nhân nộp, khi biểu mẫu không có cột đơn vị/họ tên."),
        OptionSpec("--dry-run", help: "Chỉ kiểm tra tệp, không ghi gì."),
        OptionSpec("--again", help: "Ghi cả khi tệp giống hệt một lần nộp trước (mặc định: từ chối để tránh ghi trùng)."),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard arguments.positionals.count == 3 else {
            throw .usage(
                arguments.positionals.count < 3
                    ? "Thiếu tham số «\(["<campaign>", "<form>", "<file>"][arguments.positionals.count])»."
                    : "Thừa tham số «\(arguments.positionals[3])».", help: "Cách dùng: \(usage)")
        }
        let file = try context.readInput(arguments.positionals[2])
        let request = SubmissionRequest(
            form: arguments.positionals[1], file: file, from: arguments.values["--from"], dryRun: arguments.flags.contains("--dry-run"),
            again: arguments.flags.contains("--again"))
        context.warnAbout(arguments.positionals[0])
        let result = try context.call { () throws(OfficeError) in try context.office.submit(arguments.positionals[0], request, as: context.acting) }
        for d in result.warnings { context.console.error(d.rendered) }
        context.report(result.tornTail, campaign: result.campaign)
        var message =
            result.dryRun
            ? "Kiểm tra xong: \(result.rows.count) dòng của «\(result.form.title)» hợp lệ; chưa ghi gì (--dry-run)."
            : "Đã ghi nhận \(result.rows.count) dòng của «\(result.form.title)» cho «\(result.campaign.name)» (dòng \(result.seq) của nhật ký, người nộp: \(context.actor))."
        if let match = result.milestone, match.late { message += "\nNộp muộn: hạn «\(match.title)» là \(match.due.vietnamese)." }
        if !result.notEnrolled.isEmpty { message += "\nLưu ý: chưa ghi danh vào phong trào: \(result.notEnrolled.joined(separator: ", "))." }
        context.console.print(message)
        return .success
    }
}
