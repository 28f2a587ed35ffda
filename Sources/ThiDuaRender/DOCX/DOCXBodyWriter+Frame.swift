import ThiDuaCore

/// The decree's frame: the two-column header, the type name and summary, and the closing
/// table with "Nơi nhận" on the left and the signatures on the right.
extension DOCXBodyWriter {
    /// Borderless two-column table: issuer | Quốc hiệu and Tiêu ngữ, then number | place and
    /// date on a second row so they share a line, as in the decree's layout.
    mutating func header(_ header: DocumentHeader) {
        // A Party or Đoàn heading is shorter than the Quốc hiệu: the issuer's longer lines get half the width.
        let left = header.heading == nil ? DOCXLayout.issuerColumn : textWidth / 2
        let right = textWidth - left
        var issuer = ""
        if let parent = header.parentLine { issuer += WordML.paragraph(parent.uppercased(), style: DOCXStyles.headerText) }
        issuer += header.issuerLines.map { WordML.paragraph($0, style: DOCXStyles.headerIssuer) }.joined()
        // The Party and the Đoàn mark the issuer with "*" or "***" instead of a rule.
        issuer += header.mark.map { WordML.paragraph($0, style: DOCXStyles.headerText) } ?? Self.rule(width: DOCXLayout.issuerRule, in: left)
        var nation = header.headingLines.map {
            WordML.paragraph($0.text, style: $0.motto ? DOCXStyles.headerMotto : DOCXStyles.headerNationalName)
        }.joined()
        // The rule is as long as the line above it: the Tiêu ngữ's, or the heading's (about 165 twips a capital at 13 pt).
        let headingWidth = (header.heading?.last?.count).map { min(right, $0 * 165) }
        nation += Self.rule(width: headingWidth ?? DOCXLayout.mottoRule, in: right)

        xml += Self.frameTable(widths: [left, right])
        xml += "<w:tr>" + Self.cell(width: left, issuer) + Self.cell(width: right, nation) + "</w:tr>\n"
        if header.numberLine != nil || header.placeAndDate != nil || header.subject != nil {
            var number = header.numberLine.map { WordML.paragraph($0, style: DOCXStyles.headerNumber) } ?? ""
            // A công văn's "V/v …" sits under its number.
            number += header.subject.map { WordML.paragraph($0, style: DOCXStyles.headerNumber) } ?? ""
            let date = header.placeAndDate.map { WordML.paragraph($0, style: DOCXStyles.headerPlaceDate) } ?? ""
            xml += "<w:tr>" + Self.cell(width: left, number) + Self.cell(width: right, date) + "</w:tr>\n"
        }
        xml += "</w:tbl>\n"
    }

    /// "KẾ HOẠCH", the summary lines with a short line under them, "Kính gửi" lines.
    mutating func title(_ document: Document) {
        if let kind = document.kindName {
            xml += WordML.paragraph(kind, style: DOCXStyles.title)
        }
        for (index, line) in document.summary.enumerated() {
            var properties = WordML.ParagraphProperties(style: DOCXStyles.summary)
            // A form has no type name: its summary opens the title block.
            if index == 0 && document.kindName == nil { properties.spacingBefore = 360 }
            xml += WordML.paragraph(line, properties)
        }
        if !document.summary.isEmpty { xml += Self.rule(width: DOCXLayout.summaryRule, in: textWidth, after: 240) }
        for (index, line) in document.addressees.enumerated() {
            // Several addressees: "Kính gửi:" centred, then each "- …;" on its own line under it.
            if index > 0 && document.addressees.count > 1 && line.hasPrefix("- ") {
                xml += WordML.paragraph(
                    line, WordML.ParagraphProperties(style: DOCXStyles.addressee, spacingBefore: 0, leftIndent: 2835, alignment: .left))
            } else {
                xml += WordML.paragraph(line, style: DOCXStyles.addressee)
            }
        }
    }

    /// "Nơi nhận" bottom left, signatures to the right of it, side by side when several;
    /// a row that cannot split, so the signer never lands alone on the next page.
    mutating func closing(_ document: Document) {
        guard !document.signatures.isEmpty || !document.recipients.isEmpty else { return }
        var cells: [String] = []
        let sideBySide = document.recipients.isEmpty && document.signatures.count > 1
        if !sideBySide {
            var recipients = ""
            if !document.recipients.isEmpty {
                recipients += WordML.paragraph(
                    "Nơi nhận:", WordML.ParagraphProperties(style: DOCXStyles.recipientsTitle, spacingBefore: 240))
                recipients += RecipientLines.lines(document.recipients).map { WordML.paragraph($0, style: DOCXStyles.recipient) }.joined()
            }
            cells.append(recipients)
        }
        for signature in document.signatures {
            var lines = signature.authority.map { [$0] } ?? []
            if !signature.title.isEmpty { lines.append(signature.title) }
            var cell = ""
            for (index, line) in lines.enumerated() {
                cell += WordML.paragraph(
                    line, WordML.ParagraphProperties(style: DOCXStyles.signature, keepNext: true, spacingBefore: index == 0 ? 240 : nil))
            }
            cell += WordML.paragraph(signature.name ?? "", style: DOCXStyles.signatureName)
            cells.append(cell)
        }
        if cells.count == 1 { cells.append("") }
        let widths: [Int]
        if sideBySide {
            widths = Self.columnWidths([], count: cells.count, total: textWidth)
        } else {
            let rest = Self.columnWidths([], count: cells.count - 1, total: textWidth - DOCXLayout.recipientsColumn)
            widths = [DOCXLayout.recipientsColumn] + rest
        }
        separateFromTable()
        xml += Self.frameTable(widths: widths)
        xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        xml += zip(widths, cells).map { Self.cell(width: $0, $1) }.joined()
        xml += "</w:tr>\n</w:tbl>\n"
    }

    /// The opening of a borderless layout table whose cells have no side padding, so text
    /// centres on the column exactly.
    static func frameTable(widths: [Int]) -> String {
        var out = "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
        out += "<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>"
        out +=
            "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>"
        out += "</w:tblPr>\n<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>\n"
        return out
    }

    /// A centred solid line `width` twips long in a column `column` twips wide: an empty
    /// paragraph whose bottom border runs between its indents.
    static func rule(width: Int, in column: Int, after: Int? = nil) -> String {
        let indent = max(0, (column - width) / 2)
        let spacing = after.map { "<w:spacing w:after=\"\($0)\"/>" } ?? ""
        return
            "<w:p><w:pPr><w:pStyle w:val=\"\(DOCXStyles.rule)\"/>\(spacing)<w:ind w:left=\"\(indent)\" w:right=\"\(indent)\"/></w:pPr></w:p>\n"
    }
}
