import ThiDuaCore

/// Writes `word/document.xml`: the ND 30 frame around the body blocks, then the section
/// properties (A4, the decree's margins, page numbers from page 2).
struct DOCXBodyWriter {
    var xml = ""
    /// The width between the margins of this document's pages, in twips.
    var textWidth = DOCXLayout.textWidth
    /// Numbered lists written so far; each restarts at 1 with its own numbering instance.
    private(set) var numberedLists = 0
    /// Whether the last thing written is a table: Word merges two tables that touch, and
    /// wants a paragraph after a table that ends the body.
    var endsInTable: Bool { xml.hasSuffix("</w:tbl>\n") }

    /// The whole part for `document`, and how many numbered lists it holds.
    static func write(_ document: Document) -> (xml: String, numberedLists: Int) {
        var writer = DOCXBodyWriter()
        writer.textWidth = DOCXLayout.textWidth(of: document.page)
        if let header = document.header { writer.header(header) }
        writer.title(document)
        for (index, block) in document.body.enumerated() {
            // The closing paragraph goes over to the next page with the signature, never leaving it alone.
            writer.block(block, keepNext: index == document.body.count - 1 && !document.signatures.isEmpty)
        }
        writer.closing(document)
        // Framed paragraphs need a paragraph of the flow to hang on, after the last page's frames.
        if document.page.preprinted { writer.xml += "<w:p/>\n" }
        if !document.appendix.isEmpty {
            // The danh sách of a decision: a new page after the signature and "Nơi nhận".
            writer.separateFromTable()
            writer.xml += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n"
            for block in document.appendix { writer.block(block) }
        }
        writer.separateFromTable()
        let ns = "xmlns:w=\"\(WordML.mainNamespace)\" xmlns:r=\"\(WordML.relationshipsNamespace)\""
        let part =
            WordML.declaration + "<w:document \(ns)>\n<w:body>\n" + writer.xml + sectionProperties(document.page) + "</w:body>\n</w:document>\n"
        return (part, writer.numberedLists)
    }

    /// A4 in the page's orientation with its margins; page numbers from page 2 unless the
    /// page is a certificate.
    static func sectionProperties(_ page: PageLayout) -> String {
        let margins = DOCXLayout.margins(page)
        let (width, height) = page.landscape ? (DOCXLayout.pageHeight, DOCXLayout.pageWidth) : (DOCXLayout.pageWidth, DOCXLayout.pageHeight)
        var out = "<w:sectPr>"
        if page.numbered {
            out += "<w:headerReference w:type=\"default\" r:id=\"\(DOCXPackage.headerID)\"/>"
            out += "<w:headerReference w:type=\"first\" r:id=\"\(DOCXPackage.firstHeaderID)\"/>"
        }
        out += "<w:pgSz w:w=\"\(width)\" w:h=\"\(height)\"" + (page.landscape ? " w:orient=\"landscape\"/>" : "/>")
        out += "<w:pgMar w:top=\"\(margins.top)\" w:right=\"\(margins.right)\" w:bottom=\"\(margins.bottom)\" w:left=\"\(margins.left)\" "
        out += "w:header=\"\(DOCXLayout.headerDistance)\" w:footer=\"\(DOCXLayout.footerDistance)\" w:gutter=\"0\"/>"
        if page.numbered { out += "<w:pgNumType w:start=\"1\"/><w:titlePg/>" }
        out += "<w:docGrid w:linePitch=\"360\"/></w:sectPr>\n"
        return out
    }

    // MARK: Body blocks

    mutating func block(_ block: Block, keepNext: Bool = false) {
        switch block {
        case .heading(let text, let level):
            xml += WordML.paragraph(text, style: DOCXStyles.heading(level))
        case .paragraph(let p):
            var properties = WordML.ParagraphProperties(keepNext: keepNext)
            if p.alignment != .justified { properties.alignment = p.alignment }
            // As in the HTML: only justified body text takes the first-line indent.
            if !p.indented || p.alignment != .justified { properties.firstLine = 0 }
            if p.spaceBefore > 0 { properties.spacingBefore = p.spaceBefore * 20 }
            if p.rightHalf {
                properties.leftIndent = textWidth / 2
                properties.firstLine = 0
                properties.alignment = .center
            }
            var run = WordML.RunProperties(p.emphasis)
            if p.emphasis.contains(.title) { run.halfPoints = DOCXLayout.certificateTitleHalfPoints }
            if p.emphasis.contains(.large) { run.halfPoints = DOCXLayout.certificateNameHalfPoints }
            if let box = p.placement {
                // A frame anchored to the page: the text lands where the pre-printed blank leaves room.
                properties.frame = (
                    DOCXLayout.twips(millimetres: box.x), DOCXLayout.twips(millimetres: box.y), DOCXLayout.twips(millimetres: box.width)
                )
                properties.firstLine = 0
                properties.keepNext = false
                if let size = box.size { run.halfPoints = Int((size * 2).rounded()) }
            }
            xml += WordML.paragraph(p.text, properties, run: run)
        case .list(let style, let items):
            list(items, style: style)
        case .table(let table):
            self.table(table)
        case .blank(let prompt, let lines):
            xml += WordML.paragraph("(\(prompt))", WordML.ParagraphProperties(style: DOCXStyles.blankPrompt, keepNext: true))
            for _ in 0..<max(1, lines) {
                xml += "<w:p><w:pPr><w:pStyle w:val=\"\(DOCXStyles.blankLine)\"/></w:pPr><w:r><w:tab/></w:r></w:p>\n"
            }
        case .pageBreak:
            xml += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n"
        }
    }

