import ThiDuaBase

/// The documents of a scoring table: the sheet (blank, or filled for one participant with the
/// self-score and appraised columns side by side), the rating table of all participants, the
/// ranking section of a tổng kết, and the quota notes of a tờ trình.
public struct ScoringDocumentBuilder: Sendable {
    public let campaign: ResolvedCampaign
    public let roster: Roster

    public init(campaign: ResolvedCampaign, roster: Roster) {
        self.campaign = campaign
        self.roster = roster
    }

    var plan: CampaignPlan { campaign.plan }

    func header(_ year: Int) -> DocumentHeader {
        PlanDocumentBuilder.header(for: plan, number: nil, date: PartialDate(year: year))
    }

    /// The sheet of one table: blank when `sheet` is nil (columns left for the participant and
    /// the appraiser), else filled with the participant's scores.
    public func sheet(_ table: ScoringTable, filled sheet: ScoreSheet? = nil, participant: ParticipantRef? = nil, year: Int) -> Document {
        var body: [Block] = []
        if let participant {
            body.append(.paragraph(Paragraph("Đơn vị: \(participant.name(in: roster))", emphasis: .bold, indented: false)))
        } else {
            body.append(.paragraph(Paragraph("Đơn vị: …………………………………………", indented: false)))
        }
        for line in table.text ?? [] { body.append(.paragraph(Paragraph(line))) }
        var rows: [[String]] = []
        for (b, block) in table.blocks.enumerated() {
            rows.append([Numbers.roman(b + 1), block.title.uppercased(), block.maxScore.vietnamese, "", "", "", ""])
            for (i, item) in block.items.enumerated() {
                let line = sheet?.items.first { $0.id == item.id }
                let max = item.role == .score ? ScorePoints(item.max).vietnamese : "tối đa \(ScorePoints(item.max).vietnamese)"
                let title = (item.role == .score ? "" : item.role == .bonus ? "(Điểm thưởng) " : "(Điểm trừ) ") + item.title + Self.how(item)
                rows.append([
                    "\(b + 1).\(i + 1)", title, max, line?.selfScore?.vietnamese ?? "", line?.appraised?.vietnamese ?? line?.counted?.vietnamese ?? "",
                    line?.difference.map { $0 == .zero ? "0" : ($0 > .zero ? "+" : "") + $0.vietnamese } ?? "",
                    line?.appraisalReason ?? (sheet == nil ? (item.evidence ?? "") : ""),
                ])
            }
            if let score = sheet?.block(block.id) {
                rows.append([
                    "", "Cộng phần \(Numbers.roman(b + 1))", block.maxScore.vietnamese, "", score.total.vietnamese, "", score.notes.joined(separator: "; "),
                ])
            }
        }
        let total = sheet?.total?.vietnamese ?? (sheet == nil ? "" : "—")
        rows.append(["", "TỔNG ĐIỂM", table.maxTotal.vietnamese, sheet?.selfTotal?.vietnamese ?? "", total, "", ""])
        body.append(
            .table(
                Table(
                    columns: ["TT", "Nội dung, tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định", "Chênh lệch", "Lý do, tài liệu kiểm chứng"],
                    rows: rows, widths: [0.6, 4, 1.3, 1.3, 1.4, 1.4, 2.4])))
        body.append(.paragraph(Paragraph(rules(table), emphasis: .italic)))
        if let sheet {
            body.append(.paragraph(Paragraph("Xếp loại: " + (sheet.bandTitle ?? "không xếp loại") + " (" + sheet.bandExplanation + ").")))
        } else if !table.bands.isEmpty {
            body.append(.paragraph(Paragraph("Xếp loại: ……………………………………")))
        }
        return Document(
            header: header(year), kindName: "BẢNG CHẤM ĐIỂM", summary: [table.title, plan.name], body: body,
            signatures: [Signature(title: "NGƯỜI THẨM ĐỊNH"), Signature(title: "THỦ TRƯỞNG ĐƠN VỊ")], recipients: [])
    }

    /// How the totals are counted and rounded, and the bands: printed under every sheet.
    func rules(_ table: ScoringTable) -> String {
        var parts = [
            "Điểm thẩm định là điểm được tính; điểm tính theo công thức được \(table.rounding.vietnamese); tổng điểm lấy một chữ số thập phân",
            "mỗi mục không quá điểm tối đa của mục; điểm của từng phần không dưới 0",
        ]
        if let cap = table.maxBonus { parts.append("điểm thưởng không quá \(Numbers.vietnamese(cap)) điểm") }
        if let cap = table.maxDeduction { parts.append("điểm trừ không quá \(Numbers.vietnamese(cap)) điểm") }
        if table.withoutSelfScore == .unrated { parts.append("đơn vị không gửi bảng tự chấm điểm thì không xếp loại") }
        if !table.bands.isEmpty {
            parts.append(
                "mức xếp loại: "
                    + table.bands.sorted { $0.from > $1.from }.map { band in
                        band.title + " " + band.rangeText
                            + (band.gates.isEmpty ? "" : " và " + band.gates.map { "“\($0.text)”" }.joined(separator: ", "))
                    }.joined(separator: "; "))
        }
        return parts.joined(separator: "; ") + "."
    }

