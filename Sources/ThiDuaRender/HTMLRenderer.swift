import ThiDuaCore

/// Renders a document as a print-ready HTML page in the frame of Nghị định 30/2020: A4,
/// Times New Roman, the decree's margins and sizes, the two-column header, the signature on
/// the right and "Nơi nhận" at the bottom left.
public struct HTMLRenderer: Sendable {
    public init() {}

    /// The page's style sheet: sizes in points and millimetres as the decree gives them.
    public static let styleSheet = """
        @page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
        body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.3; color: #000; max-width: 165mm; margin: 0 auto; }
        table.header { width: 100%; border-collapse: collapse; margin-bottom: 6pt; }
        table.header td { vertical-align: top; text-align: center; padding: 0; }
        td.issuer { width: 40%; font-size: 13pt; }
        td.nation { width: 60%; }
        .parent { text-transform: uppercase; }
        .issuer-name { font-weight: bold; }
        .rule { display: inline-block; border-top: 1px solid #000; width: 35%; margin: 2pt 0 6pt; }
        .rule.motto-rule { width: 62%; }
        .number { font-size: 13pt; margin-top: 4pt; }
        .national { font-weight: bold; font-size: 13pt; white-space: nowrap; }
        .motto { font-weight: bold; font-size: 14pt; }
        .place-date { font-style: italic; font-size: 14pt; margin-top: 6pt; }
        .kind { text-align: center; font-weight: bold; font-size: 14pt; margin: 18pt 0 0; }
        .summary { text-align: center; font-weight: bold; font-size: 14pt; margin: 0; }
        .addressee { text-align: center; margin: 12pt 0; }
        p { margin: 0 0 6pt; text-align: justify; }
        p.indent { text-indent: 1.27cm; }
        p.center { text-align: center; }
        p.right { text-align: right; }
        p.left { text-align: left; }
        h1, h2, h3, h4, h5, h6 { font-size: 14pt; margin: 6pt 0; text-indent: 1.27cm; }
        h1 { font-weight: bold; }
        h2, h3, h4, h5, h6 { font-weight: bold; }
        ul.dash, ul.plus, ol, ul.plain { margin: 0 0 6pt; padding-left: 0; list-style: none; }
        ul.dash > li, ul.plus > li, ol > li, ul.plain > li { text-indent: 1.27cm; text-align: justify; margin-bottom: 6pt; }
        ul.dash > li::before { content: "- "; }
        ul.plus > li::before { content: "+ "; }
        table.data { width: 100%; border-collapse: collapse; font-size: 13pt; margin: 6pt 0; }
        table.data th, table.data td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }
        table.data th { font-weight: bold; text-align: center; }
        .blank { border-bottom: 1px dotted #000; min-height: 3em; margin: 0 0 6pt; color: #444; font-style: italic; }
        table.closing { width: 100%; border-collapse: collapse; margin-top: 12pt; page-break-inside: avoid; }
        table.closing td { vertical-align: top; padding: 0; }
        td.recipients { width: 45%; font-size: 11pt; }
        .recipients-title { font-weight: bold; font-style: italic; font-size: 12pt; }
        td.signature { text-align: center; font-weight: bold; }
        .signature-space { height: 70pt; }
        .page-break { page-break-after: always; }
        p.right-half { margin-left: 50%; text-align: center; text-indent: 0; }
        .certificate-title { font-size: 36pt; }
        .certificate-name { font-size: 18pt; }
        @media screen { body { padding: 20mm 15mm 20mm 30mm; box-shadow: 0 0 4px #999; } }
        """

    /// The style sheet for a page layout: the landscape ones turn the page and widen the body;
    /// a certificate has even margins.
    public static func styleSheet(for page: PageLayout) -> String {
        if page.preprinted { return preprintedStyleSheet }
        guard page.landscape else { return styleSheet }
        let margin = page.certificate ? "20mm" : "20mm 15mm 20mm 30mm"
        let width = page.certificate ? "257mm" : "252mm"
        return
            styleSheet
            .replacingOccurrences(of: "@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }", with: "@page { size: A4 landscape; margin: \(margin); }")
            .replacingOccurrences(of: "max-width: 165mm;", with: "max-width: \(width);")
            .replacingOccurrences(of: "padding: 20mm 15mm 20mm 30mm;", with: "padding: \(margin);")
    }

