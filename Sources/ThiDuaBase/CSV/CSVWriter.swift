import Foundation

/// Writes CSV that Excel opens correctly and safely: a UTF-8 BOM (so Vietnamese shows
/// right), CRLF line ends, quotes where needed, and no cell that Excel would run as a formula.
public enum CSVWriter {
    /// The whole file: BOM, header, rows, each line ending in CRLF. Every cell is passed
    /// through `neutralise` first.
    public static func write(header: [String], rows: [[String]]) -> String {
        var out = "\u{FEFF}"
        for record in [header] + rows {
            out += record.map { quoted(neutralise($0)) }.joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    /// A cell that begins with =, +, -, @, a tab or a carriage return gets a leading
    /// apostrophe, so a spreadsheet shows it as text instead of evaluating it (formula injection).
    /// Invisible characters before the trigger (a byte-order mark U+FEFF, a zero-width space…)
    /// do not hide it.
    public static func neutralise(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first(where: { !isInvisible($0) }), triggers.contains(first) else { return cell }
        return "'" + cell
    }

    /// Whether `cell` is a neutralised cell: an apostrophe before a formula trigger.
    public static func isNeutralised(_ cell: String) -> Bool {
        var scalars = cell.unicodeScalars.makeIterator()
        guard scalars.next() == "'" else { return false }
        while let next = scalars.next() {
            if isInvisible(next) { continue }
            return triggers.contains(next)
        }
        return false
    }

    /// A character a spreadsheet may drop unseen before a formula: the format characters (the
    /// byte-order mark U+FEFF, zero-width spaces and joiners, U+2060…). A plain leading space
    /// keeps a cell as text in Excel and is left alone.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .format
    }

    private static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// The cell in quotes when it holds a delimiter, a quote, a line break or edge spaces.
    static func quoted(_ cell: String) -> String {
        let special = cell.unicodeScalars.contains { $0 == "," || $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        let edgeSpace =
            cell.unicodeScalars.first?.properties.isWhitespace == true
            || cell.unicodeScalars.last?.properties.isWhitespace == true
        guard special || edgeSpace else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
