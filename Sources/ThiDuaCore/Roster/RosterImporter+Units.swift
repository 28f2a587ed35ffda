import Foundation
import ThiDuaBase

extension RosterImporter {
    /// Checks units read from a file. Returns every unit that passed its own checks (so people
    /// of the same file can still be checked against them), the rows refused, and every finding.
    static func checkUnits(
        _ raws: [RawUnit], file: String, existing: Roster, kinds: UnitKindCatalogue
    ) -> ([Unit], [RefusedUnit], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let known = RosterIndex(existing)
        var entries: [(raw: RawUnit, id: String?, unit: Unit?)] = []
        var firstWithID: [String: (place: String, name: String)] = [:]
        var firstWithName: [String: (place: String, name: String)] = [:]
        for raw in raws {
            let place = raw.place
            func report(_ field: RosterField?, _ message: String, hint: String? = nil) {
                diagnostics.append(place.diagnostic(field, file: file, message, hint: hint))
            }
            if raw.name.isEmpty {
                report(.unitName, "tên đơn vị để trống", hint: "ghi tên đơn vị, ví dụ «Tổ dân phố 1»")
            } else if let problem = RosterImporter.nameProblem(raw.name, what: "tên đơn vị") {
                report(.unitName, problem.message, hint: problem.hint)
            }
            var kind: UnitKind?
            if raw.kind.isEmpty {
                report(.kind, "loại đơn vị để trống", hint: "ghi một trong: \(kinds.allowedDescription)")
            } else if let parsed = kinds.parse(raw.kind) {
                kind = parsed
            } else {
                let guess = VietnameseText.suggestion(for: raw.kind, among: kinds.names)
                report(
                    .kind, "loại đơn vị «\(InputLimits.shown(raw.kind))» không có; cần một trong: \(kinds.allowedDescription)",
                    hint: guess.map { "có phải ý bạn là «\($0)»?" }
                        ?? "loại khác khai báo trong tệp tables/unit-kinds.json của thư mục làm việc")
            }
            let generated = raw.id.isEmpty
            var id: String? = generated ? nil : raw.id
            if generated && !raw.name.isEmpty {
                let slug = VietnameseText.slug(raw.name)
                if slug.isEmpty {
                    report(
                        .unitName, "không tạo được mã từ tên «\(raw.name)» (tên không có chữ cái hay chữ số)",
                        hint: "ghi mã vào cột «Mã», ví dụ «to-dan-pho-1»")
                } else {
                    id = slug
                }
            } else if let given = id, let problem = Identifier.problem(given) {
                let example = VietnameseText.slug(raw.name)
                report(.id, problem, hint: example.isEmpty ? nil : "ví dụ «\(example)»")
                id = nil
            }
            if let id {
                if let first = firstWithID[id] {
                    report(
                        generated ? .unitName : .id,
                        "mã «\(id)» trùng với mã của đơn vị «\(first.name)» ở \(first.place)",
                        hint: generated
                            ? "hai tên cho cùng một mã tự tạo; ghi mã khác nhau vào cột «Mã»" : "mỗi đơn vị cần một mã riêng")
                } else if let old = known.unit(id: id) {
                    report(
                        generated ? .unitName : .id, "mã «\(id)» đã có trong danh bạ (đơn vị «\(old.name)»)",
                        hint: "đơn vị này đã được nhập trước đây; bỏ dòng này, hoặc ghi một mã khác vào cột «Mã»")
                } else {
                    firstWithID[id] = (place.name, raw.name)
                }
            }
            if !raw.name.isEmpty {
                let key = VietnameseText.key(raw.name)
                if let first = firstWithName[key] {
                    report(
                        .unitName, "đơn vị «\(raw.name)» trùng tên với đơn vị «\(first.name)» ở \(first.place)",
                        hint: "tên được so không phân biệt chữ hoa, chữ thường và kiểu gõ dấu; xóa dòng trùng")
                } else if let old = known.unit(named: raw.name) {
                    report(
                        .unitName, "đơn vị «\(raw.name)» đã có trong danh bạ (mã «\(old.id)»)",
                        hint: "đơn vị này đã được nhập trước đây; bỏ dòng này")
                } else {
                    firstWithName[key] = (place.name, raw.name)
                }
            }
            var figures = raw.jsonFigures
            for figure in raw.figures {
                switch UnitFigure.value(figure.text) {
                case .success(let value): figures[figure.id] = value
                case .failure(let problem):
                    diagnostics.append(
                        Diagnostic(
                            .error, file: file, path: "\(place.name), cột «\(figure.column)»", line: place.line,
                            message: "cột «\(figure.column)»: \(problem.message)", hint: problem.hint))
                }
            }
            var unit = id.flatMap { id in kind.map { Unit(id: id, name: raw.name, kind: $0) } }
            if !figures.isEmpty { unit?.figures = figures }
            entries.append((raw, id, raw.name.isEmpty ? nil : unit))
        }
        let local = RosterIndex(units: entries.compactMap(\.unit))
        for index in entries.indices where !entries[index].raw.parent.isEmpty {
            let raw = entries[index].raw
            let reference = raw.parent
            guard
                let parent = local.unit(id: reference) ?? local.unit(named: reference) ?? known.unit(id: reference)
                    ?? known.unit(named: reference)
            else {
                let names = local.units.map(\.name) + known.units.map(\.name)
                let guess = VietnameseText.suggestion(for: reference, among: names)
                diagnostics.append(
                    raw.place.diagnostic(
                        .parent, file: file, "không có đơn vị «\(reference)» để trực thuộc (không có trong tệp này hay trong danh bạ)",
                        hint: guess.map { "có phải ý bạn là «\($0)»?" }
                            ?? "ghi mã hoặc tên của một đơn vị có trong tệp hoặc danh bạ, hoặc để trống"))
                continue
            }
            if parent.id == entries[index].id {
                diagnostics.append(raw.place.diagnostic(.parent, file: file, "đơn vị «\(raw.name)» không thể trực thuộc chính nó"))
                continue
            }
            entries[index].unit?.parent = parent.id
        }
        let units = entries.compactMap(\.unit)
        diagnostics += cycles(in: units, places: entries, file: file)
        let refused = entries.filter { $0.unit == nil && !$0.raw.name.isEmpty }.map {
            RefusedUnit(id: $0.id ?? $0.raw.id, name: $0.raw.name, file: file, place: $0.raw.place.name)
        }
        return (units, refused, byLine(diagnostics))
    }

