import ThiDuaBase

/// A report section filled by counting a form's accepted rows of the report's year: the
/// building block a type declared in JSON uses for sections of its own, and one compiled types
/// use too. In a type file: `{"id": …, "heading": …, "source": "tally", "tally": {"form": …,
/// "groupBy": "unit", "split": "muc-do", "share": ["Hài lòng"]}}`.
public struct FormTally: Hashable, Sendable, Codable {
    /// The form whose rows are counted (one of the type's forms).
    public var form: String
    /// `"unit"`: one line per enrolled unit (a person's row counts for their unit), units with no
    /// row included; a field id of the form: one line per value found; absent: one line in all.
    public var groupBy: String?
    /// A `choice` or `yes-no` field of the form whose values become columns.
    public var split: String?
    /// Values of `split` whose rows make the share column, in percent of the line's rows.
    public var share: [String]?
    /// The share column's heading; default "Tỷ lệ (%)".
    public var shareTitle: String?

    /// Group by unit: the key `groupBy` takes.
    public static let byUnit = "unit"

    public init(form: String, groupBy: String? = nil, split: String? = nil, share: [String]? = nil, shareTitle: String? = nil) {
        self.form = form
        self.groupBy = groupBy
        self.split = split
        self.share = share
        self.shareTitle = shareTitle
    }

    /// The columns `split` makes: a choice field's choices, or Có / Không.
    static func splitValues(of field: FieldSpec) -> [String] {
        field.kind == .yesNo ? ["Có", "Không"] : field.choices ?? []
    }

    /// The counts for the report's year, as a table with a total line.
    public func content(in context: CampaignContext, period: EvaluationPeriod) -> SectionContent {
        guard let spec = context.campaign.form(form) else { return SectionContent() }
        let rows = context.rows(of: form).filter { $0.period.year == period.year }
        let splitField = split.flatMap { id in spec.fields.first { $0.id == id } }
        let columnsOfSplit = splitField.map(Self.splitValues) ?? []
        let shareKeys = Set((share ?? []).map(VietnameseText.key))

        // Lines in order: enrolled units first when grouping by unit, then values as found.
        var order: [String] = []
        var labels: [String: String] = [:]
        var counts: [String: [Int]] = [:]
        func line(_ key: String, _ label: String) {
            if labels[key] == nil {
                order.append(key)
                labels[key] = label
                counts[key] = Array(repeating: 0, count: columnsOfSplit.count + 2)
            }
        }
        var groupLabel = "Nội dung"
        if groupBy == Self.byUnit {
            groupLabel = "Đơn vị"
            for unit in context.state.units { line(unit, context.name(.unit(unit))) }
        } else if let groupBy, let field = spec.fields.first(where: { $0.id == groupBy }) {
            groupLabel = field.label
        }
        for row in rows {
            let key: String
            if groupBy == Self.byUnit {
                let unit = context.unit(of: row)
                key = unit ?? ""
                line(key, unit.map { context.name(.unit($0)) } ?? "Không rõ đơn vị")
            } else if let groupBy {
                let label = row[groupBy]?.display(in: context.roster) ?? "(để trống)"
                key = VietnameseText.key(label)
                line(key, label)
            } else {
                key = ""
                line(key, "Tổng số")
            }
            var tally = counts[key] ?? []
            tally[columnsOfSplit.count] += 1
            if let splitField, let value = row[splitField.id] {
                let text = VietnameseText.key(value.display)
                if let column = columnsOfSplit.firstIndex(where: { VietnameseText.key($0) == text }) { tally[column] += 1 }
                if shareKeys.contains(text) { tally[columnsOfSplit.count + 1] += 1 }
            }
            counts[key] = tally
        }
        guard !order.isEmpty else { return SectionContent() }
        let withShare = !shareKeys.isEmpty
        func cells(_ tally: [Int]) -> [String] {
            var out = tally.prefix(columnsOfSplit.count + 1).map { Numbers.grouped($0) }
            if withShare {
                let total = tally[columnsOfSplit.count]
                out.append(total == 0 ? "—" : Numbers.vietnamese(Double(tally[columnsOfSplit.count + 1]) * 100 / Double(total), maxFractionDigits: 1))
            }
            return out
        }
        var table: [[String]] = order.enumerated().map { i, key in ["\(i + 1)", labels[key] ?? key] + cells(counts[key] ?? []) }
        if order.count > 1 {
            var total = Array(repeating: 0, count: columnsOfSplit.count + 2)
            for key in order { for (i, n) in (counts[key] ?? []).enumerated() { total[i] += n } }
            table.append(["", "Tổng cộng"] + cells(total))
        }
        var columns = ["TT", groupLabel] + columnsOfSplit + ["Tổng số"]
        if withShare { columns.append(shareTitle ?? "Tỷ lệ (%)") }
        return SectionContent(
            paragraphs: ["Tổng hợp từ “\(spec.title)” \(period.vietnamese): \(Numbers.grouped(rows.count)) phiếu."],
            columns: columns, rows: table)
    }
}
