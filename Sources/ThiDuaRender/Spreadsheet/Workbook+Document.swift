import ThiDuaCore

extension Workbook {
    /// Every table of a document as a sheet named after the heading above it (or "Bảng 1"…);
    /// cells that are plainly numbers, percentages or dates become real cells (a number printed
    /// without groups, like a year, stays without groups).
    public init(document: Document) {
        var sheets: [Worksheet] = []
        var heading: String?
        for block in document.body + document.appendix {
            switch block {
            case .heading(let text, _):
                heading = text
            case .table(let table):
                let rows = table.rows.map { $0.map(WorkbookCell.reading) }
                let name = heading.map(Self.tabName) ?? "Bảng \(sheets.count + 1)"
                sheets.append(Worksheet(name: name, header: table.columns, rows: rows))
                heading = nil
            default:
                continue
            }
        }
        if sheets.isEmpty {
            sheets = [Worksheet(name: document.kindName.map(Self.tabName) ?? "Văn bản", header: ["Văn bản không có bảng nào"], rows: [])]
        }
        self.init(sheets: sheets)
    }

    /// A heading without its numbering ("III. DANH SÁCH" → "DANH SÁCH").
    static func tabName(_ heading: String) -> String {
        let words = heading.split(separator: " ", maxSplits: 1)
        if words.count == 2, let first = words.first, first.hasSuffix(".") || first.hasSuffix(")"),
            first.dropLast().allSatisfy({ $0.isNumber || "IVXLC".contains($0) || $0.isLetter && $0.isUppercase })
        {
            return String(words[1])
        }
        return heading
    }
}

extension WorkbookCell {
    /// The cell a text stands for, as Vietnamese documents print values: "1.250" and "12" are
    /// whole numbers, "8,75" a decimal, "99,4%" a percentage, "15/02/2026" a date. Anything else,
    /// including "0912 345 678", "1,250" (1,25 or 1250?) and "=1+1", stays text.
    public static func reading(_ text: String) -> WorkbookCell {
        if text.isEmpty { return .empty }
        if let date = CivilDate(parsing: text), text.contains("/"), text.count == 10 { return .date(date) }
        if text.hasSuffix("%"), let value = decimal(String(text.dropLast())) { return .percent(value) }
        if let integer = grouped(text) { return text.contains(".") ? .integer(integer) : .whole(integer) }
        if let value = decimal(text), text.contains(",") { return .number(value) }
        return .text(text)
    }

    /// "1.250.000", "12", "-3": digits in groups of three after the first; no leading zero.
    static func grouped(_ text: String) -> Int? {
        let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let groups = body.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...(groups.count == 1 ? 15 : 3)).contains(first.count),
            first == "0" || first.first != "0", groups.dropFirst().allSatisfy({ $0.count == 3 }),
            groups.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        return Int((text.hasPrefix("-") ? "-" : "") + groups.joined())
    }

    /// "8,75", "98,5", "99": a decimal comma, never a comma before exactly three digits.
    static func decimal(_ text: String) -> Double? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, let number = grouped(String(whole)) else { return nil }
        guard parts.count == 2 else { return Double(number) }
        let fraction = parts[1]
        guard !fraction.isEmpty, fraction.count != 3 || whole.contains("."), fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        return Double("\(number).\(fraction)")
    }
}
