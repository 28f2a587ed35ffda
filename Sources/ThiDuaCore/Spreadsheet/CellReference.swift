import ThiDuaBase

/// A cell's place in a sheet, as SpreadsheetML writes it in `r="C5"`: column letters, then
/// the 1-based row. Columns are 0-based here (A = 0).
public struct CellReference: Sendable, Equatable {
    /// 0-based column: A = 0, Z = 25, AA = 26.
    public var column: Int
    /// 1-based row.
    public var row: Int

    /// The last column of a sheet (XFD) and the last row, in every Excel since 2007.
    public static let maxColumn = 16_383
    /// The last row of a sheet.
    public static let maxRow = 1_048_576

    /// A reference; no range check.
    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// Parses "C5" (or "$C$5"); nil when it is not a reference within the sheet's bounds.
    public init?(_ text: String) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for scalar in text.unicodeScalars where scalar != "$" {
            switch scalar.value {
            case 0x41...0x5A where digits == 0:
                column = column * 26 + Int(scalar.value - 0x40)
                letters += 1
            case 0x30...0x39 where letters > 0:
                row = row * 10 + Int(scalar.value - 0x30)
                digits += 1
            default: return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, (1...Self.maxColumn + 1).contains(column), (1...Self.maxRow).contains(row) else { return nil }
        self.column = column - 1
        self.row = row
    }

    /// "C" for column 2.
    public static func letters(_ column: Int) -> String {
        var out = ""
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + digit))) + out
            rest = (rest - 1) / 26
        }
        return out
    }

    /// "C5".
    public var name: String { Self.letters(column) + String(row) }
}