    /// One error for each loop of "trực thuộc" among the new units.
    private static func cycles(in units: [Unit], places: [(raw: RawUnit, id: String?, unit: Unit?)], file: String) -> [Diagnostic] {
        var parentOf: [String: String] = [:]
        var nameOf: [String: String] = [:]
        for unit in units {
            if parentOf[unit.id] == nil, let parent = unit.parent { parentOf[unit.id] = parent }
            nameOf[unit.id] = unit.name
        }
        var reported: Set<String> = []
        var out: [Diagnostic] = []
        for entry in places {
            guard let start = entry.unit?.id, !reported.contains(start) else { continue }
            var chain = [start]
            var current = parentOf[start]
            while let next = current, chain.count <= units.count {
                if next == start {
                    reported.formUnion(chain)
                    let shown = (chain + [start]).map { "«\(nameOf[$0] ?? $0)»" }.joined(separator: " → ")
                    out.append(
                        entry.raw.place.diagnostic(
                            .parent, file: file, "các đơn vị trực thuộc nhau thành vòng: \(shown)",
                            hint: "sửa cột «Trực thuộc» để có một đơn vị đứng đầu, không trực thuộc đơn vị nào trong vòng"))
                    break
                }
                if chain.contains(next) { break }
                chain.append(next)
                current = parentOf[next]
            }
        }
        return out
    }
}
