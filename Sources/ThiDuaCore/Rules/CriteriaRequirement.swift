import ThiDuaBase

/// Which of the plan's criteria (tiêu chí thi đua) an award standard requires. Without one on
/// any standard of the participant's kind, an award requires every criterion of that kind (the
/// usual plan: "đạt các tiêu chí thi đua"); a plan whose awards rest on their own standards
/// says so here.
///
/// In a campaign file: `"criteria": "all"`, `"criteria": "none"`, `"criteria": ["tc-1", "tc-3"]`
/// (each of these) or `"criteria": {"atLeast": 2, "of": ["tc-1", "tc-2", "tc-3"]}`.
public enum CriteriaRequirement: Hashable, Sendable {
    /// Every criterion judged for the participant.
    case all
    /// None: the standard's own rule decides.
    case none
    /// Each of these criteria.
    case each([String])
    /// At least this many of these criteria.
    case atLeast(Int, [String])

    /// The criterion ids it names.
    public var references: [String] {
        switch self {
        case .all, .none: []
        case .each(let ids), .atLeast(_, let ids): ids
        }
    }

    /// Whether it counts (`{"atLeast": n, "of": […]}`): its ids sit under «of».
    public var isCount: Bool {
        if case .atLeast = self { return true }
        return false
    }

    /// Its part of an award's eligibility, from the criteria judged for one participant (a
    /// criterion out of the participant's kind or scope is not judged and not counted); nil when
    /// it asks nothing of this participant.
    public func verdict(_ judged: [CriterionResult]) -> (truth: Truth, reason: String)? {
        switch self {
        case .none:
            return nil
        case .all:
            return judged.isEmpty ? nil : Self.every(judged, lead: "")
        case .each(let ids):
            let named = judged.filter { ids.contains($0.id) }
            return named.isEmpty ? nil : Self.every(named, lead: " " + ids.joined(separator: ", "))
        case .atLeast(let n, let ids):
            let named = judged.filter { ids.contains($0.id) }
            guard !named.isEmpty else { return nil }
            // Criteria of the list outside this participant's scope lower what can be asked.
            let needed = min(n, named.count)
            let met = named.filter { $0.truth == .met }.count
            let missing = named.filter { $0.truth == .missing }.count
            let truth: Truth = met >= needed ? .met : met + missing >= needed ? .missing : .notMet
            var reason = "đạt \(met)/\(named.count) tiêu chí \(ids.joined(separator: ", ")) (cần ≥ \(needed))"
            if truth == .missing {
                reason += "; thiếu số liệu: " + named.filter { $0.truth == .missing }.map(\.id).joined(separator: ", ")
            }
            return (truth, reason)
        }
    }

    /// Every one of `criteria` met: the wording `evaluate` has always used for the default.
    private static func every(_ criteria: [CriterionResult], lead: String) -> (Truth, String) {
        let notMet = criteria.filter { $0.truth == .notMet }.map(\.id)
        let missing = criteria.filter { $0.truth == .missing }.map(\.id)
        let truth: Truth = !notMet.isEmpty ? .notMet : !missing.isEmpty ? .missing : .met
        let text =
            truth == .met
            ? "đạt \(criteria.count)/\(criteria.count) tiêu chí thi đua\(lead)"
            : "tiêu chí " + (notMet.isEmpty ? "thiếu số liệu: \(missing.joined(separator: ", "))" : "không đạt: \(notMet.joined(separator: ", "))")
        return (truth, text)
    }
}

extension CriteriaRequirement: Codable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static let wanted = "\"all\", \"none\", một danh sách mã tiêu chí hoặc {\"atLeast\": n, \"of\": [mã tiêu chí…]}"

    public init(from decoder: Decoder) throws {
        // The shape decides the form; the project's decoder says which shape it stands on.
        var isObject = false
        var isArray = false
        if let node = (decoder as? JSONNodeDecoding)?.currentNode {
            switch node.kind {
            case .object: isObject = true
            case .array: isArray = true
            case .string: break
            default:
                throw DecodingError.typeMismatch(
                    CriteriaRequirement.self,
                    .init(codingPath: decoder.codingPath, debugDescription: "thấy \(node.foundDescription) nhưng cần \(Self.wanted)"))
            }
        } else if (try? decoder.container(keyedBy: Key.self)) != nil {
            isObject = true
        } else if (try? decoder.singleValueContainer().decode([String].self)) != nil {
            isArray = true
        }
        if isObject {
            let c = try decoder.container(keyedBy: Key.self)
            let n = try c.decode(Int.self, forKey: Key("atLeast"))
            let ids = try c.decode([String].self, forKey: Key("of"))
            guard n >= 1, n <= ids.count else {
                throw DecodingError.dataCorruptedError(
                    forKey: Key("atLeast"), in: c,
                    debugDescription: "«atLeast» là \(n) nhưng «of» có \(ids.count) tiêu chí; cần từ 1 đến \(max(ids.count, 1))")
            }
            self = .atLeast(n, ids)
            return
        }
        let c = try decoder.singleValueContainer()
        if isArray {
            let ids = try c.decode([String].self)
            guard !ids.isEmpty else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "danh sách tiêu chí trống; không cần tiêu chí nào thì ghi \"none\"")
            }
            self = .each(ids)
            return
        }
        let word = try c.decode(String.self)
        switch word {
        case "all": self = .all
        case "none": self = .none
        default:
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "thấy «\(word)» nhưng cần \(Self.wanted)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .all, .none:
            var c = encoder.singleValueContainer()
            try c.encode(self == .all ? "all" : "none")
        case .each(let ids):
            var c = encoder.singleValueContainer()
            try c.encode(ids)
        case .atLeast(let n, let ids):
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(n, forKey: Key("atLeast"))
            try c.encode(ids, forKey: Key("of"))
        }
    }
}
