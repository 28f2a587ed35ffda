import Foundation
import ThiDuaCore
import ThiDuaRender

/// Writes a workbook for `--format xlsx`: to `--out FILE`, else to `<default>.xlsx` in the
/// current folder; never to the terminal (an .xlsx is binary). The file appears whole or not
/// at all (written to a temporary name, then renamed).
enum SpreadsheetOutput {
    /// The `--out` option of the list commands.
    static let outOption = OptionSpec("--out", value: "file", help: "Với --format xlsx: tệp cần ghi (mặc định: tên theo danh sách, trong thư mục hiện tại).")

    static func write(_ workbook: Workbook, arguments: ParsedArguments, defaultName: String, context: CommandContext) throws(CLIError) -> ExitCode {
        var path = arguments.values["--out"] ?? "\(defaultName).xlsx"
        if !path.lowercased().hasSuffix(".xlsx") { path += ".xlsx" }
        let url = context.userURL(path)
        let bytes: [UInt8]
        do {
            bytes = try SpreadsheetWriter.write(workbook)
        } catch {
            throw .failure("Không tạo được tệp xlsx: \(error)")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw .failure("Không ghi được «\(url.path)»: \(error.localizedDescription)")
        }
        let sheets = workbook.sheets.map { "«\($0.name)» (\($0.rows.count) dòng)" }.joined(separator: ", ")
        context.console.print("Đã ghi \(url.path): \(sheets)")
        return .success
    }
}
