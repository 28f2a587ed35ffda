import ThiDuaBase

/// A figure every unit of the roster may carry (số hộ, dân số, số người trưởng thành), declared
/// in `tables/unit-kinds.json` under `unitFigures` and read from a column of the units file of
/// that label: `{"id": "so-ho", "label": "Số hộ", "aliases": ["Số hộ gia đình"]}`. An aggregated
/// indicator weighs units by it with `"rosterWeight": "so-ho"`.
public struct UnitFigure: Codable, Sendable, Hashable {
    /// The keyword, kebab-case ASCII.
    public var id: String
    /// The column name in the units file: "Số hộ".
    public var label: String
    /// Other column names accepted.
    public var aliases: [String]?

    public init(id: String, label: String, aliases: [String]? = nil) {
        self.id = id
        self.label = label
        self.aliases = aliases
    }

    /// The column the units file may have for it.
    var column: CSVColumnSpec {
        CSVColumnSpec(key: "figure:\(id)", label: label, aliases: [id] + (aliases ?? []), required: false)
    }

    /// Reads a cell: "1.250" and "1250" are 1250, "12,5" is 12.5; nil with the problem otherwise.
    static func value(_ text: String) -> Result<Double, ValueProblem> {
        if case .success(let integer) = CellParsing.integer(text) { return .success(Double(integer)) }
        if let ambiguity = CellParsing.ambiguity(text) { return .failure(ambiguity) }
        guard let value = CellParsing.decimal(text), value >= 0 else {
            return .failure(ValueProblem(message: "«\(InputLimits.shown(text))» không phải một số không âm", hint: "ví dụ 1250 hoặc 1.250"))
        }
        return .success(value)
    }

    /// Problems of a declared list at `path`: bad or repeated ids, empty labels.
    static func problems(in declared: [UnitFigure], path: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen: Set<String> = []
        for (i, figure) in declared.enumerated() {
            if let problem = Identifier.problem(figure.id) {
                out.append(Diagnostic(.error, path: "\(path)[\(i)].id", message: problem, hint: "ví dụ «\(VietnameseText.slug(figure.label))»"))
            } else if !seen.insert(figure.id).inserted {
                out.append(Diagnostic(.error, path: "\(path)[\(i)].id", message: "số liệu «\(figure.id)» khai báo hai lần"))
            }
            if figure.label.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(Diagnostic(.error, path: "\(path)[\(i)].label", message: "tên cột không được để trống", hint: "ví dụ «Số hộ»"))
            }
        }
        return out
    }
}
