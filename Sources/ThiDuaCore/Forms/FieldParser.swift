import Foundation
import ThiDuaBase

/// The content of one cell before it is checked: CSV text, or a JSON scalar.
enum CellInput: Equatable {
    /// Text, trimmed and in NFC.
    case text(String)
    /// A JSON number, as written.
    case number(String)
    case bool(Bool)

    /// Whether the cell holds nothing.
    var isEmpty: Bool {
        if case .text(let s) = self { return s.isEmpty }
        return false
    }

    /// The cell as text: a JSON number keeps its spelling.
    var text: String {
        switch self {
        case .text(let s), .number(let s): return s
        case .bool(let b): return b ? "true" : "false"
        }
    }
}

/// Checks one non-empty cell against its field's kind, resolving units and people in the roster.
struct FieldParser {
    let index: RosterIndex
    /// Did-you-mean answers already worked out, and how many more may be (each compares the
    /// value with every name of the roster, so a file of thousands of unknown names is bounded).
    private final class Suggestions {
        var known: [String: String?] = [:]
        var budget = 200

        func answer(_ key: String, _ compute: () -> String?) -> String? {
            if let found = known[key] { return found }
            guard budget > 0 else { return nil }
            budget -= 1
            let value = compute()
            known[key] = value
            return value
        }
    }

    private let suggestions = Suggestions()

    /// The choices of each choice field, by their comparison key, so rows compare in one lookup.
    private let choices: [String: [String: String]]

    init(index: RosterIndex, form: FormSpec) {
        self.index = index
        var choices: [String: [String: String]] = [:]
        for field in form.fields where field.kind == .choice {
            var byKey: [String: String] = [:]
            for choice in field.choices ?? [] where byKey[VietnameseText.key(choice)] == nil {
                byKey[VietnameseText.key(choice)] = VietnameseText.nfc(choice)
            }
            choices[field.id] = byKey
        }
        self.choices = choices
    }

    func parse(_ input: CellInput, as field: FieldSpec) -> Result<FieldValue, ValueProblem> {
        let result = value(input, field)
        return result.mapError { ValueProblem(message: "«\(field.label)»: \($0.message)", hint: $0.hint) }
    }

    private func value(_ input: CellInput, _ field: FieldSpec) -> Result<FieldValue, ValueProblem> {
        if case .bool(let b) = input, field.kind != .yesNo {
            return .failure(ValueProblem(message: "thấy giá trị \(b) nhưng trường này không phải có/không", hint: "ghi giá trị dạng chuỗi"))
        }
        let text = input.text
        switch field.kind {
        case .text, .longText:
            if let problem = CellParsing.textProblem(text, singleLine: field.kind == .text) { return .failure(problem) }
            return .success(.text(text))
        case .integer:
            if case .number(let raw) = input { return jsonInteger(raw) }
            return CellParsing.integer(text).map(FieldValue.integer)
        case .number:
            if case .number(let raw) = input { return CellParsing.number(json: raw).map(FieldValue.number) }
            guard let value = CellParsing.decimal(text) else {
                if let ambiguity = CellParsing.ambiguity(text) { return .failure(ambiguity) }
                return .failure(
                    ValueProblem(
                        message: "cần một số, thấy «\(InputLimits.shown(text))»",
                        hint: "viết chữ số, phần thập phân sau dấu phẩy hoặc dấu chấm (ví dụ 12,5)"))
            }
            return .success(.number(value))
        case .percent:
            if case .number(let raw) = input {
                return CellParsing.number(json: raw).flatMap { CellParsing.inRange($0, shown: raw) }.map(FieldValue.percent)
            }
            return CellParsing.percent(text).map(FieldValue.percent)
        case .date:
            return CellParsing.date(text).map(FieldValue.date)
        case .yesNo:
            if case .bool(let b) = input { return .success(.yesNo(b)) }
            guard let b = CellParsing.yesNo(text) else {
                return .failure(
                    ValueProblem(message: "cần «Có» hoặc «Không», thấy «\(text)»", hint: "ghi Có/Không (hoặc x, 1, 0, yes, no)"))
            }
            return .success(.yesNo(b))
        case .choice:
            return choice(text, field)
        case .unit:
            switch index.resolveUnit(text) {
            case .success(let unit): return .success(.unit(unit.id))
            case .failure(let miss):
                let near = suggestions.answer("u\n" + text) { index.unitSuggestion(for: text) }
                return .failure(problem(miss, text, near: near, what: "đơn vị", known: index.unitNames))
            }
        case .person:
            switch index.resolvePerson(text) {
            case .success(let person): return .success(.person(person.id))
            case .failure(let miss):
                let near = suggestions.answer("p\n" + text) { index.personSuggestion(for: text) }
                return .failure(problem(miss, text, near: near, what: "người", known: nil))
            }
        }
    }

    private func jsonInteger(_ raw: String) -> Result<FieldValue, ValueProblem> {
        if let n = Int(raw) { return .success(.integer(n)) }
        let d: Double
        switch CellParsing.number(json: raw) {
        case .success(let value): d = value
        case .failure(let problem): return .failure(problem)
        }
        if d != d.rounded() {
            return .failure(ValueProblem(message: "cần số nguyên (không có phần thập phân), thấy \(InputLimits.shown(raw))", hint: "làm tròn thành số nguyên"))
        }
        guard abs(d) < 9.2e18, let n = Int(exactly: d) else {
            return .failure(ValueProblem(message: "số \(InputLimits.shown(raw)) quá lớn", hint: nil))
        }
        return .success(.integer(n))
    }

    private func choice(_ text: String, _ field: FieldSpec) -> Result<FieldValue, ValueProblem> {
        if let match = choices[field.id]?[VietnameseText.key(text)] { return .success(.choice(match)) }
        let choices = field.choices ?? []
        let guess = VietnameseText.suggestion(for: text, among: choices)
        return .failure(
            ValueProblem(
                message: "«\(text)» không phải lựa chọn hợp lệ; cần một trong: \(VietnameseText.quotedList(choices, limit: 20))",
                hint: guess.map { "có phải ý bạn là «\($0)»?" }))
    }

    private func problem(_ miss: RosterIndex.Miss, _ text: String, near: String?, what: String, known: String?) -> ValueProblem {
        switch miss {
        case .unknown:
            let hint =
                near.map { "có phải ý bạn là «\($0)»?" }
                ?? known.map { "ghi mã hoặc tên đúng như trong danh bạ: \($0)" }
                ?? "ghi mã hoặc tên đúng như trong danh bạ, hoặc thêm \(what) này vào danh bạ trước"
            return ValueProblem(message: "không có \(what) «\(text)» trong danh bạ", hint: hint)
        case .ambiguous(let people):
            let list = people.map { person in
                let unit = index.unit(id: person.unit)?.name ?? person.unit
                return "\(person.name) (\(unit), mã «\(person.id)»)"
            }
            return ValueProblem(
                message: "có \(people.count) người tên «\(text)»: \(list.joined(separator: "; "))",
                hint: "ghi mã người thay cho tên để chọn đúng một người")
        }
    }
}
