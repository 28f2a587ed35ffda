import ThiDuaBase

/// What a SpreadsheetML number format makes of a number: a date, a percentage or a plain number.
enum NumberFormatKind: Sendable, Equatable {
    case plain, percent, date

    /// The built-in formats (ECMA-376 Part 1 §18.8.30): 9–10 percent; 14–22, 45–47 dates and
    /// times; 27–36 and 50–58 the East Asian date formats.
    static func builtIn(_ id: Int) -> NumberFormatKind {
        switch id {
        case 9, 10: return .percent
        case 14...22, 27...36, 45...47, 50...58: return .date
        default: return .plain
        }
    }

    /// A custom format code: quoted text, "\x" escapes and "[…]" sections (colours, locales,
    /// elapsed time) are ignored; "%" makes a percentage, d/m/y/h/s a date.
    static func classify(_ code: String) -> NumberFormatKind {
        var visible = ""
        var quoted = false
        var bracket = false
        var escaped = false
        for character in code {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\"": quoted.toggle()
            case "\\" where !quoted: escaped = true
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            default:
                if !quoted && !bracket { visible.append(character) }
            }
        }
        let lower = visible.lowercased()
        if lower.contains("general") { return .plain }
        if lower.contains("%") { return .percent }
        if lower.contains(where: { "dmyhs".contains($0) }) { return .date }
        return .plain
    }
}
