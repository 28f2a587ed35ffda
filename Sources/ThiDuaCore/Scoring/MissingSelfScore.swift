import ThiDuaBase

/// What happens to a participant who sent no self-score.
public enum MissingSelfScore: String, Codable, Sendable, CaseIterable, KeywordEnum {
    /// "Không xếp loại": no total, no band, no rank.
    case unrated
    /// Scored from the appraisal alone; an item nobody scored counts 0.
    case appraised
}
