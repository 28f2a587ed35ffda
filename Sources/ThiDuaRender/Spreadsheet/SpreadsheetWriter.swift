import Foundation
import ThiDuaCore

/// Writes a `Workbook` as an .xlsx file (SpreadsheetML in a ZIP, ECMA-376 transitional), byte
/// for byte reproducible: text as shared strings, numbers and dates as number cells with their
/// formats, a bold frozen header row and column widths.
public enum SpreadsheetWriter {
    /// The .xlsx bytes.
    public static func write(_ workbook: Workbook) throws(ZipError) -> [UInt8] {
        let names = sheetNames(workbook.sheets.map(\.name))
        var strings = SharedStrings()
        var sheetParts: [String] = []
        for sheet in workbook.sheets {
            sheetParts.append(worksheet(sheet, strings: &strings))
        }
        var zip = ZipWriter()
        try zip.add("[Content_Types].xml", Array(contentTypes(count: workbook.sheets.count).utf8))
        try zip.add("_rels/.rels", Array(rootRelations.utf8))
        try zip.add("xl/workbook.xml", Array(workbookXML(names).utf8))
        try zip.add("xl/_rels/workbook.xml.rels", Array(workbookRelations(count: workbook.sheets.count).utf8))
        try zip.add("xl/styles.xml", Array(styles.utf8))
        try zip.add("xl/sharedStrings.xml", Array(strings.xml.utf8))
        for (index, part) in sheetParts.enumerated() {
            try zip.add("xl/worksheets/sheet\(index + 1).xml", Array(part.utf8))
        }
        return try zip.finish()
    }

    /// Valid, unique tab names: forbidden characters `[]:*?/\` become "-", at most 31
    /// characters, never empty, a repeated name gets " (2)", " (3)"…
    public static func sheetNames(_ wanted: [String]) -> [String] {
        var used: Set<String> = []
        return wanted.map { name in
            var clean = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }).trimmingCharacters(in: .whitespaces)
            clean = clean.trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            if clean.isEmpty { clean = "Trang" }
            var candidate = String(clean.prefix(31))
            var number = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(number))"
                candidate = String(clean.prefix(31 - suffix.count)) + suffix
                number += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    /// Style indexes of `styles`' cellXfs.
    enum Style: Int {
        case plain = 0, header, date, integer, percent, number
    }

    static func worksheet(_ sheet: Worksheet, strings: inout SharedStrings) -> String {
        let columnCount = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
        var widths = sheet.widths ?? automaticWidths(sheet, columns: columnCount)
        while widths.count < columnCount { widths.append(12) }
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out +=
            #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        if columnCount > 0 {
            out += "<dimension ref=\"A1:\(CellReference.letters(columnCount - 1))\(sheet.rows.count + 1)\"/>"
        }
        out += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        out += #"<sheetFormatPr defaultRowHeight="15"/>"#
        if columnCount > 0 {
            out += "<cols>"
            for (index, width) in widths.prefix(columnCount).enumerated() {
                out += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(Self.number(width))\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        out += row(1, sheet.header.map(WorkbookCell.text), header: true, strings: &strings)
        for (index, cells) in sheet.rows.enumerated() {
            out += row(index + 2, cells, header: false, strings: &strings)
        }
        out += "</sheetData>"
        out += #"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        out += "</worksheet>"
        return out
    }

    static func row(_ number: Int, _ cells: [WorkbookCell], header: Bool, strings: inout SharedStrings) -> String {
        var out = "<row r=\"\(number)\">"
        for (index, cell) in cells.enumerated() {
            let reference = "\(CellReference.letters(index))\(number)"
            switch cell {
            case .empty:
                continue
            case .text(let text):
                let style = header ? " s=\"\(Style.header.rawValue)\"" : ""
                out += "<c r=\"\(reference)\"\(style) t=\"s\"><v>\(strings.index(text))</v></c>"
            case .integer(let value):
                out += "<c r=\"\(reference)\" s=\"\(Style.integer.rawValue)\"><v>\(value)</v></c>"
            case .whole(let value):
                out += "<c r=\"\(reference)\"><v>\(value)</v></c>"
            case .number(let value):
                guard value.isFinite else { continue }
                out += "<c r=\"\(reference)\" s=\"\(Style.number.rawValue)\"><v>\(Self.number(value))</v></c>"
            case .percent(let value):
                guard value.isFinite else { continue }
                out += "<c r=\"\(reference)\" s=\"\(Style.percent.rawValue)\"><v>\(Self.fraction(value))</v></c>"
            case .date(let date):
                out += "<c r=\"\(reference)\" s=\"\(Style.date.rawValue)\"><v>\(serial(date))</v></c>"
            }
        }
        return out + "</row>"
    }

    /// The 1900 date system serial of a day: days since 30/12/1899 (right from 01/03/1900 on,
    /// the range of every date ThiDua writes).
    public static func serial(_ date: CivilDate) -> Int {
        date.ordinal - epoch.ordinal
    }

    private static let epoch = CivilDate(year: 1899, month: 12, day: 30)!

    /// Shortest round-trip decimal form, no trailing ".0".
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A percentage as a fraction, shifted in decimal so 99.4 is stored as 0.994 (not the
    /// binary 0.9940000000000001 that 99.4 / 100 gives).
    static func fraction(_ percent: Double) -> String {
        guard let exact = Decimal(string: number(percent)) else { return number(percent / 100) }
        return "\(exact / 100)"
    }

    /// Each column as wide as its longest line (header included), 8 to 60 characters.
    static func automaticWidths(_ sheet: Worksheet, columns: Int) -> [Double] {
        (0..<columns).map { column in
            var longest = column < sheet.header.count ? sheet.header[column].count + 2 : 0
            for cells in sheet.rows where column < cells.count {
                let length: Int
                switch cells[column] {
                case .empty: length = 0
                case .text(let text): length = text.split(separator: "\n").map(\.count).max() ?? 0
                case .integer(let value): length = Numbers.grouped(value).count
                case .whole(let value): length = String(value).count
                case .number(let value): length = Self.number(value).count
                case .percent: length = 7
                case .date: length = 10
                }
                longest = max(longest, length)
            }
            return Double(min(60, max(8, longest + 2)))
        }
    }
}
