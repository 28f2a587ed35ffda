import ThiDuaBase

/// An award's requirement on a scoring table: the participant's band must be one of `bands`.
public struct AwardRating: Hashable, Sendable, Codable {
    public var table: String
    public var bands: [String]

    public init(table: String, bands: [String]) {
        self.table = table
        self.bands = bands
    }
}
