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

    /// The form; `rows` are display values by field id (empty for a blank form).
    public func build(rows: [[String: String]] = []) -> Document {
        var body: [Block] = []
        body.append(.paragraph(Paragraph("(Kèm theo \(plan.documentKind.capitalizedFirst) \(plan.number.printed.replacingOccurrences(of: "Số: ", with: "số ")) của \(plan.issuer.name))", emphasis: .italic, alignment: .center, indented: false)))
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
                if let choices = field.choices { body.append(.paragraph(Paragraph("(Chọn một: \(choices.joined(separator: "; ")))", emphasis: .italic, indented: false))) }
            }
        }
        let signer = form.filledBy == .individual ? "NGƯỜI CAM KẾT" : "THỦ TRƯỞNG ĐƠN VỊ"
        return Document(
            header: DocumentHeader(issuerLines: plan.issuer.headerLines, placeAndDate: "\(plan.place), \(PartialDate().vietnamese.replacingOccurrences(of: "năm …", with: "năm \(plan.period.end.year)"))"),
            summary: [form.title, plan.name],
            body: body,
            signatures: [Signature(title: signer, name: nil)])
    }
}

extension String {
    /// "KẾ HOẠCH" → "Kế hoạch".
    var capitalizedFirst: String {
        let lower = lowercased()
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }
}
