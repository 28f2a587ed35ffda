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

    enum CodingKeys: String, CodingKey { case authority, title, name }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        authority = try c.decodeIfPresent(String.self, forKey: .authority)
        // An issuer kind supplies the title when the file gives only the name (filled in on loading).
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        name = try c.decodeIfPresent(String.self, forKey: .name)
    }
}
