import ThiDuaBase

/// What one award form pays under a decree: a multiple of the base salary.
public struct AwardRate: Hashable, Sendable, Codable {
    /// Form key, as campaign files write it in `awards[].form`: "giay-khen-chu-tich-xa".
    public var form: String
    /// The individual multiple, or the collective's own multiple when `collectiveOnly`.
    public var multiple: Multiple
    /// Whether only collectives receive this form (tập thể lao động…, tổ dân phố văn hóa, cờ thi đua).
    ///
    /// The decree states such a multiple for the collective itself, so the collective factor
    /// is not applied to it.
    public var collectiveOnly: Bool

    public init(form: String, multiple: Multiple, collectiveOnly: Bool = false) {
        self.form = form
        self.multiple = multiple
        self.collectiveOnly = collectiveOnly
    }

    private enum CodingKeys: String, CodingKey {
        case form, multiple, collectiveOnly
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        form = try container.decode(String.self, forKey: .form)
        multiple = try container.decode(Multiple.self, forKey: .multiple)
        collectiveOnly = try container.decodeIfPresent(Bool.self, forKey: .collectiveOnly) ?? false
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(form, forKey: .form)
        try container.encode(multiple, forKey: .multiple)
        if collectiveOnly { try container.encode(true, forKey: .collectiveOnly) }
    }
}
