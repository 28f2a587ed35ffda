import ThiDuaBase

/// Which band wins where two bands overlap.
public enum BandOverlap: String, Codable, Sendable, CaseIterable, KeywordEnum {
    case higher
    case lower
}
