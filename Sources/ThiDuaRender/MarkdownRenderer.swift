import ThiDuaCore

/// Renders a document as Markdown, for previews and diffs. Structure is kept (headings, lists,
/// tables); the page layout of the decree is HTML's and DOCX's job.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ document: Document) -> String {
        var out: [String] = []
        let md = Escaping.markdown
        if let header = document.header {
            var left: [String] = []
            if let parent = header.parentLine { left.append(md(parent)) }
            left += header.issuerLines.map { "**\(md($0))**" }
            if let mark = header.mark { left.append(md(mark)) }
            if let number = header.numberLine { left.append(md(number)) }
            if let subject = header.subject { left.append(md(subject)) }
            out.append(left.joined(separator: "  \n"))
            out.append(header.headingLines.map { "**\(md($0.text))**" }.joined(separator: "  \n"))
            if let placeAndDate = header.placeAndDate { out.append("*\(md(placeAndDate))*") }
        }
        if let kind = document.kindName { out.append("## \(md(kind))") }
        if !document.summary.isEmpty {
            out.append(document.summary.map { "**\(md($0))**" }.joined(separator: "  \n"))
        }
        if !document.addressees.isEmpty { out.append(document.addressees.map(md).joined(separator: "  \n")) }
        for block in document.body { out.append(render(block)) }
        for signature in document.signatures {
            // An empty title prints nothing: "****" alone would read as a rule.
            let lines = ([signature.authority, signature.title] as [String?]).compactMap { $0 }.filter { !$0.isEmpty }.map { "**\(md($0))**" }
            if !lines.isEmpty { out.append(lines.joined(separator: "  \n")) }
            out.append("**\(md(signature.name ?? "(ký, ghi rõ họ tên)"))**")
        }
        if !document.recipients.isEmpty {
            out.append(
                "***Nơi nhận:***\n"
                    + RecipientLines.lines(document.recipients).map { "- " + md(String($0.dropFirst(2))) }.joined(separator: "\n"))
        }
        if !document.appendix.isEmpty {
            out.append("---")
            for block in document.appendix { out.append(render(block)) }
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    private func render(_ block: Block) -> String {
        let md = Escaping.markdown
        switch block {
        case .heading(let text, let level):
            return String(repeating: "#", count: min(level + 2, 6)) + " " + md(text)
        case .paragraph(let p):
            // Emphasis is applied line by line: "**A\nB**" is not bold in Markdown.
            guard !p.text.contains("\n") else {
                let lines = p.text.split(separator: "\n", omittingEmptySubsequences: true).map { String($0) }
                return lines.map { render(.paragraph(Paragraph($0, emphasis: p.emphasis, alignment: p.alignment))) }.joined(separator: "  \n")
            }
            var text = md(p.text)
            if p.emphasis.contains(.bold) { text = "**\(text)**" }
            if p.emphasis.contains(.italic) { text = "*\(text)*" }
            return text
        case .list(let style, let items):
            return listLines(items, style: style, depth: 0).joined(separator: "\n")
        case .table(let table):
            let cell = { (s: String) in Escaping.replacingLineFeeds(in: md(s), with: "<br>") }
            var lines = ["| " + table.columns.map(cell).joined(separator: " | ") + " |"]
            lines.append("|" + table.columns.map { _ in " --- |" }.joined())
            for row in table.rows {
                let padded = row + Array(repeating: "", count: max(0, table.columns.count - row.count))
                lines.append("| " + padded.prefix(table.columns.count).map(cell).joined(separator: " | ") + " |")
            }
            return lines.joined(separator: "\n")
        case .blank(let prompt, _):
            return "> *(\(md(prompt)))*\n>\n> ……………………………………………………………………"
        case .pageBreak:
            return "---"
        }
    }

    private func listLines(_ items: [ListItem], style: ListStyle, depth: Int) -> [String] {
        let indent = String(repeating: "    ", count: depth)
        var lines: [String] = []
        for (i, item) in items.enumerated() {
            let marker: String
            switch style {
            case .dash: marker = "- "
            case .plus: marker = depth == 0 ? "\\+ " : "+ "
            case .numbered: marker = "\(i + 1). "
            case .plain: marker = ""
            }
            lines.append(indent + marker + Escaping.markdown(item.text))
            if style == .plain && depth == 0 && lines.count > 0 && !item.children.isEmpty {
                lines.append("")
            }
            lines += listLines(item.children, style: .plus, depth: style == .plain ? depth : depth + 1)
            if style == .plain { lines.append("") }
        }
        if style == .plain, lines.last == "" { lines.removeLast() }
        return lines
    }
}