    /// A list as real Word numbering: "-" and "+" bullets, "1." numbers; sub-items take "+"
    /// as in the HTML. A plain list is ordinary paragraphs.
    private mutating func list(_ items: [ListItem], style: ListStyle) {
        let numberingID: Int?
        switch style {
        case .dash: numberingID = DOCXNumbering.dashID
        case .plus: numberingID = DOCXNumbering.plusID
        case .numbered:
            numberingID = DOCXNumbering.firstNumberedID + numberedLists
            numberedLists += 1
        case .plain: numberingID = nil
        }
        for item in items {
            var properties = WordML.ParagraphProperties()
            if let numberingID { properties.numbering = (numberingID, 0) }
            xml += WordML.paragraph(item.text, properties)
            listChildren(item.children, numberingID: numberingID, level: 1)
        }
    }

    private mutating func listChildren(_ items: [ListItem], numberingID: Int?, level: Int) {
        // Under a plain item the children start the "+" list at its first level.
        let id = numberingID ?? DOCXNumbering.plusID
        let ilvl = numberingID == nil ? level - 1 : level
        for item in items {
            var properties = WordML.ParagraphProperties()
            properties.numbering = (id, min(ilvl, DOCXNumbering.deepestLevel))
            xml += WordML.paragraph(item.text, properties)
            listChildren(item.children, numberingID: numberingID, level: level + 1)
        }
    }

    /// A bordered table, its header row bold and repeated on every page.
    private mutating func table(_ table: Table) {
        let columnCount = max(table.columns.count, table.rows.map(\.count).max() ?? 0)
        guard columnCount > 0 else { return }
        separateFromTable()
        let widths = Self.columnWidths(table.widths, count: columnCount, total: textWidth)
        xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"\(DOCXStyles.tableGrid)\"/><w:tblW w:w=\"\(textWidth)\" w:type=\"dxa\"/>"
        // Borders also set on the table itself, for readers that ignore table styles.
        xml +=
            DOCXStyles.tableBorders
            + "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" "
        xml += "w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr>\n"
        xml += "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>\n"
        if !table.columns.isEmpty {
            xml += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            for (index, width) in widths.enumerated() {
                let text = index < table.columns.count ? table.columns[index] : ""
                xml += Self.cell(width: width, WordML.paragraph(text, style: DOCXStyles.tableHeading))
            }
            xml += "</w:tr>\n"
        }
        for row in table.rows {
            xml += "<w:tr>"
            for (index, width) in widths.enumerated() {
                let text = index < row.count ? row[index] : ""
                xml += Self.cell(width: width, WordML.paragraph(text, style: DOCXStyles.tableText))
            }
            xml += "</w:tr>\n"
        }
        // Word has no space after a table: a 1 pt paragraph gives the 6 pt the body text has.
        xml += "</w:tbl>\n<w:p><w:pPr><w:pStyle w:val=\"\(DOCXStyles.tail)\"/><w:spacing w:after=\"120\"/></w:pPr></w:p>\n"
    }

    /// A tiny empty paragraph after a table, where one is needed.
    mutating func separateFromTable() {
        if endsInTable { xml += "<w:p><w:pPr><w:pStyle w:val=\"\(DOCXStyles.tail)\"/></w:pPr></w:p>\n" }
    }

    /// Relative widths scaled to `total` twips; equal widths when none (or too few) are given.
    /// No column is narrower than `minimum` (room for "STT" in 13 pt bold) when the table
    /// has room for that: the narrow ones are pinned and the rest share what is left.
    static func columnWidths(_ relative: [Double], count: Int, total: Int, minimum: Int = 700) -> [Int] {
        let weights =
            relative.count == count && relative.allSatisfy({ $0 > 0 && $0.isFinite }) ? relative : Array(repeating: 1, count: count)
        var pinned = Set<Int>()
        var widths: [Int] = []
        while true {
            let free = total - pinned.count * minimum
            let sum = weights.indices.filter { !pinned.contains($0) }.map { weights[$0] }.reduce(0, +)
            guard sum > 0 else { break }
            widths = weights.indices.map { pinned.contains($0) ? minimum : Int(Double(free) * weights[$0] / sum) }
            let narrow = widths.indices.filter { !pinned.contains($0) && widths[$0] < minimum }
            guard !narrow.isEmpty, (pinned.count + narrow.count) * minimum < total else { break }
            pinned.formUnion(narrow)
        }
        // Rounding leftovers go to the last column so the table spans the text width exactly.
        if let last = widths.indices.last { widths[last] += total - widths.reduce(0, +) }
        return widths
    }

    /// A table cell; `content` must hold at least one paragraph.
    static func cell(width: Int, _ content: String, verticalTop: Bool = false) -> String {
        let body = content.isEmpty ? "<w:p/>" : content
        let align = verticalTop ? "<w:vAlign w:val=\"top\"/>" : ""
        return "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>\(align)</w:tcPr>\(body)</w:tc>"
    }
}
