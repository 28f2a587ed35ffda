import ThiDuaBase

/// The two reports of a campaign period.
public enum ReportKind: String, Codable, Sendable, CaseIterable, KeywordEnum {
    /// 6-month or mid-term review.
    case soKet = "so-ket"
    /// Annual or final review.
    case tongKet = "tong-ket"

    /// "sơ kết" or "tổng kết".
    public var vietnamese: String { self == .soKet ? "sơ kết" : "tổng kết" }
}

/// What fills a report section.
public enum SectionSource: String, Codable, Sendable, CaseIterable, KeywordEnum {
    /// Left blank, marked for the official to write.
    case handwritten
    /// Enrolment and registration figures.
    case participation
    /// Indicators against their targets.
    case indicators
    /// Supplied by the type's code (`CampaignType.section(_:in:period:)`): a compiled type's own
    /// section (the register of models, the signing rate, the ranking).
    case type
    /// A form's rows counted as the section's `tally` says (the same block for declared types).
    case tally
    /// Evaluation results and standings.
    case standings
    /// Awards decided or proposed.
    case awards
}

/// One section of a report layout.
public struct ReportSection: Hashable, Sendable, Codable {
    public var id: String
    /// "1. Công tác lãnh đạo, chỉ đạo triển khai".
    public var heading: String
    public var source: SectionSource
    /// What the official should write, printed in the blank (also when a section has no data).
    public var prompt: String?
    /// What to count, for source `tally`.
    public var tally: FormTally?

    public init(id: String, heading: String, source: SectionSource, prompt: String? = nil, tally: FormTally? = nil) {
        self.id = id
        self.heading = heading
        self.source = source
        self.prompt = prompt
        self.tally = tally
    }
}

/// The sections of a sơ kết or tổng kết report and what fills each.
public struct ReportLayout: Hashable, Sendable, Codable {
    public var kind: ReportKind
    /// "Báo cáo sơ kết 6 tháng phong trào thi đua “Dân vận khéo”".
    public var title: String
    public var sections: [ReportSection]

    public init(kind: ReportKind, title: String, sections: [ReportSection]) {
        self.kind = kind
        self.title = title
        self.sections = sections
    }
}
