import ThiDuaBase

/// The payload of an access-journal event (sign-in, failure, sign-out, an account changed), the
/// `data/_truy-cap.jsonl` journal the web application and `thidua user` write.
public struct AccessPayload: Codable, Sendable, Equatable {
    /// The client's address.
    public var address: String?
    /// Why a sign-in was refused.
    public var reason: String?
    /// What was done to an account ("thêm", "khóa", "đổi mật khẩu"…).
    public var change: String?
    /// The account changed.
    public var account: String?
    /// Its role, when added.
    public var role: String?

    public init(address: String? = nil, reason: String? = nil, change: String? = nil, account: String? = nil, role: String? = nil) {
        self.address = address
        self.reason = reason
        self.change = change
        self.account = account
        self.role = role
    }

    enum CodingKeys: String, CodingKey {
        case address = "dia_chi", reason = "ly_do", change = "viec", account = "tai_khoan", role = "vai_tro"
    }
}
