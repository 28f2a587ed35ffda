import ThiDuaBase

/// Who signs: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Nguyễn Văn A".
public struct Signer: Hashable, Sendable, Codable {
    /// "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"; nil when the head signs in their own name.
    public var authority: String?
    /// "CHỦ TỊCH", "PHÓ CHỦ TỊCH".
    public var title: String
    /// Name in normal case; nil in a blank draft.
    public var name: String?

    public init(authority: String? = nil, title: String, name: String? = nil) {
        self.authority = authority
        self.title = title
        self.name = name
    }
}
