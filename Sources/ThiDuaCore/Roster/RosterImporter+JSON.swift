import Foundation
import ThiDuaBase

extension RosterImporter {
    /// Units and people from JSON: `{"units": [...], "people": [...]}` with the `Unit` and
    /// `Person` keys ("kind" may also be a Vietnamese label; a missing "id" is made from the
    /// name as in CSV). People may belong to units of the same file or of `existing`. Returns
    /// the file's units and people only, or nil when anything is an error.
    public static func json(
        _ bytes: [UInt8], file: String, existing: Roster, kinds: UnitKindCatalogue = .standard
    ) -> (Roster?, [Diagnostic]) {
        if let problem = CSVReader.encodingProblem(bytes, file: file) { return (nil, [problem]) }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            return (nil, [DecodingDiagnostics.diagnostic(for: error).inFile(file)])
        }
        guard case .object(let members) = root.kind else {
            return (
                nil,
                [
                    Diagnostic(
                        .error, file: file, line: root.line, column: root.column,
                        message: "tệp danh bạ phải là một đối tượng {\"units\": […], \"people\": […]}, thấy \(root.foundDescription)")
                ]
            )
        }
        var diagnostics = unknownKeys(members, allowed: ["units", "people"], prefix: "", file: file)
        let unitFields: [RosterField] = [.id, .unitName, .kind, .parent]
        let personFields: [RosterField] = [.id, .personName, .position, .unit, .birthDate]
        let unitRecords = records(root["units"], name: "units", fields: unitFields, file: file, diagnostics: &diagnostics)
        let personRecords = records(root["people"], name: "people", fields: personFields, file: file, diagnostics: &diagnostics)
        let figures = unitFigures(root["units"], file: file, diagnostics: &diagnostics)
        let rawUnits = unitRecords.map { place, values in
            var raw = RawUnit(
                place: place, id: values[.id] ?? "", name: values[.unitName] ?? "", kind: values[.kind] ?? "", parent: values[.parent] ?? ""
            )
            raw.jsonFigures = figures[place.jsonPrefix ?? ""] ?? [:]
            return raw
        }
        let rawPeople = personRecords.map { place, values in
            RawPerson(
                place: place, id: values[.id] ?? "", name: values[.personName] ?? "", position: values[.position] ?? "",
                unit: values[.unit] ?? "", birthDate: values[.birthDate] ?? "")
        }
        let (units, refused, unitProblems) = checkUnits(rawUnits, file: file, existing: existing, kinds: kinds)
        let (people, personProblems) = checkPeople(rawPeople, file: file, existing: existing, units: units, refused: refused)
        diagnostics += unitProblems + personProblems
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (Roster(units: units, people: people), diagnostics)
    }

    /// Each unit's "figures" object ({"so-ho": 1250}), by the unit's place ("units[2]"): ids
    /// well formed, values non-negative numbers.
    private static func unitFigures(_ node: JSONNode?, file: String, diagnostics: inout [Diagnostic]) -> [String: [String: Double]] {
        guard let node, case .array(let items) = node.kind else { return [:] }
        var out: [String: [String: Double]] = [:]
        for (index, item) in items.enumerated() {
            guard case .object(let members) = item.kind, let figures = members.first(where: { $0.key == "figures" })?.value else { continue }
            let prefix = "units[\(index)].figures"
            guard case .object(let entries) = figures.kind else {
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, path: prefix, line: figures.line, column: figures.column,
                        message: "«figures» phải là một đối tượng {\"so-ho\": 1250}, thấy \(figures.foundDescription)"))
                continue
            }
            var values: [String: Double] = [:]
            for entry in entries {
                let at = "\(prefix).\(entry.key)"
                if let problem = Identifier.problem(entry.key) {
                    diagnostics.append(Diagnostic(.error, file: file, path: at, line: entry.value.line, column: entry.value.column, message: problem))
                    continue
                }
                guard case .number(let raw) = entry.value.kind, case .success(let value) = CellParsing.number(json: raw), value >= 0 else {
                    diagnostics.append(
                        Diagnostic(
                            .error, file: file, path: at, line: entry.value.line, column: entry.value.column,
                            message: "số liệu phải là một số không âm, thấy \(entry.value.foundDescription)"))
                    continue
                }
                values[entry.key] = value
            }
            out["units[\(index)]"] = values
        }
        return out
    }

    /// The objects of one array, each as its place and its string values (trimmed, NFC).
    private static func records(
        _ node: JSONNode?, name: String, fields: [RosterField], file: String, diagnostics: inout [Diagnostic]
    ) -> [(RecordPlace, [RosterField: String])] {
        guard let node else { return [] }
        guard case .array(let items) = node.kind else {
            diagnostics.append(
                Diagnostic(
                    .error, file: file, path: name, line: node.line, column: node.column,
                    message: "«\(name)» phải là một mảng […], thấy \(node.foundDescription)"))
            return []
        }
        var out: [(RecordPlace, [RosterField: String])] = []
        for (index, item) in items.enumerated() {
            let prefix = "\(name)[\(index)]"
            guard case .object(let members) = item.kind else {
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, path: prefix, line: item.line, column: item.column,
                        message: "mỗi phần tử của «\(name)» phải là một đối tượng {…}, thấy \(item.foundDescription)"))
                continue
            }
            diagnostics += unknownKeys(members, allowed: fields.map(\.key) + (name == "units" ? ["figures"] : []), prefix: prefix, file: file)
            var place = RecordPlace(line: item.line, jsonPrefix: prefix)
            var values: [RosterField: String] = [:]
            for field in fields {
                guard let member = members.first(where: { $0.key == field.key }) else { continue }
                place.positions[field.key] = (member.value.line, member.value.column)
                switch member.value.kind {
                case .null: break
                case .string(let text):
                    values[field] = VietnameseText.nfc(text.trimmingCharacters(in: .whitespacesAndNewlines))
                default:
                    diagnostics.append(
                        Diagnostic(
                            .error, file: file, path: "\(prefix).\(field.key)", line: member.value.line, column: member.value.column,
                            message: "«\(field.key)» cần một chuỗi, thấy \(member.value.foundDescription)",
                            hint: "đặt giá trị trong dấu ngoặc kép"))
                }
            }
            out.append((place, values))
        }
        return out
    }

    /// A warning for each key nobody reads, with a did-you-mean.
    private static func unknownKeys(_ members: [JSONMember], allowed: [String], prefix: String, file: String) -> [Diagnostic] {
        members.filter { !allowed.contains($0.key) }.map { member in
            Diagnostic(
                .warning, file: file, path: prefix.isEmpty ? member.key : "\(prefix).\(member.key)", line: member.line,
                column: member.column,
                message: "khóa «\(member.key)» không được dùng và sẽ bị bỏ qua; các khóa được dùng: \(allowed.joined(separator: ", "))",
                hint: DidYouMean.suggestion(for: member.key, among: allowed).map { "có phải ý bạn là «\($0)»?" })
        }
    }
}
