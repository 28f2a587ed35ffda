import Foundation
import ThiDuaBase

/// One directive file as read: the directive when it decoded, the parsed tree (for positions),
/// and the findings about the file on its own.
public struct DirectiveFile: Sendable {
    /// The file as named to the user: "directives/tuyen-quang-cds-2026.json".
    public var file: String
    public var directive: Directive?
    public var root: JSONNode?
    public var diagnostics: [Diagnostic]

    /// Reads one directive file's bytes. `expectedID` is the file name without `.json`.
    public static func read(bytes: [UInt8], file: String, expectedID: String?) -> DirectiveFile {
        let outcome = JSONInputFile.decode(Directive.self, bytes: bytes, file: file, what: "tệp văn bản chỉ đạo")
        var result = DirectiveFile(file: file, directive: outcome.value, root: outcome.root, diagnostics: outcome.diagnostics)
        if let directive = outcome.value {
            let findings = DirectiveValidator(directive: directive, expectedID: expectedID).validate()
            result.diagnostics += JSONInputFile.locate(findings, in: outcome.root, file: file)
        }
        return result
    }

    /// Whether any finding about the file is an error.
    public var isBroken: Bool { directive == nil || diagnostics.hasErrors }

    /// "directives/x.json:12:7, floors[0]": a place in this file, for messages about plans.
    public func place(_ path: String) -> String { JSONInputFile.place(file, root, path) }
}

/// The checks of one directive file on its own: ids, blanks, values, duplicates.
struct DirectiveValidator {
    let directive: Directive
    let expectedID: String?
    private var findings: [Diagnostic] = []

    init(directive: Directive, expectedID: String?) {
        self.directive = directive
        self.expectedID = expectedID
    }

    func validate() -> [Diagnostic] {
        var v = self
        v.checkHeader()
        v.checkFloors()
        v.checkCriteria()
        v.checkMilestones()
        v.checkAwards()
        return v.findings
    }

    private mutating func error(_ path: String, _ message: String, hint: String? = nil) {
        findings.append(Diagnostic(.error, path: path, message: message, hint: hint))
    }

    private mutating func warning(_ path: String, _ message: String, hint: String? = nil) {
        findings.append(Diagnostic(.warning, path: path, message: message, hint: hint))
    }

    private mutating func checkHeader() {
        let d = directive
        if let problem = Identifier.problem(d.id) { error("id", problem) }
        if let expectedID, expectedID != d.id {
            error(
                "id", "mã văn bản «\(d.id)» khác tên tệp «\(expectedID).json»",
                hint: "đổi tên tệp thành «\(d.id).json» hoặc sửa «id» thành «\(expectedID)»")
        }
        for (key, text) in [("kind", d.kind), ("number", d.number), ("title", d.title), ("issuer.name", d.issuer.name)]
        where text.trimmingCharacters(in: .whitespaces).isEmpty {
            error(key, "không được để trống")
        }
        if let parent = d.parent {
            if let problem = Identifier.problem(parent) {
                error("parent", problem)
            } else if parent == d.id {
                error("parent", "văn bản «\(d.id)» không thể thực hiện chính nó", hint: "«parent» là mã của văn bản cấp trên")
            }
        }
    }

    private mutating func checkFloors() {
        var seen: [String: Int] = [:]
        for (i, floor) in directive.floors.enumerated() {
            let path = "floors[\(i)]"
            if let problem = Identifier.problem(floor.indicator) { error("\(path).indicator", problem) }
            if let first = seen[floor.indicator] {
                error("\(path).indicator", "chỉ tiêu «\(floor.indicator)» đã có mức tối thiểu ở floors[\(first)]; mỗi chỉ tiêu chỉ một mức")
            } else {
                seen[floor.indicator] = i
            }
            if let measure = floor.measure, let problem = Self.valueProblem(floor.target.value, measure: measure) {
                error("\(path).value", problem)
            }
            if floor.target.comparison == .atLeast || floor.target.comparison == .greaterThan, floor.measure == .rank {
                warning(
                    "\(path).op", "thứ hạng càng nhỏ càng tốt; mức «\(floor.target.vietnamese(measure: .rank))» đòi thứ hạng kém đi",
                    hint: "với thứ hạng, dùng «<=» (ví dụ «<= 5»: trong 5 hạng đầu)")
            }
        }
    }

    private mutating func checkCriteria() {
        var seen: [String: Int] = [:]
        for (i, required) in directive.requiredCriteria.enumerated() {
            let path = "requiredCriteria[\(i)]"
            switch (required.catalogue, required.id) {
            case (nil, nil):
                error(path, "cần «catalogue» (mã tiêu chí trong danh mục của loại) hoặc «id» kèm «text»")
                continue
            case (.some, .some):
                error(path, "chỉ dùng một trong hai: «catalogue» hoặc «id»")
            case (nil, .some):
                if (required.text ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                    error(path, "tiêu chí riêng «\(required.key)» cần «text»: nội dung tiêu chí mà kế hoạch phải có")
                }
            case (.some, nil):
                break
            }
            let key = required.key
            let keyPath = required.catalogue != nil ? "\(path).catalogue" : "\(path).id"
            if let problem = Identifier.problem(key) { error(keyPath, problem) }
            if let first = seen[key] { error(keyPath, "tiêu chí «\(key)» đã có ở requiredCriteria[\(first)]") } else { seen[key] = i }
        }
    }

    private mutating func checkMilestones() {
        for (i, required) in directive.requiredMilestones.enumerated() {
            if case .date(let latest)? = required.latest, latest < directive.date {
                error(
                    "requiredMilestones[\(i)].latest",
                    "hạn chậm nhất \(latest.vietnamese) trước ngày ban hành văn bản (\(directive.date.vietnamese))",
                    hint: "kiểm tra năm của hạn, hoặc ghi dạng dd/mm nếu là hạn hằng năm")
            }
        }
    }

    private mutating func checkAwards() {
        var seen: [String: Int] = [:]
        for (i, form) in directive.allowedAwards.enumerated() {
            if let problem = Identifier.problem(form) { error("allowedAwards[\(i)]", problem) }
            if let first = seen[form] {
                warning("allowedAwards[\(i)]", "hình thức «\(form)» lặp lại allowedAwards[\(first)]")
            } else {
                seen[form] = i
            }
        }
    }

    /// Why a value cannot be a target of that measure, or nil.
    static func valueProblem(_ value: Double, measure: Measure) -> String? {
        switch measure {
        case .percent where !(0...100).contains(value): "tỷ lệ \(Numbers.vietnamese(value))% nằm ngoài khoảng 0–100"
        case .count where value < 0 || value != value.rounded():
            "số lượng phải là số nguyên không âm, thấy \(Numbers.vietnamese(value))"
        case .rank where value < 1 || value != value.rounded():
            "thứ hạng phải là số nguyên từ 1 trở lên, thấy \(Numbers.vietnamese(value))"
        case .yesNo where value != 0 && value != 1: "chỉ tiêu có/không nhận 1 (có) hoặc 0 (không), thấy \(Numbers.vietnamese(value))"
        default: nil
        }
    }
}
