import Foundation

/// A column a CSV import expects: a key for the code, the name printed on the blank form,
/// other names accepted for it, and whether it must be present.
public struct CSVColumnSpec: Sendable, Equatable {
    /// The name code uses for the column: a field id, a JSON key.
    public var key: String
    /// The name the blank form prints: "Tên đơn vị".
    public var label: String
    /// Other accepted names (a field id, an older name).
    public var aliases: [String]
    /// Whether the file must have the column.
    public var required: Bool

    /// A column spec; `aliases` are the other names accepted.
    public init(key: String, label: String, aliases: [String] = [], required: Bool) {
        self.key = key
        self.label = label
        self.aliases = aliases
        self.required = required
    }

    /// Whether a header cell names this column: the label or an alias, NFC, case-insensitive,
    /// spaces folded.
    public func matches(_ name: String) -> Bool {
        VietnameseText.sameName(name, label) || aliases.contains { VietnameseText.sameName(name, $0) }
    }
}

/// Matches a table's header against the expected columns.
public enum CSVColumns {
    /// The index of each expected column found, by key, and an error for every unknown
    /// column, every column given twice and (in one message) the missing required columns.
    public static func match(_ table: CSVTable, _ specs: [CSVColumnSpec], file: String) -> ([String: Int], [Diagnostic]) {
        var found: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        let line = table.headerLine
        let allowed = specs.map { "«\($0.label)»" }.joined(separator: ", ")
        for (index, name) in table.header.enumerated() {
            guard let spec = specs.first(where: { $0.matches(name) }) else {
                let guess = VietnameseText.suggestion(for: name, among: specs.map(\.label))
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, path: "dòng \(line), cột «\(name)»", line: line,
                        message: "cột «\(name)» không thuộc mẫu này; các cột được dùng: \(allowed)",
                        hint: guess.map { "có phải ý bạn là «\($0)»?" } ?? "xóa cột «\(name)» hoặc đổi tên cho đúng mẫu"))
                continue
            }
            if let first = found[spec.key] {
                let firstName = table.header.indices.contains(first) ? table.header[first] : spec.label
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, path: "dòng \(line), cột «\(name)»", line: line,
                        message: "cột «\(name)» và cột «\(firstName)» cùng là «\(spec.label)» (cột thứ \(first + 1) và thứ \(index + 1))",
                        hint: "giữ lại một trong hai cột"))
                continue
            }
            found[spec.key] = index
        }
        let missing = specs.filter { $0.required && found[$0.key] == nil }
        if !missing.isEmpty {
            let names = missing.map { "«\($0.label)»" }.joined(separator: ", ")
            let present = table.header.isEmpty ? "(không có)" : table.header.map { "«\($0)»" }.joined(separator: ", ")
            diagnostics.append(
                Diagnostic(
                    .error, file: file, path: "dòng \(line)", line: line,
                    message: "thiếu cột bắt buộc \(names); các cột trong tệp: \(present)",
                    hint: "dòng đầu tiên phải là tên các cột: \(allowed)"))
        }
        return (found, diagnostics)
    }
}
