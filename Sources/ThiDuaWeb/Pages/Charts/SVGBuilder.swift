import Foundation

/// A small SVG writer for the charts: element and attribute names are literals of the code;
/// every attribute value and every text goes through `escape`, so a unit named `<script>&"`
/// is drawn as those characters and the markup stays well-formed XML (and valid inline in HTML).
/// The tables under the charts use the same `escape`.
struct SVGBuilder {
    /// An attribute: a name written in the code and a value from anywhere (escaped when written).
    typealias Attribute = (name: String, value: String)

    private(set) var markup = ""
    private var stack: [String] = []

    /// Opens `<name …>`; `close()` ends it.
    mutating func open(_ name: String, _ attributes: [Attribute] = []) {
        markup += "<\(name)\(Self.attributes(attributes))>"
        stack.append(name)
    }

    /// Ends the innermost open element.
    mutating func close() {
        guard let name = stack.popLast() else { return }
        markup += "</\(name)>"
    }

    /// `<name …/>`: a shape.
    mutating func empty(_ name: String, _ attributes: [Attribute]) {
        markup += "<\(name)\(Self.attributes(attributes))/>"
    }

    /// `<text …>content</text>`, the content escaped; `tooltip` adds a `<title>` child (the full
    /// text of a label cut short).
    mutating func text(_ attributes: [Attribute], _ content: String, tooltip: String? = nil) {
        element("text", attributes, content, tooltip: tooltip)
    }

    /// `<name …>content</name>`, the content escaped.
    mutating func element(_ name: String, _ attributes: [Attribute], _ content: String, tooltip: String? = nil) {
        markup += "<\(name)\(Self.attributes(attributes))>"
        if let tooltip { markup += "<title>\(Self.escape(tooltip))</title>" }
        markup += "\(Self.escape(content))</\(name)>\n"
    }

    /// A line break between elements, for whoever reads the page's source.
    mutating func newline() { markup += "\n" }

    /// The whole `<svg>`: its accessible name (`aria-label` and `<title>`), its description, the
    /// body drawn by `draw`. Sizes are in CSS pixels; the stylesheet lets it shrink to the page.
    static func document(
        id: String, width: Double, height: Double, title: String, description: String, draw: (inout SVGBuilder) -> Void
    )
        -> String
    {
        var svg = SVGBuilder()
        svg.open(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("role", "img"), ("aria-label", title), ("aria-describedby", "\(id)-mo-ta"),
                ("viewBox", "0 0 \(number(width)) \(number(height))"), ("width", number(width)), ("height", number(height)),
                ("font-family", "Liberation Sans, DejaVu Sans, Arial, sans-serif"), ("font-size", "12"), ("fill", "#0b0c0c"),
            ])
        svg.newline()
        svg.element("title", [], title)
        svg.element("desc", [("id", "\(id)-mo-ta")], description)
        draw(&svg)
        while !svg.stack.isEmpty { svg.close() }
        return svg.markup
    }

    static func attributes(_ list: [Attribute]) -> String {
        list.map { " \($0.name)=\"\(escape($0.value))\"" }.joined()
    }

    /// Text for XML and HTML alike: the five markup characters as entities; characters that
    /// neither XML 1.0 nor an HTML parser accepts (C0 and C1 controls, noncharacters) as spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                let v = scalar.value
                let control = (v < 0x20 && v != 0x09 && v != 0x0A) || v == 0x0D || (0x7F...0x9F).contains(v)
                let nonCharacter = (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE
                if control || nonCharacter { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A coordinate: at most one decimal, with a point (SVG's syntax, not Vietnamese).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }

    /// How wide a text is drawn, roughly: the average advance of Liberation Sans (a little more
    /// than half the font size), enough to cut labels before they run into the bars.
    static func estimatedWidth(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.56
    }

    /// `text` cut to fit `width` with "…", or as it is when it fits.
    static func fit(_ text: String, width: Double, fontSize: Double) -> String {
        let most = max(1, Int(width / (fontSize * 0.56)))
        guard text.count > most else { return text }
        return String(text.prefix(most - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// `text` broken at spaces into lines that fit `width`, at most `lines` (the last cut with "…").
    static func wrap(_ text: String, width: Double, fontSize: Double, lines: Int) -> [String] {
        let most = max(4, Int(width / (fontSize * 0.56)))
        var out: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if candidate.count <= most || line.isEmpty {
                line = candidate
            } else {
                out.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { out.append(line) }
        if out.count > lines {
            out = Array(out.prefix(lines))
            out[lines - 1] = fit(out[lines - 1] + " …", width: width, fontSize: fontSize)
            if !out[lines - 1].hasSuffix("…") { out[lines - 1] += " …" }
        }
        return out.map { fit($0, width: width, fontSize: fontSize) }
    }
}