    /// Pre-printed blanks: no page margin, each sheet exactly A4 landscape, its text placed in
    /// millimetres from the sheet's corner; on screen a faint edge shows the sheet.
    public static let preprintedStyleSheet = """
        @page { size: A4 landscape; margin: 0; }
        html, body { margin: 0; padding: 0; }
        body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.3; color: #000; }
        .sheet { position: relative; width: 297mm; height: 210mm; overflow: hidden; page-break-after: always; break-after: page; }
        .sheet:last-child { page-break-after: auto; break-after: auto; }
        p.placed { position: absolute; margin: 0; text-indent: 0; }
        p.left { text-align: left; }
        p.center { text-align: center; }
        p.right { text-align: right; }
        @media screen { .sheet { outline: 1px dashed #bbb; margin: 0 auto 8mm; } }
        """

    /// A length for CSS: "30", "30.5" (a point, never a decimal comma).
    static func css(_ value: Double) -> String {
        value == value.rounded()
            ? String(Int(value)) : String(format: "%.2f", value).replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
    }

    /// The body of a pre-printed document: one sheet per page, split at the page breaks.
    private func renderSheets(_ blocks: [Block]) -> String {
        var sheets: [[Block]] = [[]]
        for block in blocks {
            if case .pageBreak = block { sheets.append([]) } else { sheets[sheets.count - 1].append(block) }
        }
        return sheets.map { "<div class=\"sheet\">\n" + $0.map(render).joined() + "</div>\n" }.joined()
    }

    /// Text escaped for HTML, its runs of spaces kept: a draft's blank number ("Số:      /KH-UBND")
    /// keeps its room to write in, as the DOCX keeps it, where HTML would fold it to one space.
    static func text(_ text: String) -> String {
        let escaped = Escaping.html(text)
        guard escaped.contains("  ") else { return escaped }
        var out = ""
        var afterSpace = false
        for character in escaped {
            if character == " " && afterSpace { out += "&nbsp;" } else { out.append(character) }
            afterSpace = character == " "
        }
        return out
    }

