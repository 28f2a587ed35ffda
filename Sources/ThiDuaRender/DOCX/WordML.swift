import Foundation
import ThiDuaCore

/// Small builders of WordprocessingML markup: runs with escaped text, paragraphs with their
/// properties in the order the schema requires (Word rejects elements out of order).
enum WordML {
    static let mainNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// Character formatting of a run, on top of its paragraph style.
    struct RunProperties: Equatable {
        var bold = false
        var italic = false
        /// Size in half-points; nil keeps the style's size.
        var halfPoints: Int?

        init(bold: Bool = false, italic: Bool = false, halfPoints: Int? = nil) {
            self.bold = bold
            self.italic = italic
            self.halfPoints = halfPoints
        }

        init(_ emphasis: Emphasis) {
            self.init(bold: emphasis.contains(.bold), italic: emphasis.contains(.italic))
        }

        var xml: String {
            var out = ""
            if bold { out += "<w:b/><w:bCs/>" }
            if italic { out += "<w:i/><w:iCs/>" }
            if let halfPoints { out += "<w:sz w:val=\"\(halfPoints)\"/><w:szCs w:val=\"\(halfPoints)\"/>" }
            return out.isEmpty ? "" : "<w:rPr>\(out)</w:rPr>"
        }
    }

    /// Paragraph formatting on top of the paragraph's style.
    struct ParagraphProperties {
        var style: String?
        var keepNext = false
        /// A frame at a fixed place of the page: left, top and width in twips from the page's corner.
        var frame: (x: Int, y: Int, width: Int)?
        var numbering: (id: Int, level: Int)?
        var spacingBefore: Int?
        /// nil keeps the style's first-line indent; 0 removes it.
        var firstLine: Int?
        /// Left indent in twips; nil keeps the style's.
        var leftIndent: Int?
        var alignment: Alignment?

        var xml: String {
            var out = ""
            if let style { out += "<w:pStyle w:val=\"\(style)\"/>" }
            if keepNext { out += "<w:keepNext/>" }
            if let frame {
                out += "<w:framePr w:w=\"\(frame.width)\" w:hAnchor=\"page\" w:vAnchor=\"page\" w:x=\"\(frame.x)\" w:y=\"\(frame.y)\"/>"
            }
            if let numbering { out += "<w:numPr><w:ilvl w:val=\"\(numbering.level)\"/><w:numId w:val=\"\(numbering.id)\"/></w:numPr>" }
            if let spacingBefore { out += "<w:spacing w:before=\"\(spacingBefore)\"/>" }
            if firstLine != nil || leftIndent != nil {
                out += "<w:ind" + (leftIndent.map { " w:left=\"\($0)\"" } ?? "") + (firstLine.map { " w:firstLine=\"\($0)\"" } ?? "") + "/>"
            }
            if let alignment { out += "<w:jc w:val=\"\(WordML.justification(alignment))\"/>" }
            return out.isEmpty ? "" : "<w:pPr>\(out)</w:pPr>"
        }
    }

    static func justification(_ alignment: Alignment) -> String {
        switch alignment {
        case .justified: "both"
        case .left: "left"
        case .center: "center"
        case .right: "right"
        }
    }

    /// A paragraph of one run of `text` (none when `text` is empty).
    static func paragraph(_ text: String, _ properties: ParagraphProperties, run: RunProperties = RunProperties()) -> String {
        "<w:p>\(properties.xml)\(self.run(text, run))</w:p>\n"
    }

    /// A paragraph in `style` with plain text.
    static func paragraph(_ text: String, style: String) -> String {
        paragraph(text, ParagraphProperties(style: style))
    }

    /// A run of `text`: line breaks become `w:br`, tabs `w:tab`; empty text gives no run.
    static func run(_ text: String, _ properties: RunProperties = RunProperties()) -> String {
        let content = runContent(text)
        return content.isEmpty ? "" : "<w:r>\(properties.xml)\(content)</w:r>"
    }

    /// The inside of a run. Text is put in NFC (fonts shape precomposed Vietnamese best),
    /// XML-escaped, and stripped of control characters other than tab and line breaks.
    static func runContent(_ text: String) -> String {
        var out = ""
        var segment = ""
        var afterCarriageReturn = false
        let text = Escaping.nfc(text)
        // Most runs have no line break or tab: one text element.
        if !text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return textElement(text) }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where afterCarriageReturn:
                break
            case "\n", "\r":
                out += textElement(segment)
                segment = ""
                out += "<w:br/>"
            case "\t":
                out += textElement(segment)
                segment = ""
                out += "<w:tab/>"
            default:
                segment.unicodeScalars.append(scalar)
            }
            afterCarriageReturn = scalar == "\r"
        }
        return out + textElement(segment)
    }

    /// `w:t` with `xml:space="preserve"` when spaces at its edges (or doubled) must survive.
    private static func textElement(_ text: String) -> String {
        let escaped = Escaping.xml(text)
        guard !escaped.isEmpty else { return "" }
        let keepSpaces = escaped.hasPrefix(" ") || escaped.hasSuffix(" ") || escaped.contains("  ")
        return keepSpaces ? "<w:t xml:space=\"preserve\">\(escaped)</w:t>" : "<w:t>\(escaped)</w:t>"
    }

    /// Text for an attribute value or a plain XML element (no run structure).
    static func attribute(_ text: String) -> String {
        let escaped = Escaping.xml(Escaping.nfc(text))
        guard escaped.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return escaped }
        return escaped.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
