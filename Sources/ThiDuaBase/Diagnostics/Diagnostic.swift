/// One finding about an input file: where it is, what was found, what is allowed.
///
/// Messages are Vietnamese, for the ward official who edits the file.
public struct Diagnostic: Equatable, Sendable, Codable {
    public enum Severity: String, Codable, Sendable {
        case error
        case warning

        /// "lỗi" or "cảnh báo".
        public var vietnamese: String { self == .error ? "lỗi" : "cảnh báo" }
    }

    public var severity: Severity
    /// The file, as given on the command line or relative to the workspace.
    public var file: String?
    /// JSON path ("awards[2].standard") or CSV place ("dòng 12, cột «Tỷ lệ»").
    public var path: String?
    public var line: Int?
    public var column: Int?
    /// What is wrong, in Vietnamese.
    public var message: String
    /// How to fix it, when there is more to say than the message.
    public var hint: String?

    public init(
        _ severity: Severity, file: String? = nil, path: String? = nil, line: Int? = nil, column: Int? = nil,
        message: String, hint: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// The one-line form: `campaigns/a.json:12:5: lỗi: awards[2].quota: … Gợi ý: …`.
    public var rendered: String {
        var place = file ?? ""
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        var out = place.isEmpty ? "" : place + ": "
        out += severity.vietnamese + ": "
        if let path, !path.isEmpty { out += path + ": " }
        out += message
        if let hint {
            if let last = out.last, !".?!:".contains(last) { out += "." }
            out += " Gợi ý: " + hint
        }
        return out
    }

    /// A copy that names a file.
    public func inFile(_ name: String) -> Diagnostic {
        var copy = self
        copy.file = name
        return copy
    }
}

extension Array where Element == Diagnostic {
    /// Whether any finding is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
