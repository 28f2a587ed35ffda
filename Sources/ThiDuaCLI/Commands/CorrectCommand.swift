import Foundation
import ThiDuaCore

/// `thidua correct`: changes a recorded value with a reason, as a new event (old → new → reason).
enum CorrectCommand: Command {
    static let name = "correct"
    static let examples = [
        "thidua correct nam-gia-nghia-cchc-2026 --submission 5 --row 2 --field \"Kết quả\" --value 92,5 --reason \"Số liệu phần mềm một cửa ngày 30/11\""
    ]
    static let abstract = "Sửa một giá trị đã ghi nhận: ghi thêm sự kiện đính chính (giá trị cũ, giá trị mới, lý do), không sửa nhật ký."
    static let arguments = [("<campaign>", "Mã phong trào.")]
    static let options = [
        OptionSpec("--submission", value: "seq", help: "Số dòng nhật ký của lần nộp cần sửa."),
        OptionSpec("--row", value: "n", help: "Dòng dữ liệu trong lần nộp (bắt đầu từ 1)."),
        OptionSpec("--field", value: "id|label", help: "Trường cần sửa: mã trường, hoặc tên trường như trên biểu mẫu."),
        OptionSpec("--value", value: "text", help: "Giá trị mới, viết như trong biểu mẫu."),
        OptionSpec("--reason", value: "text", help: "Lý do sửa (bắt buộc)."),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let reference = arguments.positionals.first else { throw .usage("Thiếu tham số «<campaign>».", help: "Cách dùng: \(usage)") }
        for option in ["--submission", "--row", "--field", "--value", "--reason"] where arguments.values[option] == nil {
            throw .usage("Thiếu tùy chọn bắt buộc «\(option)».", help: "Cách dùng: \(usage)")
        }
        let reason = arguments.values["--reason"] ?? ""
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw .usage("Lý do sửa (--reason) không được để trống.") }
        guard let seq = Int(arguments.values["--submission"] ?? ""), let row = Int(arguments.values["--row"] ?? ""), row >= 1 else {
            throw .usage("--submission và --row cần số nguyên dương.")
        }
        context.warnAbout(reference)
        let result = try context.call { () throws(OfficeError) in
            try context.office.correct(
                reference, submission: seq, row: row, field: arguments.values["--field"] ?? "", value: arguments.values["--value"] ?? "",
                reason: reason, as: context.acting)
        }
        context.console.print(
            "Đã ghi đính chính (dòng \(result.seq)): \(result.field.label): \(result.old?.display ?? "(trống)") → \(result.new.display). Lý do: \(reason).")
        return .success
    }
}
