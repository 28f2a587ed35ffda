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
