import Foundation
import ThiDuaCore
import ThiDuaWeb

/// `thidua user add|list|disable|enable|passwd`: the web accounts of the workspace.
enum UserCommand: Command {
    static let name = "user"
    static let examples = [
        "printf '%s' 'mật khẩu' | thidua user add admin --role admin --password-stdin", "thidua user add to-truong-1 --role unit --unit tdp-1 --password-stdin",
        "thidua user list",
    ]
    static let abstract = "Tài khoản đăng nhập trang web: add, list, disable, enable, passwd."
    static let arguments = [("<action>", "add | list | disable | enable | passwd"), ("[<login>]", "Tên đăng nhập (chữ thường không dấu, số, . - _).")]
    static let options = [
        OptionSpec("--role", value: "role", help: "Với add: admin, clerk, unit, council hoặc viewer.", choices: Role.allCases.map(\.rawValue)),
        OptionSpec("--unit", value: "id", help: "Với add --role unit: mã đơn vị trong danh sách đơn vị (roster)."),
        OptionSpec("--member", value: "họ tên", help: "Với add --role council: họ và tên như trong danh sách thành viên Hội đồng."),
        OptionSpec("--password-stdin", help: "Đọc mật khẩu từ đầu vào chuẩn (không bao giờ ghi mật khẩu trên dòng lệnh)."),
    ]

