import ThiDuaBase

/// One line of "Nơi nhận:", with its purpose.
public struct Recipient: Hashable, Sendable, Codable {
    /// "Sở Nội vụ", "Lưu: VT".
    public var name: String
    /// "b/c", "phối hợp", "thực hiện", "đăng tải"; printed in brackets after the name.
    public var purpose: String?

    public init(name: String, purpose: String? = nil) {
        self.name = name
        self.purpose = purpose
    }
}
