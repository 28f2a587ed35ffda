import ThiDuaBase

/// One line of a scoring table: a maximum and how its points are found.
///
/// In a file the method is told by a key: none (points the participant scores, then appraised),
/// `formula` (a share × max, or thresholds giving fixed points), `graded` (steps: ≥ 95% → 10…),
/// or `gate` (a yes/no worth its maximum only when a condition holds).
public struct ScoringItem: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    /// The most it gives; for a bonus or deduction, its cap.
    public var max: Double
    public var role: ScoreRole
    public var method: ScoringMethod
    /// What the appraiser looks at ("Tài liệu kiểm chứng").
    public var evidence: String?

    public init(id: String, title: String, max: Double, role: ScoreRole = .score, method: ScoringMethod = .attested, evidence: String? = nil) {
        self.id = id
        self.title = title
        self.max = max
        self.role = role
        self.method = method
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey { case id, title, max, role, formula, graded, gate, evidence }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        max = try c.decode(Double.self, forKey: .max)
        role = try c.decodeIfPresent(ScoreRole.self, forKey: .role) ?? .score
        evidence = try c.decodeIfPresent(String.self, forKey: .evidence)
        let methods = [CodingKeys.formula, .graded, .gate].filter { c.contains($0) }
        if methods.count > 1 {
            throw DecodingError.dataCorruptedError(
                forKey: methods[1], in: c,
                debugDescription: "mục «\(id)» chỉ được có một cách tính điểm; thấy cả «\(methods[0].rawValue)» và «\(methods[1].rawValue)»")
        }
        if c.contains(.formula) {
            method = .formula(try c.decode(ScoreFormula.self, forKey: .formula))
        } else if c.contains(.graded) {
            method = .graded(try c.decode(GradedScore.self, forKey: .graded))
        } else if c.contains(.gate) {
            method = .gate(try c.decode(ScoreGate.self, forKey: .gate))
        } else {
            method = .attested
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(max, forKey: .max)
        if role != .score { try c.encode(role, forKey: .role) }
        try c.encodeIfPresent(evidence, forKey: .evidence)
        switch method {
        case .attested: break
        case .formula(let f): try c.encode(f, forKey: .formula)
        case .graded(let g): try c.encode(g, forKey: .graded)
        case .gate(let g): try c.encode(g, forKey: .gate)
        }
    }

    /// Whether the participant gives it on the self-assessment form.
    public var isSelfScored: Bool {
        switch method {
        case .attested: true
        case .gate(let gate): gate.rule == nil
        case .formula, .graded: false
        }
    }

    /// Indicator ids its method reads.
    public var indicatorReferences: [String] {
        switch method {
        case .attested: []
        case .formula(let f): f.source.indicators
        case .graded(let g): g.source.indicators
        case .gate(let g): g.rule?.indicatorReferences ?? []
        }
    }
}

/// How an item's points are found.
public enum ScoringMethod: Hashable, Sendable {
    /// The participant's self-score within 0…max; the appraised score counts.
    case attested
    case formula(ScoreFormula)
    case graded(GradedScore)
    case gate(ScoreGate)
}