    /// Standard input, replaceable by tests.
    @TaskLocal static var standardInput: (@Sendable () -> [UInt8])? = nil
    /// PBKDF2 rounds for new passwords; tests lower it, production keeps 600,000.
    @TaskLocal static var iterations = PasswordHash.defaultIterations

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let action = arguments.positionals.first else { throw .usage("Thiếu tham số «<action>».", help: "Cách dùng: \(usage)") }
        let store = AccountStore(workspace: context.workspace)
        if action == "list" { return try list(store, context: context) }
        let actions = ["add", "list", "disable", "enable", "passwd"]
        guard actions.contains(action) else {
            let guess = DidYouMean.suggestion(for: action, among: actions)
            throw .usage("Không có thao tác «\(action)»." + (guess.map { " Có phải ý bạn là «\($0)»?" } ?? ""), help: "Cách dùng: \(usage)")
        }
        guard arguments.positionals.count == 2 else { throw .usage("Cần đúng một tên đăng nhập sau «\(action)».", help: "Cách dùng: \(usage)") }
        let login = arguments.positionals[1]
        if let problem = Account.loginProblem(login) { throw .failure(problem) }
        switch action {
        case "add": return try add(login, arguments: arguments, store: store, context: context)
        case "passwd": return try passwd(login, arguments: arguments, store: store, context: context)
        default: return try setDisabled(login, disabled: action == "disable", store: store, context: context)
        }
    }

    static func add(_ login: String, arguments: ParsedArguments, store: AccountStore, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let roleName = arguments.values["--role"], let role = Role(rawValue: roleName) else {
            throw .usage("Thiếu --role (admin, clerk, unit, council hoặc viewer).", help: "Cách dùng: \(usage)")
        }
        let unit = arguments.values["--unit"]
        if role == .unit {
            guard let unit else { throw .usage("Tài khoản vai trò unit cần --unit <mã đơn vị>.") }
            let roster: Roster
            do { roster = try context.workspace.loadRoster() } catch { throw .failure(error.message) }
            guard roster.unit(unit) != nil else {
                let known = roster.units.map(\.id)
                let guess = DidYouMean.suggestion(for: unit, among: known)
                throw .failure(
                    "Không có đơn vị «\(unit)» trong danh sách đơn vị. " + (guess.map { "Có phải ý bạn là «\($0)»? " } ?? "")
                        + (known.isEmpty ? "Danh sách đơn vị còn trống; nhập bằng `thidua roster import`." : ""))
            }
        } else if unit != nil {
            throw .usage("--unit chỉ dùng với --role unit.")
        }
        let member = arguments.values["--member"]?.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
        if member != nil && role != .council { throw .usage("--member chỉ dùng với --role council.") }
        let password = try readPassword(arguments, login: login)
        let hash = PasswordHash(password: password, iterations: iterations)
        let now = Date()
        do {
            try store.update { (accounts: inout [Account]) throws(WebError) in
                guard !accounts.contains(where: { $0.login == login }) else {
                    throw WebError("Đã có tài khoản «\(login)». Đổi mật khẩu bằng `thidua user passwd \(login) --password-stdin`.")
                }
                accounts.append(Account(login: login, role: role, unit: unit, member: member, password: hash, created: WebClock.timestamp(now)))
            }
            try AccessLog(workspace: context.workspace).record(
                AccessLog.accountChanged, actor: context.actor, AccessPayload(change: "thêm", account: login, role: role.rawValue), at: now)
        } catch {
            throw .failure(error.message)
        }
        context.console.print("Đã thêm tài khoản «\(login)» (\(role.vietnamese)\(unit.map { ", đơn vị \($0)" } ?? "")).")
        return .success
    }

    static func passwd(_ login: String, arguments: ParsedArguments, store: AccountStore, context: CommandContext) throws(CLIError) -> ExitCode {
        let password = try readPassword(arguments, login: login)
        let hash = PasswordHash(password: password, iterations: iterations)
        try change(login, store: store, context: context, what: "đổi mật khẩu") { $0.password = hash }
        context.console.print("Đã đổi mật khẩu của «\(login)». Các phiên đăng nhập cũ của tài khoản này hết hiệu lực.")
        return .success
    }

    static func setDisabled(_ login: String, disabled: Bool, store: AccountStore, context: CommandContext) throws(CLIError) -> ExitCode {
        try change(login, store: store, context: context, what: disabled ? "khóa" : "mở khóa") { $0.disabled = disabled }
        context.console.print(disabled ? "Đã khóa tài khoản «\(login)»; tài khoản không đăng nhập được nữa." : "Đã mở khóa tài khoản «\(login)».")
        return .success
    }

    static func change(
        _ login: String, store: AccountStore, context: CommandContext, what: String, _ edit: @escaping (inout Account) -> Void
    ) throws(CLIError) {
        let now = Date()
        do {
            try store.update { (accounts: inout [Account]) throws(WebError) in
                guard let index = accounts.firstIndex(where: { $0.login == login }) else {
                    let guess = DidYouMean.suggestion(for: login, among: accounts.map(\.login))
                    throw WebError("Không có tài khoản «\(login)»." + (guess.map { " Có phải ý bạn là «\($0)»?" } ?? ""))
                }
                edit(&accounts[index])
            }
            try AccessLog(workspace: context.workspace).record(
                AccessLog.accountChanged, actor: context.actor, AccessPayload(change: what, account: login), at: now)
        } catch {
            throw .failure(error.message)
        }
    }

    static func list(_ store: AccountStore, context: CommandContext) throws(CLIError) -> ExitCode {
        let accounts: [Account]
        do { accounts = try store.all() } catch { throw .failure(error.message) }
        guard !accounts.isEmpty else {
            context.console.print(
                "Chưa có tài khoản nào. Tạo tài khoản quản trị đầu tiên:\n  printf '%s' 'mật khẩu' | thidua user add admin --role admin --password-stdin")
            return .success
        }
        for account in accounts {
            var line = "\(account.login)\t\(account.role.rawValue)"
            line += "\t\(account.unit ?? "-")\t\(account.disabled ? "đã khóa" : "đang dùng")"
            context.console.print(line)
        }
        return .success
    }

    /// The password from standard input: one trailing newline removed, NFC, checked for length.
    static func readPassword(_ arguments: ParsedArguments, login: String) throws(CLIError) -> String {
        guard arguments.flags.contains("--password-stdin") else {
            throw .usage("Cần --password-stdin: mật khẩu được đọc từ đầu vào chuẩn, không bao giờ ghi trên dòng lệnh.")
        }
        var bytes = standardInput?() ?? Array(FileHandle.standardInput.readData(ofLength: 4096))
        // `echo` adds a newline and Windows editors CR LF; neither is part of the password.
        if bytes.last == 10 { bytes.removeLast() }
        if bytes.last == 13 { bytes.removeLast() }
        var text = String(decoding: bytes, as: UTF8.self)
        guard text.utf8.elementsEqual(bytes) else { throw .failure("Mật khẩu đọc từ đầu vào chuẩn không phải văn bản UTF-8.") }
        text = text.precomposedStringWithCanonicalMapping
        if let problem = Account.passwordProblem(text, login: login) { throw .failure(problem) }
        return text
    }
}
