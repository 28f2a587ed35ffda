import ThiDuaBase

/// The campaign types known to one run of ThiDua: an immutable value, built once and passed down.
public struct CampaignTypeRegistry: Sendable {
    public let types: [any CampaignType]

    /// Builds a registry; ids must be unique (the conformance suite and `check` report clashes).
    public init(types: [any CampaignType]) {
        self.types = types
    }

    /// All ids, in registration order.
    public var ids: [String] { types.map(\.id) }

    /// The type with that id.
    public func type(_ id: String) -> (any CampaignType)? {
        types.first { $0.id == id }
    }

    /// A copy with more types appended (declared types beside the compiled ones).
    public func adding(_ more: [any CampaignType]) -> CampaignTypeRegistry {
        CampaignTypeRegistry(types: types + more)
    }
}
