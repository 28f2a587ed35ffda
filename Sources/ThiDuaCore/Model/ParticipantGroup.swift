import ThiDuaBase

/// Whether a participant or a rule concerns a collective (tập thể) or an individual (cá nhân).
public enum ParticipantKind: String, Codable, Sendable, CaseIterable {
    case collective
    case individual

    /// "tập thể" or "cá nhân".
    public var vietnamese: String { self == .collective ? "tập thể" : "cá nhân" }
}

/// A group of participants the plan names (đối tượng thi đua).
public struct ParticipantGroup: Hashable, Sendable, Codable {
    public var id: String
    public var kind: ParticipantKind
    /// The plan's words: "Cán bộ, công chức, thuộc Ủy ban nhân dân phường."
    public var text: String
    /// Roster unit kinds this group enrols by default ("phong-ban", "to-dan-pho", "khom", "doan-the"…).
    public var unitKinds: [String]?
    /// How many, when the plan says ("BND 06 khóm" → 6).
    public var count: Int?

    public init(id: String, kind: ParticipantKind, text: String, unitKinds: [String]? = nil, count: Int? = nil) {
        self.id = id
        self.kind = kind
        self.text = text
        self.unitKinds = unitKinds
        self.count = count
    }
}
