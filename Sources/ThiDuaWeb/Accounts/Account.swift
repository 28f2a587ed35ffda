import Foundation

/// One web account of a workspace.
public struct Account: Codable, Sendable, Equatable {
    /// Lowercase ASCII letters, digits, `.`, `-`, `_`; 1…64 characters (see `Account.loginProblem`).
    public var login: String
    public var role: Role
    /// The roster unit id a `unit` account acts for; nil for every other role.
    public var unit: String?
    /// The council member's name as the review's members list writes it, for a `council` account:
    /// the web ballot is recorded under this name. Nil for every other role.
    public var member: String?
    public var password: PasswordHash
    public var disabled: Bool
    /// When the account was created, ISO 8601 UTC.
    public var created: String

    public init(
        login: String, role: Role, unit: String?, member: String? = nil, password: PasswordHash, disabled: Bool = false, created: String
    ) {
        self.login = login
        self.role = role
        self.unit = unit
        self.member = member
        self.password = password
        self.disabled = disabled
        self.created = created
    }

    /// Shortest password accepted (ASVS 5.0 V6.2.1: at least 8).
    public static let minimumPasswordLength = 8
    /// Longest password accepted (ASVS 4.0.3 V2.1.2: allow 64, deny beyond 128).
    public static let maximumPasswordLength = 128

    /// Why `login` cannot be a login name, in Vietnamese, or nil.
    public static func loginProblem(_ login: String) -> String? {
        if login.isEmpty { return "Tên đăng nhập không được để trống." }
        if login.utf8.count > 64 { return "Tên đăng nhập dài quá 64 ký tự." }
        let allowed = login.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        if !allowed {
            return "Tên đăng nhập «\(login)» chỉ được gồm chữ thường không dấu a–z, chữ số, dấu chấm, gạch ngang, gạch dưới."
        }
        return nil
    }

    /// Why `password` is not acceptable for `login`, in Vietnamese, or nil.
    public static func passwordProblem(_ password: String, login: String) -> String? {
        let count = password.precomposedStringWithCanonicalMapping.count
        if count < minimumPasswordLength { return "Mật khẩu cần ít nhất \(minimumPasswordLength) ký tự (đã nhập \(count))." }
        if count > maximumPasswordLength { return "Mật khẩu dài quá \(maximumPasswordLength) ký tự." }
        if password.lowercased() == login.lowercased() { return "Mật khẩu không được trùng tên đăng nhập." }
        return nil
    }
}
