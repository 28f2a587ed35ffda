/// Turns decoding failures into findings with a JSON path, a line and Vietnamese wording.
public enum DecodingDiagnostics {
    /// A finding for a `DecodingError` thrown while decoding `root`.
    public static func diagnostic(for error: DecodingError, root: JSONNode) -> Diagnostic {
        switch error {
        case .keyNotFound(let key, let context):
            let container = JSONNodeDecoder.node(at: context.codingPath, in: root)
            let path = JSONNodeDecoder.pathString(context.codingPath + [key])
            return Diagnostic(
                .error, path: path, line: container?.line, column: container?.column,
                message: "thiếu khóa bắt buộc «\(key.stringValue)»",
                hint: "thêm «\(key.stringValue)» vào đối tượng này (xem docs/campaign-file.md)")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let node = JSONNodeDecoder.node(at: context.codingPath, in: root)
            return Diagnostic(
                .error, path: JSONNodeDecoder.pathString(context.codingPath), line: node?.line, column: node?.column,
                message: context.debugDescription)
        @unknown default:
            return Diagnostic(.error, message: "\(error)")
        }
    }

    /// A finding for a syntax error.
    public static func diagnostic(for error: JSONSyntaxError) -> Diagnostic {
        Diagnostic(
            .error, line: error.line, column: error.column, message: "JSON sai cú pháp: \(error.message)")
    }

    /// A warning for a key nobody read.
    public static func diagnostic(for key: UnknownKey) -> Diagnostic {
        Diagnostic(
            .warning, path: key.path, line: key.line, column: key.column,
            message: "khóa «\(key.key)» không được dùng và sẽ bị bỏ qua",
            hint: DidYouMean.suggestion(for: key.key, among: key.known).map { "có phải ý bạn là «\($0)»?" })
    }
}

extension JSONNode {
    /// The node at a JSON path written as `awards[2].standards[0].rule`.
    public func node(atPath path: String) -> JSONNode? {
        var current = self
        var name = ""
        var i = path.startIndex
        func step(_ key: String) -> Bool {
            guard !key.isEmpty else { return true }
            guard let next = current[key] else { return false }
            current = next
            return true
        }
        while i < path.endIndex {
            let ch = path[i]
            if ch == "." {
                guard step(name) else { return nil }
                name = ""
            } else if ch == "[" {
                guard step(name) else { return nil }
                name = ""
                guard let close = path[i...].firstIndex(of: "]"), let n = Int(path[path.index(after: i)..<close]),
                    case .array(let items) = current.kind, items.indices.contains(n)
                else { return nil }
                current = items[n]
                i = close
            } else {
                name.append(ch)
            }
            i = path.index(after: i)
        }
        guard step(name) else { return nil }
        return current
    }
}
