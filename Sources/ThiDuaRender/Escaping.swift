/// Escaping of user text for each output format: names with `<`, `&` or quotes print as typed.
public enum Escaping {
    /// Text for HTML element content and attribute values.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Text for XML (WordprocessingML): escapes markup and drops characters XML 1.0 forbids.
    public static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text for Markdown: characters that would become markup are backslash-escaped.
    public static func markdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        // By scalar, not by Character: the marks are ASCII, and grapheme breaking is slow.
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "|":
                out.unicodeScalars.append("\\")
                out.unicodeScalars.append(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        // A line that starts like a heading or a list marker would change the structure.
        if let first = out.first, first == "#" || first == "-" || first == "+" || first == "=" {
            out = "\\" + out
        }
        return out
    }

    /// `text` with every line feed replaced (by scalar, as Foundation's replacement did: a "\r\n"
    /// keeps its "\r"); the text itself when it has none.
    public static func replacingLineFeeds(in text: String, with replacement: String) -> String {
        guard text.utf8.contains(0x0A) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if scalar == "\n" { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// `text` in NFC. Text made only of scalars that are already NFC on their own and cannot
    /// combine with a neighbour (ASCII, Latin-1 to Latin Extended-B, the Vietnamese letters of
    /// Latin Extended Additional, dashes and quotes) is returned as it is, without Foundation's
    /// normalisation, which is most of the cost of writing a document's runs.
    public static func nfc(_ text: String) -> String {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x0300 || (0x1E00...0x1EFF).contains(v) || (0x2010...0x2027).contains(v) { continue }
            return text.precomposedStringWithCanonicalMapping
        }
        return text
    }
}
