import ThiDuaBase

/// Builds a printable form (biểu mẫu) of a campaign: blank, or filled with accepted rows.
public struct FormDocumentBuilder {
    public let plan: CampaignPlan
    public let form: FormSpec

    public init(plan: CampaignPlan, form: FormSpec) {
        self.plan = plan
        self.form = form
    }

    /// Empty rows printed on a blank repeated form.
    public static let blankRows = 8

    /// The year a form is filled in, printed in its date line: `today`'s year within the
    /// campaign's years. A campaign of several years ("giai đoạn 2026 - 2030") collects its
    /// forms every year, so the year the campaign ends is not the year of the form.
    public static func year(for plan: CampaignPlan, today: CivilDate) -> Int {
        let first = firstYear(of: plan)
        return min(max(today.year, first), max(first, plan.period.end.year))
    }

    /// The first year the campaign collects forms for.
    static func firstYear(of plan: CampaignPlan) -> Int {
        plan.period.years?.min() ?? plan.period.start?.year ?? plan.date.year ?? plan.period.end.year
    }

    /// The form; `rows` are display values by field id (empty for a blank form). `year` is
    /// the year of its date line (see `year(for:today:)`); without it, the campaign's first year.
    public func build(rows: [[String: String]] = [], year: Int? = nil) -> Document {
        let year = year ?? Self.firstYear(of: plan)
        var body: [Block] = []
        body.append(.paragraph(Paragraph("(Kèm theo \(plan.citation))", emphasis: .italic, alignment: .center, indented: false)))
        for line in form.preamble ?? [] {
            body.append(.paragraph(Paragraph(line, indented: !line.hasPrefix("-"))))
        }
        if form.repeated {
            let columns = ["STT"] + form.fields.map { $0.required ? $0.label : $0.label + " (nếu có)" }
            let filled = rows.enumerated().map { index, row in [String(index + 1)] + form.fields.map { row[$0.id] ?? "" } }
            let blank = rows.isEmpty ? (1...Self.blankRows).map { [String($0)] + form.fields.map { _ in "" } } : []
            body.append(.table(Table(columns: columns, rows: filled + blank, widths: [0.5] + form.fields.map { $0.kind == .longText ? 3 : 1.5 })))
        } else {
            let row = rows.first ?? [:]
            for field in form.fields {
                let value = row[field.id].map { $0.isEmpty ? "……………………" : $0 } ?? "……………………………………………………"
                body.append(.paragraph(Paragraph("\(field.label): \(value)", indented: false)))
                if let help = field.help { body.append(.paragraph(Paragraph(help, emphasis: .italic, indented: false))) }
                if let choices = field.choices {
                    body.append(.paragraph(Paragraph("(Chọn một: \(choices.joined(separator: "; ")))", emphasis: .italic, indented: false)))
                }
            }
        }
        let signer = form.filledBy == .individual ? "NGƯỜI CAM KẾT" : "THỦ TRƯỞNG ĐƠN VỊ"
        // A table of more than six columns splits words on a portrait page: it prints landscape.
        let wide = form.repeated && form.fields.count + 1 > DossierBuilder.portraitColumns
        return Document(
            header: DocumentHeader(issuerLines: plan.issuer.headerLines, placeAndDate: "\(plan.place), \(PartialDate(year: year).vietnamese)"),
            summary: [form.title, plan.movementName.capitalizedFirstLetter],
            body: body,
            signatures: [Signature(title: signer, name: nil)], page: wide ? .wide : .document)
    }
}