    public func render(_ document: Document, title: String? = nil) -> String {
        let e = Self.text
        var out = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>\(e(title ?? ([document.kindName].compactMap { $0 } + document.summary).joined(separator: " ")))</title>\n"
        out += "<style>\n\(Self.styleSheet(for: document.page))\n</style>\n</head>\n<body>\n"
        if let header = document.header { out += renderHeader(header) }
        if let kind = document.kindName { out += "<p class=\"kind\">\(e(kind))</p>\n" }
        for line in document.summary { out += "<p class=\"summary\">\(e(line))</p>\n" }
        if !document.summary.isEmpty { out += "<p class=\"center\"><span class=\"rule\"></span></p>\n" }
        for (index, line) in document.addressees.enumerated() {
            // Several addressees: each "- …;" on its own line under "Kính gửi:", not centred.
            let item = index > 0 && document.addressees.count > 1 && line.hasPrefix("- ")
            out += "<p class=\"addressee\"\(item ? " style=\"text-align: left; margin: 0 0 0 35%\"" : "")>\(e(line))</p>\n"
        }
        if document.page.preprinted {
            out += renderSheets(document.body)
        } else {
            for block in document.body { out += render(block) }
        }
        out += renderClosing(document)
        if !document.appendix.isEmpty {
            // The danh sách of a decision starts a new page after the signature.
            out += "<div class=\"page-break\"></div>\n"
            for block in document.appendix { out += render(block) }
        }
        out += "</body>\n</html>\n"
        return out
    }

    private func renderHeader(_ header: DocumentHeader) -> String {
        let e = Self.text
        var left = ""
        if let parent = header.parentLine { left += "<div class=\"parent\">\(e(parent))</div>\n" }
        left += header.issuerLines.map { "<div class=\"issuer-name\">\(e($0))</div>\n" }.joined()
        // The Party and the Đoàn mark the issuer with "*" or "***" instead of a rule.
        left += header.mark.map { "<div class=\"mark\">\(e($0))</div>\n" } ?? "<div class=\"rule\"></div>\n"
        if let number = header.numberLine { left += "<div class=\"number\">\(e(number))</div>\n" }
        if let subject = header.subject { left += "<div class=\"subject\">\(e(subject))</div>\n" }
        var right = ""
        for line in header.headingLines {
            right += "<div class=\"\(line.motto ? "motto" : "national")\">\(e(line.text))</div>\n"
        }
        right += "<div class=\"rule motto-rule\"></div>\n"
        if let placeAndDate = header.placeAndDate { right += "<div class=\"place-date\">\(e(placeAndDate))</div>\n" }
        // A Party or Đoàn heading is shorter than the Quốc hiệu: the issuer's longer lines get half the width.
        let widths = header.heading == nil ? "" : " style=\"width: 50%\""
        return "<table class=\"header\"><tr>\n<td class=\"issuer\"\(widths)>\n\(left)</td>\n<td class=\"nation\"\(widths)>\n\(right)</td>\n</tr></table>\n"
    }

    private func render(_ block: Block) -> String {
        let e = Self.text
        switch block {
        case .heading(let text, let level):
            let h = min(level + 1, 6)
            return "<h\(h)>\(e(text))</h\(h)>\n"
        case .paragraph(let p):
            var classes: [String] = []
            if p.indented && p.alignment == .justified { classes.append("indent") }
            if p.alignment != .justified { classes.append(p.alignment.rawValue) }
            if p.rightHalf { classes = ["right-half"] }
            if p.emphasis.contains(.title) { classes.append("certificate-title") }
            if p.emphasis.contains(.large) { classes.append("certificate-name") }
            var text = e(p.text)
            if p.emphasis.contains(.bold) { text = "<strong>\(text)</strong>" }
            if p.emphasis.contains(.italic) { text = "<em>\(text)</em>" }
            var space = p.spaceBefore > 0 ? " style=\"margin-top: \(p.spaceBefore)pt\"" : ""
            if let box = p.placement {
                classes = ["placed", p.alignment.rawValue]
                let mm = { (v: Double) in Self.css(v) + "mm" }
                space = " style=\"left: \(mm(box.x)); top: \(mm(box.y)); width: \(mm(box.width)); font-size: \(Self.css(box.size ?? 14))pt\""
            }
            let cls = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
            return "<p\(cls)\(space)>\(Escaping.replacingLineFeeds(in: text, with: "<br>"))</p>\n"
        case .list(let style, let items):
            return renderList(items, style: style)
        case .table(let table):
            var out = "<table class=\"data\">\n<thead><tr>"
            out += table.columns.map { "<th>\(e($0))</th>" }.joined()
            out += "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                out += "<tr>" + row.map { "<td>\(Escaping.replacingLineFeeds(in: e($0), with: "<br>"))</td>" }.joined() + "</tr>\n"
            }
            return out + "</tbody>\n</table>\n"
        case .blank(let prompt, let lines):
            return "<div class=\"blank\" style=\"min-height: \(max(1, lines) * 18)pt\">(\(e(prompt)))</div>\n"
        case .pageBreak:
            return "<div class=\"page-break\"></div>\n"
        }
    }

    private func renderList(_ items: [ListItem], style: ListStyle) -> String {
        let e = Self.text
        let open = style == .numbered ? "<ol>" : "<ul class=\"\(style.rawValue)\">"
        let close = style == .numbered ? "</ol>" : "</ul>"
        var out = open + "\n"
        for (i, item) in items.enumerated() {
            let number = style == .numbered ? "\(i + 1). " : ""
            out += "<li>\(number)\(e(item.text))"
            if !item.children.isEmpty { out += "\n" + renderList(item.children, style: .plus) }
            out += "</li>\n"
        }
        return out + close + "\n"
    }

    private func renderClosing(_ document: Document) -> String {
        guard !document.signatures.isEmpty || !document.recipients.isEmpty else { return "" }
        let e = Self.text
        var recipients = ""
        if !document.recipients.isEmpty {
            recipients = "<div class=\"recipients-title\">Nơi nhận:</div>\n"
            recipients += RecipientLines.lines(document.recipients).map { "<div>\(e($0))</div>\n" }.joined()
        }
        var signatures = ""
        for signature in document.signatures {
            signatures += "<td class=\"signature\">\n"
            if let authority = signature.authority { signatures += "<div>\(e(authority))</div>\n" }
            if !signature.title.isEmpty { signatures += "<div>\(e(signature.title))</div>\n" }
            signatures += "<div class=\"signature-space\"></div>\n"
            signatures += "<div>\(e(signature.name ?? ""))</div>\n</td>\n"
        }
        // Two signers and no "Nơi nhận" (a biên bản) share the whole width, as in the DOCX.
        if document.recipients.isEmpty && document.signatures.count > 1 {
            return "<table class=\"closing\"><tr>\n\(signatures)</tr></table>\n"
        }
        return "<table class=\"closing\"><tr>\n<td class=\"recipients\">\n\(recipients)</td>\n\(signatures)</tr></table>\n"
    }
}
