import ThiDuaCore

/// `thidua lock`: a period's results can no longer change.
enum LockCommand: Command {
    static let name = "lock"
    static let examples = ["thidua lock nam-gia-nghia-cchc-2026 --period 2026 --reason \"Đã tổng kết ngày 18/11/2026\""]
    static let abstract = "Khóa kết quả một kỳ sau sơ kết, tổng kết: từ đó mọi thay đổi kết quả kỳ này bị từ chối; ghi dấu tệp kế hoạch."
    static let arguments = [("<campaign>", "Mã phong trào.")]
    static let options = [
        OptionSpec("--period", value: "period", help: "Kỳ cần khóa: năm (2026) hoặc 6 tháng (2026-6t)."),
        OptionSpec("--reason", value: "text", help: "Ghi chú (ví dụ: đã tổng kết ngày …)."),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let reference = arguments.positionals.first else {
            throw .usage("Thiếu tham số «<campaign>».", help: "Cách dùng: \(usage)")
        }
        guard let period = arguments.values["--period"] else { throw .usage("Thiếu tùy chọn bắt buộc «--period».", help: "Cách dùng: \(usage)") }
        context.warnAbout(reference)
        let result = try context.call { () throws(OfficeError) in
            try context.office.lock(reference, period: period, reason: arguments.values["--reason"], as: context.acting)
        }
        let shown = EvaluationPeriod(parsing: period)?.vietnamese ?? period
        context.console.print("Đã khóa kết quả \(shown) (dòng \(result.seq)); từ nay không thể thay đổi kết quả kỳ này.")
        return .success
    }
}

/// `thidua unlock`: a locked period opened again, with the reason.
enum UnlockCommand: Command {
    static let name = "unlock"
    static let examples = ["thidua unlock nam-gia-nghia-cchc-2026 --period 2026 --reason \"Đính chính số liệu theo biên bản thẩm định\""]
    static let abstract = "Mở khóa kết quả một kỳ đã khóa (ví dụ để đính chính sau sơ kết); bắt buộc ghi lý do."
    static let arguments = [("<campaign>", "Mã phong trào.")]
    static let options = [
        OptionSpec("--period", value: "period", help: "Kỳ cần mở khóa: năm (2026) hoặc 6 tháng (2026-6t)."),
        OptionSpec("--reason", value: "text", help: "Lý do mở khóa (bắt buộc)."),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let reference = arguments.positionals.first else {
            throw .usage("Thiếu tham số «<campaign>».", help: "Cách dùng: \(usage)")
        }
        guard let period = arguments.values["--period"] else { throw .usage("Thiếu tùy chọn bắt buộc «--period».", help: "Cách dùng: \(usage)") }
        let reason = arguments.values["--reason"] ?? ""
        let result = try context.call { () throws(OfficeError) in
            try context.office.unlock(reference, period: period, reason: reason, as: context.acting)
        }
        let shown = EvaluationPeriod(parsing: period)?.vietnamese ?? period
        context.console.print("Đã mở khóa kết quả \(shown) (dòng \(result.seq)). Lý do: \(reason).")
        return .success
    }
}