    /// "(tỷ lệ × 10)", "(≥ 95% → 20; ≥ 90% → 16)", "(có/không)".
    static func how(_ item: ScoringItem) -> String {
        switch item.method {
        case .attested: return ""
        case .formula(let f):
            if let thresholds = f.thresholds {
                return " ("
                    + thresholds.map { "\($0.comparison.symbol) \(Numbers.vietnamese($0.value)) → \(Numbers.vietnamese($0.points))" }.joined(separator: "; ")
                    + ")"
            }
            return " (tỷ lệ × \(Numbers.vietnamese(item.max)))"
        case .graded(let g):
            return " ("
                + g.steps.sorted { $0.from > $1.from }.map { "từ \(Numbers.vietnamese($0.from)) → \(Numbers.vietnamese($0.points))" }.joined(separator: "; ")
                + ")"
        case .gate: return " (có: \(Numbers.vietnamese(item.max)); không: 0)"
        }
    }

    /// The rating table (bảng tổng hợp xếp loại) of every participant scored on the table.
    public func ratingTable(_ table: ScoringTable, evaluation: Evaluation) -> Document {
        var body: [Block] = [
            .paragraph(Paragraph("Kết quả chấm điểm, xếp loại \(evaluation.period.vietnamese) theo “\(table.title)”:"))
        ]
        body += rankingBlocks(table, evaluation: evaluation)
        return Document(
            header: header(evaluation.period.year), kindName: "BẢNG TỔNG HỢP", summary: ["Kết quả chấm điểm, xếp loại", plan.name],
            body: body, signatures: [Signature(plan.signer)], recipients: [])
    }

    func rankingBlocks(_ table: ScoringTable, evaluation: Evaluation) -> [Block] {
        let rows = evaluation.standings.compactMap { s -> [String]? in
            guard let sheet = s.scores.first(where: { $0.table == table.id }) else { return nil }
            let base = sheet.blocks.reduce(ScorePoints.zero) { $0 + $1.score }
            let status: String
            switch sheet.status {
            case .rated: status = sheet.bandTitle ?? "Không thuộc mức nào"
            case .unrated: status = "Không xếp loại"
            case .missing: status = "Chưa đủ điểm"
            }
            return [
                table.ranking ? (s.rank.map(String.init) ?? "—") : "", s.name, sheet.selfTotal?.vietnamese ?? "—",
                sheet.status == .rated ? base.vietnamese : "—", sheet.bonus.vietnamese, sheet.deduction.vietnamese,
                sheet.total?.vietnamese ?? "—", status,
            ]
        }
        guard !rows.isEmpty else { return [] }
        var out: [Block] = [
            .table(
                Table(
                    columns: ["Hạng", "Đơn vị", "Tự chấm", "Điểm thẩm định", "Điểm thưởng", "Điểm trừ", "Tổng điểm", "Xếp loại"], rows: rows,
                    widths: [0.9, 3, 1.1, 1.3, 1.3, 1.1, 1.1, 2.5]))
        ]
        var notes: [String] = []
        for s in evaluation.standings {
            guard let sheet = s.scores.first(where: { $0.table == table.id }) else { continue }
            if let tie = sheet.rankExplanation { notes.append("\(s.name): \(tie).") }
            if case .rated = sheet.status, sheet.band == nil || sheet.bandExplanation.contains("hạ xuống") || sheet.bandExplanation.contains("không đạt") {
                notes.append("\(s.name): \(sheet.bandExplanation).")
            }
        }
        if table.ranking {
            let chain = table.tieBreak.map { $0.vietnamese(in: table) }
            notes.append(
                "Xếp hạng theo tổng điểm từ cao xuống thấp"
                    + (chain.isEmpty ? "" : "; bằng điểm thì xét lần lượt: " + chain.joined(separator: ", "))
                    + "; vẫn bằng nhau thì đồng hạng. Đơn vị không xếp loại hoặc chưa đủ điểm không được xếp hạng.")
        }
        out += notes.map { .paragraph(Paragraph($0, emphasis: .italic)) }
        return out
    }

    /// The tổng kết's ranking section: one table per scoring table that has totals; empty when
    /// the campaign scores on none (the report keeps its own standings then).
    public func rankingSection(_ evaluation: Evaluation) -> [Block] {
        var out: [Block] = []
        for table in campaign.scoringTables {
            let blocks = rankingBlocks(table, evaluation: evaluation)
            guard !blocks.isEmpty else { continue }
            out.append(.paragraph(Paragraph("Kết quả chấm điểm theo “\(table.title)”:", emphasis: .bold)))
            out += blocks
        }
        return out
    }

    /// Whether a table ranks the participants of that kind (the host's standings table leaves them out).
    public func ranksByTable(_ kind: ParticipantKind) -> Bool {
        campaign.scoringTables.contains { $0.ranking && $0.appliesTo == kind }
    }

    /// The quota of each award proposed, worked out, for the tờ trình.
    public func quotaNotes(awards: [String], state: CampaignState) -> [Block] {
        var out: [Block] = []
        for id in awards {
            guard let award = plan.awards.first(where: { $0.id == id }) else { continue }
            for kind in award.recipients {
                guard let quota = QuotaLimit.of(award, kind: kind, plan: plan, state: state, roster: roster) else { continue }
                out.append(.paragraph(Paragraph("Chỉ tiêu “\(award.title)” (\(kind.vietnamese)): \(quota.explanation).", emphasis: .italic)))
            }
        }
        return out
    }
}
