import ThiDuaBase

/// One step of the tie-break chain, after the total.
public struct TieBreakStep: Hashable, Sendable, Codable {
    public enum By: String, Codable, Sendable, CaseIterable, KeywordEnum {
        /// Higher score on the named block.
        case block
        /// Fewer deduction points.
        case fewerDeductions = "fewer-deductions"
        /// More agreeing votes (share of those voting) at the council's last closed review.
        case councilVote = "council-vote"
    }

    public var by: By
    public var block: String?

    public init(_ by: By, block: String? = nil) {
        self.by = by
        self.block = block
    }

    /// "điểm phần «…» cao hơn", "ít điểm trừ hơn", "tỷ lệ phiếu đồng ý của Hội đồng cao hơn".
    public func vietnamese(in table: ScoringTable) -> String {
        switch by {
        case .block:
            let title = table.blocks.first { $0.id == block }?.title ?? block ?? ""
            return "điểm phần «\(title)» cao hơn"
        case .fewerDeductions: return "ít điểm trừ hơn"
        case .councilVote: return "tỷ lệ phiếu đồng ý của Hội đồng cao hơn"
        }
    }
}
