import Foundation
import ThiDuaBase

/// Why a cell's text is not a value of its kind, in Vietnamese: the rule and the value found.
struct ValueProblem: Error, Equatable {
    var message: String
    var hint: String?
}

/// Reads the text of one cell as a number, a date or a yes/no, the way Vietnamese users type
/// them. Messages do not name the field: the caller adds it.
enum CellParsing {
    /// A day written dd/mm/yyyy (or ISO yyyy-mm-dd) that exists.
    static func date(_ text: String) -> Result<CivilDate, ValueProblem> {
        let plain = text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "/" || $0 == "-" }
        if plain, let date = CivilDate(parsing: text) { return .success(date) }
        let format = ValueProblem(
            message: "cần ngày dạng dd/mm/yyyy, thấy «\(InputLimits.shown(text))»", hint: "viết ngày như 15/02/2026 (ngày/tháng/năm đủ 4 chữ số)")
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard plain, parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 }),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return .failure(format) }
        if parts[2].count != 4 {
            return .failure(
                ValueProblem(
                    message: "năm phải viết đủ 4 chữ số, thấy «\(InputLimits.shown(text))»",
                    hint: "viết \(day)/\(month)/20\(parts[2].count == 2 ? String(parts[2]) : "…")"))
        }
        guard parts[0].count <= 2, parts[1].count <= 2 else { return .failure(format) }
        if !(1...12).contains(month) {
            return .failure(
                ValueProblem(
                    message: "ngày «\(InputLimits.shown(text))» có tháng \(month) không tồn tại (tháng từ 1 đến 12)",
                    hint: "kiểm tra thứ tự ngày/tháng/năm: ngày đứng trước tháng"))
        }
        let days = CivilDate.daysIn(month: month, year: year)
        return .failure(
            ValueProblem(
                message: "ngày \(text) không có thật: tháng \(month) năm \(year) chỉ có \(days) ngày",
                hint: "sửa lại ngày cho đúng (từ 1 đến \(days))"))
    }

    /// A decimal with "," or "." before the fraction ("98,5", "98.5"); several dots or commas,
    /// or both kinds, are read as thousands groups ("2.340.000", "1.234,5"). Nil otherwise.
    static func decimal(_ text: String) -> Double? {
        var body = Substring(text)
        var negative = false
        if let sign = body.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return nil }
        let dots = body.filter { $0 == "." }.count
        let commas = body.filter { $0 == "," }.count
        var decimalMark: Character?
        var groupMark: Character?
        if dots > 0 && commas > 0 {
            decimalMark = body.last(where: { $0 == "." || $0 == "," })
            groupMark = decimalMark == "." ? "," : "."
        } else if dots > 1 {
            groupMark = "."
        } else if commas > 1 {
            groupMark = ","
        } else if dots == 1 {
            // Vietnamese writing: "1.250" hồ sơ is one thousand two hundred fifty, never 1,25.
            if threeDigitGroup(body, ".") { groupMark = "." } else { decimalMark = "." }
        } else if commas == 1 {
            // "1,250" is 1,25 in Vietnamese but 1250 in English: refused (see `ambiguity`).
            if threeDigitGroup(body, ",") { return nil }
            decimalMark = ","
        }
        var whole = body
        var fraction: Substring = ""
        if let mark = decimalMark, let at = body.lastIndex(of: mark) {
            whole = body[..<at]
            fraction = body[body.index(after: at)...]
            guard !fraction.isEmpty, fraction.allSatisfy(\.isNumber) else { return nil }
        }
        if let group = groupMark {
            let groups = whole.split(separator: group, omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
            whole = Substring(groups.joined())
        }
        guard !whole.isEmpty, whole.allSatisfy(\.isNumber) else { return nil }
        guard let value = Double("\(negative ? "-" : "")\(whole)\(fraction.isEmpty ? "" : ".")\(fraction)"), value.isFinite
        else { return nil }
        // 0,000…001 with hundreds of zeros is not 0: refused rather than silently rounded.
        if value == 0, (whole + fraction).contains(where: { $0 != "0" }) { return nil }
        return value
    }

    /// A JSON number's text as a value: refused when it is beyond `Double` (1e400) or so close
    /// to zero that it would silently become 0 (1e-400).
    static func number(json raw: String) -> Result<Double, ValueProblem> {
        guard let value = Double(raw), value.isFinite else {
            return .failure(ValueProblem(message: "số \(InputLimits.shown(raw)) quá lớn", hint: "ghi số trong khoảng ±1e308"))
        }
        let mantissa = raw.prefix { $0 != "e" && $0 != "E" }
        if value == 0, mantissa.contains(where: { ("1"..."9").contains($0) }) {
            return .failure(
                ValueProblem(
                    message: "số \(InputLimits.shown(raw)) quá nhỏ: gần 0 hơn mức ThiDua biểu diễn được, sẽ bị làm tròn thành 0",
                    hint: "ghi 0 nếu đúng là không, hoặc kiểm tra lại số mũ"))
        }
        return .success(value)
    }

    /// Whether `body` is 1–3 digits (not starting with 0), `mark`, then exactly 3 digits.
    static func threeDigitGroup(_ body: Substring, _ mark: Character) -> Bool {
        let parts = body.split(separator: mark, omittingEmptySubsequences: false)
        guard parts.count == 2, (1...3).contains(parts[0].count), parts[0].first != "0", parts[1].count == 3 else { return false }
        return parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    /// Why a number like "1,250" is refused: one comma before three digits reads 1,25 in
    /// Vietnamese and 1250 in English. Nil for any other text.
    static func ambiguity(_ text: String) -> ValueProblem? {
        let body = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard threeDigitGroup(body, ",") else { return nil }
        let parts = body.split(separator: ",")
        let fraction = parts[1].hasSuffix("0") ? String(parts[1].dropLast(parts[1].hasSuffix("00") ? 2 : 1)) : String(parts[1])
        return ValueProblem(
            message: "số «\(text)» không rõ nghĩa: có thể là \(parts[0]),\(fraction) hoặc \(parts[0]).\(parts[1])",
            hint: "viết \(parts[0]).\(parts[1]) nếu là số nghìn (dấu chấm ngăn cách hàng nghìn), hoặc \(parts[0]),\(fraction) nếu là số thập phân")
    }

    /// A whole number, optionally grouped by dots in threes ("1.500" = 1500), with no fraction
    /// and within `Int`.
    static func integer(_ text: String) -> Result<Int, ValueProblem> {
        var body = Substring(text)
        var sign = ""
        if let first = body.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            body = body.dropFirst()
        }
        let groups = body.split(separator: ".", omittingEmptySubsequences: false)
        let grouped =
            groups.count > 1 && (groups.first.map { (1...3).contains($0.count) } ?? false)
            && groups.dropFirst().allSatisfy { $0.count == 3 }
        let digits = grouped ? Substring(groups.joined()) : body
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            if let value = Int(sign + digits) { return .success(value) }
            return .failure(
                ValueProblem(
                    message: "số «\(InputLimits.shown(text))» quá lớn", hint: "số nguyên phải nằm trong khoảng ±\(Numbers.grouped(Int.max))"))
        }
        if let value = decimal(text) {
            return .failure(
                ValueProblem(
                    message: "cần số nguyên (không có phần thập phân), thấy «\(InputLimits.shown(text))»",
                    hint: value.isFinite && value == value.rounded()
                        ? "viết \(Numbers.vietnamese(value, maxFractionDigits: 0))" : "làm tròn thành số nguyên"))
        }
        return .failure(ValueProblem(message: "cần số nguyên, thấy «\(InputLimits.shown(text))»", hint: "chỉ viết chữ số, ví dụ 12"))
    }

    /// A percentage from 0 to 100: "98", "98,5", "98.5" or "98%".
    static func percent(_ text: String) -> Result<Double, ValueProblem> {
        var body = text
        if body.hasSuffix("%") {
            body.removeLast()
            body = body.trimmingCharacters(in: .whitespaces)
        }
        guard let value = decimal(body) else {
            return .failure(
                ValueProblem(message: "cần tỷ lệ phần trăm, thấy «\(InputLimits.shown(text))»", hint: "viết một số từ 0 đến 100, ví dụ 98, 98,5 hoặc 98%"))
        }
        return inRange(value, shown: text)
    }

    /// The value when it lies in 0…100.
    static func inRange(_ value: Double, shown: String) -> Result<Double, ValueProblem> {
        guard (0...100).contains(value) else {
            return .failure(
                ValueProblem(
                    message: "tỷ lệ phải từ 0 đến 100, thấy \(shown)",
                    hint: value > 100 && value <= 10_000 ? "tỷ lệ tính theo phần trăm và không vượt quá 100%" : nil))
        }
        return .success(value)
    }

    /// Why a text cannot be recorded: a control character (it would reach the terminal and the
    /// documents), or a line break in a one-line field (a name, a title). Nil when it is fine.
    static func textProblem(_ text: String, singleLine: Bool) -> ValueProblem? {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let lineBreak = v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029
            if lineBreak && !singleLine { continue }
            if lineBreak {
                return ValueProblem(
                    message: "có dấu xuống dòng, nhưng trường này chỉ ghi trên một dòng", hint: "ghi nội dung trên một dòng")
            }
            if (v < 0x20 && v != 0x09) || (0x7F...0x9F).contains(v) {
                return ValueProblem(
                    message: "chứa ký tự điều khiển \(CSVReader.describe(scalar)), không được phép",
                    hint: "xóa ký tự đó (thường do chép từ phần mềm khác hoặc từ tin nhắn)")
            }
        }
        return nil
    }

    /// "có", "x", "yes", "1" → true; "không", "no", "0" → false; nil otherwise.
    static func yesNo(_ text: String) -> Bool? {
        let key = VietnameseText.key(text)
        if yes.contains(key) { return true }
        if no.contains(key) { return false }
        return nil
    }

    static let yes: Set<String> = ["có", "co", "x", "yes", "y", "1", "true"]
    static let no: Set<String> = ["không", "khong", "ko", "no", "n", "0", "false"]
}
