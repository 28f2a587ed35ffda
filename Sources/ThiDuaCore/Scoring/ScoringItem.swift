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

/// Where a formula or graded item reads its share: one percent indicator, or a numerator and a
/// denominator (counts) giving numerator ÷ denominator × 100.
public struct ShareSource: Hashable, Sendable, Codable {
    public var indicator: String?
    public var numerator: String?
    public var denominator: String?

    public init(indicator: String? = nil, numerator: String? = nil, denominator: String? = nil) {
        self.indicator = indicator
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The indicator ids it reads.
    public var indicators: [String] { [indicator, numerator, denominator].compactMap { $0 } }
}

/// A fixed number of points when a comparison holds: "đạt 100% → 5 điểm".
public struct ScoreThreshold: Hashable, Sendable, Codable {
    public var comparison: Comparison
    public var value: Double
    public var points: Double

    public init(_ comparison: Comparison, _ value: Double, points: Double) {
        self.comparison = comparison
        self.value = value
        self.points = points
    }

    enum CodingKeys: String, CodingKey {
        case comparison = "op"
        case value, points
    }
}

/// Share × max (`{"numerator": …, "denominator": …}` or `{"indicator": …}`), or, with
/// `thresholds`, the points of the first threshold that holds (none: 0).
public struct ScoreFormula: Hashable, Sendable, Codable {
    public var source: ShareSource
    public var thresholds: [ScoreThreshold]?

    public init(source: ShareSource, thresholds: [ScoreThreshold]? = nil) {
        self.source = source
        self.thresholds = thresholds
    }

    enum CodingKeys: String, CodingKey { case indicator, numerator, denominator, thresholds }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        source = ShareSource(
            indicator: try c.decodeIfPresent(String.self, forKey: .indicator),
            numerator: try c.decodeIfPresent(String.self, forKey: .numerator),
            denominator: try c.decodeIfPresent(String.self, forKey: .denominator))
        thresholds = try c.decodeIfPresent([ScoreThreshold].self, forKey: .thresholds)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(source.indicator, forKey: .indicator)
        try c.encodeIfPresent(source.numerator, forKey: .numerator)
        try c.encodeIfPresent(source.denominator, forKey: .denominator)
        try c.encodeIfPresent(thresholds, forKey: .thresholds)
    }
}

/// One step of a graded item: a share from `from` (inclusive) gives `points`.
public struct GradeStep: Hashable, Sendable, Codable {
    public var from: Double
    public var points: Double

    public init(from: Double, points: Double) {
        self.from = from
        self.points = points
    }
}

/// Graded bands on a share: the highest step reached gives its points (none reached: 0).
public struct GradedScore: Hashable, Sendable, Codable {
    public var source: ShareSource
    public var steps: [GradeStep]

    public init(source: ShareSource, steps: [GradeStep]) {
        self.source = source
        self.steps = steps
    }

    enum CodingKeys: String, CodingKey { case indicator, numerator, denominator, steps }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        source = ShareSource(
            indicator: try c.decodeIfPresent(String.self, forKey: .indicator),
            numerator: try c.decodeIfPresent(String.self, forKey: .numerator),
            denominator: try c.decodeIfPresent(String.self, forKey: .denominator))
        steps = try c.decode([GradeStep].self, forKey: .steps)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(source.indicator, forKey: .indicator)
        try c.encodeIfPresent(source.numerator, forKey: .numerator)
        try c.encodeIfPresent(source.denominator, forKey: .denominator)
        try c.encode(steps, forKey: .steps)
    }
}

/// A yes/no item: its maximum when the condition holds, else 0. Without a rule the participant
/// answers it on the self-assessment form (yes/no), and the appraiser may change the answer.
public struct ScoreGate: Hashable, Sendable, Codable {
    public var rule: Rule?

    public init(rule: Rule? = nil) { self.rule = rule }
}
