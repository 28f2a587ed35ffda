import Foundation
import ThiDuaBase

extension RosterImporter {
    /// The longest id made from a name and a unit, leaving room for "-99".
    static let generatedIDLength = 76

    /// Checks people read from a file against the units of `existing` and `units`. Returns
    /// every person that passed the checks and every finding.
    static func checkPeople(
        _ raws: [RawPerson], file: String, existing: Roster, units: [Unit], refused: [RefusedUnit] = []
    ) -> ([Person], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let unitIndex = RosterIndex(units: existing.units + units)
        let known = RosterIndex(existing)
        // Ids written in the file come first, so a made-up id never takes one of them.
        var taken = Set(existing.people.map(\.id))
        var firstWithID: [String: (place: String, name: String)] = [:]
        var validGiven: Set<Int> = []
        for (index, raw) in raws.enumerated() where !raw.id.isEmpty {
            if let problem = Identifier.problem(raw.id) {
                diagnostics.append(raw.place.diagnostic(.id, file: file, problem))
            } else if let first = firstWithID[raw.id] {
                diagnostics.append(
                    raw.place.diagnostic(
                        .id, file: file, "mã «\(raw.id)» trùng với mã của «\(first.name)» ở \(first.place)",
                        hint: "mỗi người cần một mã riêng"))
            } else if let old = known.person(id: raw.id) {
                diagnostics.append(
                    raw.place.diagnostic(
                        .id, file: file, "mã «\(raw.id)» đã có trong danh bạ («\(old.name)»)",
                        hint: "người này đã được nhập trước đây; bỏ dòng này, hoặc ghi một mã khác"))
            } else {
                firstWithID[raw.id] = (raw.place.name, raw.name)
                validGiven.insert(index)
            }
        }
        taken.formUnion(firstWithID.keys)
        var firstInUnit: [String: (place: String, name: String)] = [:]
        var people: [Person] = []
        for (index, raw) in raws.enumerated() {
            let before = diagnostics.count
            func report(_ field: RosterField?, _ message: String, hint: String? = nil) {
                diagnostics.append(raw.place.diagnostic(field, file: file, message, hint: hint))
            }
            if raw.name.isEmpty { report(.personName, "họ và tên để trống", hint: "ghi đủ họ và tên, ví dụ «Nguyễn Thị Lan»") }
            if raw.position.isEmpty { report(.position, "chức vụ để trống", hint: "ghi chức vụ, ví dụ «Tổ trưởng» hoặc «Chuyên viên»") }
            for (field, text, what) in [(RosterField.personName, raw.name, "họ và tên"), (.position, raw.position, "chức vụ")] {
                if let problem = RosterImporter.nameProblem(text, what: what) { report(field, problem.message, hint: problem.hint) }
            }
            var unit: Unit?
            if raw.unit.isEmpty {
                report(.unit, "đơn vị để trống", hint: "ghi mã hoặc tên một đơn vị có trong danh bạ")
            } else {
                switch unitIndex.resolveUnit(raw.unit) {
                case .success(let found): unit = found
                case .failure where refused.contains(where: { $0.matches(raw.unit) }):
                    let row = refused.first { $0.matches(raw.unit) }!
                    report(
                        .unit, "đơn vị «\(InputLimits.shown(raw.unit))» bị từ chối ở \(row.place) của tệp \(row.file)",
                        hint: "sửa lỗi của dòng đơn vị đó rồi nhập lại cả hai tệp; dòng này không có lỗi riêng")
                case .failure:
                    let suggestion = unitIndex.unitSuggestion(for: raw.unit)
                    report(
                        .unit, "không có đơn vị «\(InputLimits.shown(raw.unit))» trong danh bạ",
                        hint: suggestion.map { "có phải ý bạn là «\($0)»?" }
                            ?? "ghi mã hoặc tên đúng như trong danh bạ: \(unitIndex.unitNames)")
                }
            }
            var birthDate: CivilDate?
            if !raw.birthDate.isEmpty {
                switch CellParsing.date(raw.birthDate) {
                case .success(let date): birthDate = date
                case .failure(let problem): report(.birthDate, "ngày sinh: \(problem.message)", hint: problem.hint)
                }
            }
            if let unit, !raw.name.isEmpty {
                let key = unit.id + "\n" + VietnameseText.key(raw.name)
                if let first = firstInUnit[key] {
                    report(
                        .personName, "«\(raw.name)» trùng với «\(first.name)» ở \(first.place), cùng đơn vị «\(unit.name)»",
                        hint: "tên được so không phân biệt chữ hoa, chữ thường và kiểu gõ dấu; xóa dòng trùng")
                } else if let old = known.people(named: raw.name).first(where: { $0.unit == unit.id }) {
                    report(
                        .personName, "«\(raw.name)» đã có trong danh bạ ở đơn vị «\(unit.name)» (mã «\(old.id)»)",
                        hint: "người này đã được nhập trước đây; bỏ dòng này")
                } else {
                    firstInUnit[key] = (raw.place.name, raw.name)
                }
            }
            var id: String?
            if validGiven.contains(index) {
                id = raw.id
            } else if raw.id.isEmpty, let unit, !raw.name.isEmpty {
                id = generatedID(name: raw.name, unit: unit.id, taken: &taken)
                if id == nil {
                    report(
                        .personName, "không tạo được mã từ tên «\(raw.name)» (tên không có chữ cái hay chữ số)",
                        hint: "ghi mã vào cột «Mã»")
                }
            }
            guard diagnostics.count == before, let id, let unit else { continue }
            people.append(Person(id: id, name: raw.name, position: raw.position, unit: unit.id, birthDate: birthDate))
        }
        return (people, byLine(diagnostics))
    }

    /// "nguyen-thi-lan-to-dan-pho-1", or with -2, -3… when taken; nil when the name gives no slug.
    static func generatedID(name: String, unit: String, taken: inout Set<String>) -> String? {
        let slug = VietnameseText.slug(name)
        guard !slug.isEmpty else { return nil }
        var base = String("\(slug)-\(unit)".prefix(generatedIDLength))
        while base.hasSuffix("-") { base.removeLast() }
        var candidate = base
        var counter = 1
        while taken.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        taken.insert(candidate)
        return candidate
    }
}
