import ThiDuaBase

extension SubmissionRow: JSONValueDecodable {
    /// The synthesized `Decodable`: `line` (Int) and `values` (a dictionary by field id); other
    /// keys ignored; a key present twice read from its first occurrence.
    package init?(exactly value: JSONValue) {
        guard case .object(let members) = value,
            let line = members.first(where: { $0.key == "line" })?.value.exactInt,
            case .object(let cells)? = members.first(where: { $0.key == "values" })?.value
        else { return nil }
        var values: [String: FieldValue] = [:]
        values.reserveCapacity(cells.count)
        for cell in cells where values[cell.key] == nil {
            guard let fieldValue = FieldValue(exactly: cell.value) else { return nil }
            values[cell.key] = fieldValue
        }
        self.init(line: line, values: values)
    }
}

extension FieldValue: JSONValueDecodable {
    /// `FieldValue`'s `Decodable`: a one-key object naming the kind. Keys other than the kinds
    /// are not counted (as `allKeys` leaves them out); anything but exactly one kind falls through.
    package init?(exactly value: JSONValue) {
        guard case .object(let members) = value else { return nil }
        var found: JSONValue.Member?
        for member in members {
            switch member.key {
            case "text", "integer", "number", "percent", "date", "yes-no", "choice", "unit", "person":
                guard found == nil else { return nil }
                found = member
            default:
                continue
            }
        }
        guard let found else { return nil }
        let v = found.value
        switch found.key {
        case "text": guard let s = v.exactString else { return nil }; self = .text(s)
        case "choice": guard let s = v.exactString else { return nil }; self = .choice(s)
        case "unit": guard let s = v.exactString else { return nil }; self = .unit(s)
        case "person": guard let s = v.exactString else { return nil }; self = .person(s)
        case "integer": guard let n = v.exactInt else { return nil }; self = .integer(n)
        case "number": guard let d = v.exactDouble else { return nil }; self = .number(d)
        case "percent": guard let d = v.exactDouble else { return nil }; self = .percent(d)
        case "yes-no": guard case .bool(let b) = v else { return nil }; self = .yesNo(b)
        case "date": guard let s = v.exactString, let date = CivilDate(quickParsing: s) else { return nil }; self = .date(date)
        default: return nil
        }
    }
}

extension Dictionary: JSONValueDecodable where Key == String, Value: JSONValueDecodable {
    /// `Dictionary`'s `Decodable` for string keys: every key of the object, each read from its
    /// first occurrence.
    package init?(exactly value: JSONValue) {
        guard case .object(let members) = value else { return nil }
        var out: [String: Value] = [:]
        out.reserveCapacity(members.count)
        for member in members where out[member.key] == nil {
            guard let item = Value(exactly: member.value) else { return nil }
            out[member.key] = item
        }
        self = out
    }
}

extension Vote: JSONValueDecodable {
    /// A raw-value enum's `Decodable`: the string (in NFC) must be one of the raw values.
    package init?(exactly value: JSONValue) {
        guard let s = value.exactString, let vote = Vote(rawValue: s) else { return nil }
        self = vote
    }
}

extension CivilDate {
    /// `CivilDate(parsing:)` for the two spellings the program itself writes, `yyyy-mm-dd` and
    /// `dd/mm/yyyy`, read digit by digit without Foundation's trimming and splitting (replay
    /// reads a date or more a line). Any other text goes to `CivilDate(parsing:)`, so the result
    /// is always the same as its.
    init?(quickParsing text: String) {
        if let parts = text.utf8.withContiguousStorageIfAvailable(Self.fixedWidthParts) ?? nil {
            self.init(year: parts.year, month: parts.month, day: parts.day)
        } else {
            self.init(parsing: text)
        }
    }

    /// The numbers of exactly `dddd-dd-dd` or `dd/dd/dddd`; nil for anything else.
    private static func fixedWidthParts(_ b: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard b.count == 10 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                let digit = b[i] &- 0x30
                guard digit < 10 else { return nil }
                n = n * 10 + Int(digit)
            }
            return n
        }
        if b[4] == 0x2D, b[7] == 0x2D, let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) { return (y, m, d) }
        if b[2] == 0x2F, b[5] == 0x2F, let d = number(0..<2), let m = number(3..<5), let y = number(6..<10) { return (y, m, d) }
        return nil
    }
}
