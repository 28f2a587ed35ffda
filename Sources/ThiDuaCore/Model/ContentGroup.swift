import ThiDuaBase

/// A group of the plan's content items (nội dung thi đua), possibly under a field (lĩnh vực).
public struct ContentGroup: Hashable, Sendable, Codable {
    public var id: String
    /// The group's heading as printed ("2.1. Lĩnh vực kinh tế - đô thị"); nil for an untitled list.
    public var heading: String?
    /// The type's field or area id this group belongs to ("kinh-te-do-thi", "the-che").
    public var field: String?
    /// Lines printed before the items.
    public var intro: [String]?
    public var items: [ContentItem]

    public init(id: String, heading: String? = nil, field: String? = nil, intro: [String]? = nil, items: [ContentItem]) {
        self.id = id
        self.heading = heading
        self.field = field
        self.intro = intro
        self.items = items
    }
}

/// One content item: a sentence of the plan, with its sub-items.
public struct ContentItem: Hashable, Sendable, Codable {
    public var id: String?
    public var text: String
    /// The type's field or area this item belongs to.
    public var field: String?
    /// Nested items printed with "+".
    public var items: [String]?
    /// Indicators this sentence sets (by id), so the sentence and the number stay tied.
    public var indicators: [String]?

    public init(id: String? = nil, text: String, field: String? = nil, items: [String]? = nil, indicators: [String]? = nil) {
        self.id = id
        self.text = text
        self.field = field
        self.items = items
        self.indicators = indicators
    }
}
