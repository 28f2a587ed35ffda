import ThiDuaBase

/// The JSON form of a directive file. Optional lists may be left out; every key read here is
/// a key the file may have, so any other key is reported as unknown.
extension Directive: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, id, kind, number, date, issuer, title, parent, floors, requiredCriteria, requiredMilestones
        case allowedAwards, notes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(String.self, forKey: .kind)
        number = try c.decode(String.self, forKey: .number)
        date = try c.decode(CivilDate.self, forKey: .date)
        issuer = try c.decode(DirectiveIssuer.self, forKey: .issuer)
        title = try c.decode(String.self, forKey: .title)
        parent = try c.decodeIfPresent(String.self, forKey: .parent)
        floors = try c.decodeIfPresent([DirectiveFloor].self, forKey: .floors) ?? []
        requiredCriteria = try c.decodeIfPresent([RequiredCriterion].self, forKey: .requiredCriteria) ?? []
        requiredMilestones = try c.decodeIfPresent([RequiredMilestone].self, forKey: .requiredMilestones) ?? []
        allowedAwards = try c.decodeIfPresent([String].self, forKey: .allowedAwards) ?? []
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(number, forKey: .number)
        try c.encode(date, forKey: .date)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(parent, forKey: .parent)
        if !floors.isEmpty { try c.encode(floors, forKey: .floors) }
        if !requiredCriteria.isEmpty { try c.encode(requiredCriteria, forKey: .requiredCriteria) }
        if !requiredMilestones.isEmpty { try c.encode(requiredMilestones, forKey: .requiredMilestones) }
        if !allowedAwards.isEmpty { try c.encode(allowedAwards, forKey: .allowedAwards) }
        if !notes.isEmpty { try c.encode(notes, forKey: .notes) }
    }
}

/// A floor is written flat, as a rule compares: `{"indicator": "dinh-danh-muc-2", "op": ">=", "value": 90}`.
extension DirectiveFloor: Codable {
    enum CodingKeys: String, CodingKey { case indicator, op, value, measure, title, text }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        indicator = try c.decode(String.self, forKey: .indicator)
        target = Target(try c.decode(Comparison.self, forKey: .op), try c.decode(Double.self, forKey: .value))
        measure = try c.decodeIfPresent(Measure.self, forKey: .measure)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        text = try c.decodeIfPresent(String.self, forKey: .text)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(indicator, forKey: .indicator)
        try c.encode(target.comparison, forKey: .op)
        try c.encode(target.value, forKey: .value)
        try c.encodeIfPresent(measure, forKey: .measure)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(text, forKey: .text)
    }
}
