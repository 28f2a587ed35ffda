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
        for ch in text {
            switch ch {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "|": out.append("\\"); out.append(ch)
            default: out.append(ch)
            }
        }
        // A line that starts like a heading or a list marker would change the structure.
        if let first = out.first, first == "#" || first == "-" || first == "+" || first == "=" {
            out = "\\" + out
        }
        return out
    }
}
