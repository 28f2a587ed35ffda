import ThiDuaBase

/// The parts of a campaign file that an outline can place in the plan document.
public enum PlanPart: String, Codable, Sendable, CaseIterable {
    case purposes, requirements, participants, period, content, indicators, criteria, awards
    case dossier, milestones, assignments, funding
}

/// How a list is marked when printed.
public enum ListStyle: String, Codable, Sendable, CaseIterable {
    /// "- item"
    case dash
    /// "+ item"
    case plus
    /// "1. item"
    case numbered
    /// Plain paragraphs.
    case plain
}

/// One block of an outline section: a paragraph of the plan's own words, a part of the campaign
/// file shown in place, or a nested section.
public indirect enum OutlineBlock: Hashable, Sendable {
    case text(String, style: ListStyle)
    case show(PartSelection)
    case section(OutlineSection)
}

/// A selection of a campaign file's part: all of it, or the elements with the given ids.
public struct PartSelection: Hashable, Sendable, Codable {
    public var part: PlanPart
    /// Element ids; nil for the whole part.
    public var only: [String]?
    /// Only elements for collectives or individuals.
    public var kind: ParticipantKind?
    public var style: ListStyle?

    public init(part: PlanPart, only: [String]? = nil, kind: ParticipantKind? = nil, style: ListStyle? = nil) {
        self.part = part
        self.only = only
        self.kind = kind
        self.style = style
    }

    enum CodingKeys: String, CodingKey {
        case part = "show", only, kind, style
    }
}

/// A section of the plan document: a heading as printed ("II. NỘI DUNG THI ĐUA") and its blocks.
public struct OutlineSection: Hashable, Sendable, Codable {
    public var heading: String?
    public var blocks: [OutlineBlock]

    public init(heading: String? = nil, blocks: [OutlineBlock]) {
        self.heading = heading
        self.blocks = blocks
    }
}

extension OutlineBlock: Codable {
    private enum Keys: String, CodingKey { case text, style, show, section }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        if c.contains(.text) {
            self = .text(try c.decode(String.self, forKey: .text), style: try c.decodeIfPresent(ListStyle.self, forKey: .style) ?? .plain)
        } else if c.contains(.show) {
            self = .show(try PartSelection(from: decoder))
        } else if c.contains(.section) {
            self = .section(try c.decode(OutlineSection.self, forKey: .section))
        } else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "khối của «outline» cần một trong các khóa: text, show, section"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .text(let text, let style):
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(text, forKey: .text)
            if style != .plain { try c.encode(style, forKey: .style) }
        case .show(let selection):
            try selection.encode(to: encoder)
        case .section(let section):
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(section, forKey: .section)
        }
    }
}
