import ThiDuaCore

/// Records a phase change (`launch`, `close`) in a campaign's journal.
enum PhaseChange {
    static func record(_ kind: EventKind, arguments: ParsedArguments, context: CommandContext, usage: String) throws(CLIError) -> ExitCode {
        guard let reference = arguments.positionals.first else { throw .usage("Thiếu tham số «<campaign>».", help: "Cách dùng: \(usage)") }
        context.warnAbout(reference)
        let office = context.office
        let result = try context.call { () throws(OfficeError) in
            kind == .launch ? try office.launch(reference, as: context.acting) : try office.close(reference, as: context.acting)
        }
        context.report(result.tornTail, campaign: result.campaign)
        let word = kind == .launch ? "phát động" : "kết thúc"
        context.console.print("Đã ghi nhận \(word) phong trào «\(result.campaign.name)» ngày \(context.today.vietnamese) (dòng \(result.seq) của nhật ký).")
        return .success
    }
}

/// `thidua launch <campaign>`.
enum LaunchCommand: Command {
    static let name = "launch"
    static let examples = ["thidua launch nam-gia-nghia-cchc-2026 --today 10/03/2026"]
    static let abstract = "Ghi nhận phong trào đã được phát động (kế hoạch đã ký, ban hành); ghi dấu tệp kế hoạch vào nhật ký."
    static let arguments = [("<campaign>", "Mã phong trào.")]
    static let options: [OptionSpec] = []

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        try PhaseChange.record(.launch, arguments: arguments, context: context, usage: usage)
    }
}

/// `thidua close <campaign>`.
enum CloseCommand: Command {
    static let name = "close"
    static let examples = ["thidua close nam-gia-nghia-cchc-2026 --today 20/12/2026"]
    static let abstract = "Ghi nhận phong trào đã kết thúc (sau tổng kết)."
    static let arguments = [("<campaign>", "Mã phong trào.")]
    static let options: [OptionSpec] = []

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        try PhaseChange.record(.close, arguments: arguments, context: context, usage: usage)
    }
}

/// `thidua withdraw <campaign>`: units or people leave a campaign, with the reason.
enum WithdrawCommand: Command {
    static let name = "withdraw"
    static let examples = ["thidua withdraw minh-xuan-dvk-2026 --people \"Lê Văn Tâm\" --reason \"Chuyển công tác từ 01/7/2026\""]
    static let abstract = "Rút đơn vị, cá nhân khỏi phong trào (bắt buộc ghi lý do)."
    static let arguments = [("<campaign>", "Mã phong trào.")]
    static let options = [
        OptionSpec("--units", value: "list", help: "Mã hoặc tên đơn vị, cách nhau bởi dấu phẩy."),
        OptionSpec("--people", value: "list", help: "Mã hoặc họ tên cá nhân, cách nhau bởi dấu phẩy."),
        OptionSpec("--reason", value: "text", help: "Lý do (bắt buộc)."),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let reference = arguments.positionals.first else { throw .usage("Thiếu tham số «<campaign>».", help: "Cách dùng: \(usage)") }
        let result = try context.call { () throws(OfficeError) in
            try context.office.withdraw(
                reference, units: EnrollCommand.split(arguments.values["--units"]), people: EnrollCommand.split(arguments.values["--people"]),
                reason: arguments.values["--reason"] ?? "", as: context.acting)
        }
        context.console.print(
            "Đã rút \(result.units.count) đơn vị, \(result.people.count) cá nhân khỏi «\(result.campaign.name)» (dòng \(result.seq) của nhật ký). Còn: \(result.totalUnits) đơn vị, \(result.totalPeople) cá nhân."
        )
        return .success
    }
}

/// `thidua amend <campaign> --reason …`: records a change of the campaign file after launch or lock.
enum AmendCommand: Command {
    static let name = "amend"
    static let examples = ["thidua amend nam-gia-nghia-cchc-2026 --reason \"Bổ sung chỉ tiêu theo ý kiến Thường trực\""]
    static let abstract = "Ghi nhận việc sửa tệp kế hoạch sau khi đã phát động hoặc khóa kết quả (bắt buộc ghi lý do)."
    static let arguments = [("<campaign>", "Mã phong trào.")]
    static let options = [OptionSpec("--reason", value: "text", help: "Lý do sửa kế hoạch (bắt buộc).")]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let reference = arguments.positionals.first else { throw .usage("Thiếu tham số «<campaign>».", help: "Cách dùng: \(usage)") }
        let result = try context.call { () throws(OfficeError) in
            try context.office.amendPlan(reference, reason: arguments.values["--reason"] ?? "", as: context.acting)
        }
        context.console.print("Đã ghi nhận sửa kế hoạch «\(result.campaign.name)» (dòng \(result.seq) của nhật ký).")
        return .success
    }
}
