import ThiDuaBase

/// Whose value a rule reads: the participant's own, or (for a person) their unit's.
public enum RuleSubject: String, Codable, Sendable, CaseIterable {
    case own
    case unit
}

/// A declarative rule a participant meets or not.
///
/// In a campaign file a rule is an object with one leading key:
/// `{"all": […]}`, `{"any": […]}`, `{"atLeast": 2, "of": […]}`,
/// `{"indicator": "chi-so-cchc", "op": ">=", "value": 80, "subject": "unit"}`,
/// `{"indicator": "chi-so-cchc", "op": ">", "previous": true}` (higher than the period before),
/// `{"rankChange": "xep-hang-dvcq", "op": ">=", "value": 3}` (places gained on last year),
/// `{"count": "model-registration", "op": ">=", "value": 1}`,
/// `{"attested": "pledge-signed", "evidence": true}`, `{"criterion": "tc-ca-nhan-1"}`.
public indirect enum Rule: Hashable, Sendable {
    case all([Rule])
    case any([Rule])
    case atLeast(Int, [Rule])
    case compare(indicator: String, subject: RuleSubject, comparison: Comparison, value: Double)
    case compareWithPrevious(indicator: String, subject: RuleSubject, comparison: Comparison)
    case rankChange(indicator: String, comparison: Comparison, places: Int)
    case count(kind: String, comparison: Comparison, value: Int)
    case attested(check: String, evidence: Bool)
    case criterion(String)

    /// Every indicator id the rule reads.
    public var indicatorReferences: [String] {
        switch self {
        case .all(let rules), .any(let rules), .atLeast(_, let rules): rules.flatMap(\.indicatorReferences)
        case .compare(let id, _, _, _), .compareWithPrevious(let id, _, _), .rankChange(let id, _, _): [id]
        case .count, .attested, .criterion: []
        }
    }

    /// Every criterion id the rule reads.
    public var criterionReferences: [String] {
        switch self {
        case .all(let rules), .any(let rules), .atLeast(_, let rules): rules.flatMap(\.criterionReferences)
        case .criterion(let id): [id]
        default: []
        }
    }

    /// The same rule with every indicator id passed through `rename`.
    public func renamingIndicators(_ rename: (String) -> String) -> Rule {
        switch self {
        case .all(let rules): .all(rules.map { $0.renamingIndicators(rename) })
        case .any(let rules): .any(rules.map { $0.renamingIndicators(rename) })
        case .atLeast(let n, let rules): .atLeast(n, rules.map { $0.renamingIndicators(rename) })
        case .compare(let id, let subject, let comparison, let value):
            .compare(indicator: rename(id), subject: subject, comparison: comparison, value: value)
        case .compareWithPrevious(let id, let subject, let comparison):
            .compareWithPrevious(indicator: rename(id), subject: subject, comparison: comparison)
        case .rankChange(let id, let comparison, let places): .rankChange(indicator: rename(id), comparison: comparison, places: places)
        case .count, .attested, .criterion: self
        }
    }

    /// Every event kind counted by the rule.
    public var countReferences: [String] {
        switch self {
        case .all(let rules), .any(let rules), .atLeast(_, let rules): rules.flatMap(\.countReferences)
        case .count(let kind, _, _): [kind]
        default: []
        }
    }
}

extension Rule: Codable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The keys that can lead a rule object, for messages.
    public static let leadingKeys = ["all", "any", "atLeast", "indicator", "rankChange", "count", "attested", "criterion"]

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        func op() throws -> Comparison { try c.decode(Comparison.self, forKey: Key("op")) }
        if c.contains(Key("all")) {
            self = .all(try c.decode([Rule].self, forKey: Key("all")))
        } else if c.contains(Key("any")) {
            self = .any(try c.decode([Rule].self, forKey: Key("any")))
        } else if c.contains(Key("atLeast")) {
            let n = try c.decode(Int.self, forKey: Key("atLeast"))
            let rules = try c.decode([Rule].self, forKey: Key("of"))
            guard n >= 1, n <= rules.count else {
                throw DecodingError.dataCorruptedError(
                    forKey: Key("atLeast"), in: c,
                    debugDescription: "«atLeast» là \(n) nhưng chỉ có \(rules.count) điều kiện trong «of»; cần từ 1 đến \(rules.count)")
            }
            self = .atLeast(n, rules)
        } else if c.contains(Key("indicator")) {
            let id = try c.decode(String.self, forKey: Key("indicator"))
            let subject = try c.decodeIfPresent(RuleSubject.self, forKey: Key("subject")) ?? .own
            if try c.decodeIfPresent(Bool.self, forKey: Key("previous")) == true {
                self = .compareWithPrevious(indicator: id, subject: subject, comparison: try op())
            } else {
                self = .compare(
                    indicator: id, subject: subject, comparison: try op(),
                    value: try c.decode(Double.self, forKey: Key("value")))
            }
        } else if c.contains(Key("rankChange")) {
            self = .rankChange(
                indicator: try c.decode(String.self, forKey: Key("rankChange")), comparison: try op(),
                places: try c.decode(Int.self, forKey: Key("value")))
        } else if c.contains(Key("count")) {
            self = .count(
                kind: try c.decode(String.self, forKey: Key("count")), comparison: try op(),
                value: try c.decode(Int.self, forKey: Key("value")))
        } else if c.contains(Key("attested")) {
            self = .attested(
                check: try c.decode(String.self, forKey: Key("attested")),
                evidence: try c.decodeIfPresent(Bool.self, forKey: Key("evidence")) ?? false)
        } else if c.contains(Key("criterion")) {
            self = .criterion(try c.decode(String.self, forKey: Key("criterion")))
        } else {
            let found = c.allKeys.map(\.stringValue).sorted().joined(separator: ", ")
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription:
                        "điều kiện không có khóa dẫn đầu (thấy: \(found.isEmpty ? "không có khóa" : found)); cần một trong: \(Rule.leadingKeys.joined(separator: ", "))"
                ))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .all(let rules): try c.encode(rules, forKey: Key("all"))
        case .any(let rules): try c.encode(rules, forKey: Key("any"))
        case .atLeast(let n, let rules):
            try c.encode(n, forKey: Key("atLeast"))
            try c.encode(rules, forKey: Key("of"))
        case .compare(let id, let subject, let comparison, let value):
            try c.encode(id, forKey: Key("indicator"))
            if subject != .own { try c.encode(subject, forKey: Key("subject")) }
            try c.encode(comparison, forKey: Key("op"))
            try c.encode(value, forKey: Key("value"))
        case .compareWithPrevious(let id, let subject, let comparison):
            try c.encode(id, forKey: Key("indicator"))
            if subject != .own { try c.encode(subject, forKey: Key("subject")) }
            try c.encode(comparison, forKey: Key("op"))
            try c.encode(true, forKey: Key("previous"))
        case .rankChange(let id, let comparison, let places):
            try c.encode(id, forKey: Key("rankChange"))
            try c.encode(comparison, forKey: Key("op"))
            try c.encode(places, forKey: Key("value"))
        case .count(let kind, let comparison, let value):
            try c.encode(kind, forKey: Key("count"))
            try c.encode(comparison, forKey: Key("op"))
            try c.encode(value, forKey: Key("value"))
        case .attested(let check, let evidence):
            try c.encode(check, forKey: Key("attested"))
            if evidence { try c.encode(true, forKey: Key("evidence")) }
        case .criterion(let id):
            try c.encode(id, forKey: Key("criterion"))
        }
    }
}
