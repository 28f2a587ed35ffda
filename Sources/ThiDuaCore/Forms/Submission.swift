import ThiDuaBase

/// One checked row of a filled form: the values by field id, and where the row stood.
public struct SubmissionRow: Codable, Sendable, Equatable {
    /// The CSV line (or the JSON line of the object) the row came from.
    public var line: Int
    /// Values by field id; an optional field left empty has no entry.
    public var values: [String: FieldValue]

    /// A row from `line` with its values by field id.
    public init(line: Int, values: [String: FieldValue]) {
        self.line = line
        self.values = values
    }

    /// The value of a field.
    public subscript(_ fieldID: String) -> FieldValue? { values[fieldID] }
}

extension FormSpec {
    /// Who delivered these rows: the units or people named in the form's first unit or person
    /// field, each once, in the order of the rows.
    public func senders(of rows: [SubmissionRow]) -> [String] {
        guard let field = fields.first(where: { $0.kind == .unit || $0.kind == .person }) else { return [] }
        var seen = Set<String>()
        return rows.compactMap { row -> String? in
            switch row.values[field.id] {
            case .unit(let id)?, .person(let id)?: return seen.insert(id).inserted ? id : nil
            default: return nil
            }
        }
    }
}
