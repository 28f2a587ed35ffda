import ThiDuaBase

/// A column of a roster file: its CSV label and its JSON key.
enum RosterField {
    case id, unitName, kind, parent, personName, position, unit, birthDate

    /// The CSV column name.
    var label: String {
        switch self {
        case .id: return "Mã"
        case .unitName: return "Tên đơn vị"
        case .kind: return "Loại"
        case .parent: return "Trực thuộc"
        case .personName: return "Họ và tên"
        case .position: return "Chức vụ"
        case .unit: return "Đơn vị"
        case .birthDate: return "Ngày sinh"
        }
    }

    /// The JSON key (the `Unit` and `Person` coding keys).
    var key: String {
        switch self {
        case .id: return "id"
        case .unitName, .personName: return "name"
        case .kind: return "kind"
        case .parent: return "parent"
        case .position: return "position"
        case .unit: return "unit"
        case .birthDate: return "birthDate"
        }
    }

    func column(required: Bool, aliases: [String]) -> CSVColumnSpec {
        CSVColumnSpec(key: key, label: label, aliases: aliases + [key], required: required)
    }
}

/// Where a roster record stood: a CSV line, or a JSON object with the positions of its values.
struct RecordPlace {
    var line: Int
    /// "units[2]" for JSON; nil for CSV.
    var jsonPrefix: String?
    /// Line and column of each JSON value, by key.
    var positions: [String: (line: Int, column: Int)] = [:]

    /// "dòng 5" or "units[2]", to point back at a record in a message.
    var name: String { jsonPrefix ?? "dòng \(line)" }

    /// A finding about one value of the record (or the whole record when `field` is nil).
    func diagnostic(_ field: RosterField?, file: String, _ message: String, hint: String? = nil) -> Diagnostic {
        guard let field else {
            return Diagnostic(.error, file: file, path: name, line: line, message: message, hint: hint)
        }
        if let prefix = jsonPrefix {
            let position = positions[field.key]
            return Diagnostic(
                .error, file: file, path: "\(prefix).\(field.key)", line: position?.line ?? line, column: position?.column,
                message: message, hint: hint)
        }
        return Diagnostic(.error, file: file, path: "dòng \(line), cột «\(field.label)»", line: line, message: message, hint: hint)
    }
}

/// A unit as read from a file, before any check. Absent values are "".
struct RawUnit {
    var place: RecordPlace
    var id = ""
    var name = ""
    var kind = ""
    var parent = ""
    /// Declared figures as written (id, text, column name); empty cells left out.
    var figures: [(id: String, text: String, column: String)] = []
    /// Figures read from a JSON roster, already numbers.
    var jsonFigures: [String: Double] = [:]
}

/// A person as read from a file, before any check. Absent values are "".
struct RawPerson {
    var place: RecordPlace
    var id = ""
    var name = ""
    var position = ""
    var unit = ""
    var birthDate = ""
}

/// A unit row refused by its own checks; people naming it are told so, not "no such unit".
public struct RefusedUnit: Sendable, Equatable {
    /// The id given or made from the name ("" when none could be made).
    public var id: String
    /// The name on the row.
    public var name: String
    /// The file, as messages name it.
    public var file: String
    /// "dòng 4", "units[2]"…
    public var place: String

    /// Whether a person's "Đơn vị" cell names this unit, by id or by name.
    func matches(_ reference: String) -> Bool {
        (!id.isEmpty && reference == id) || VietnameseText.key(reference) == VietnameseText.key(name)
    }
}

/// Units read from one file: those that passed their own checks, the rows refused, findings.
public struct UnitCheck: Sendable {
    public var units: [Unit]
    public var refused: [RefusedUnit]
    public var diagnostics: [Diagnostic]
}
