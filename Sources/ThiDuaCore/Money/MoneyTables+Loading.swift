import Foundation
import ThiDuaBase

extension MoneyTables {
    /// The standard tables with a workspace's override file merged in, and every finding.
    ///
    /// nil or a missing file gives the standard tables and no finding: the file is optional.
    /// Any error gives the standard tables unchanged, never a half-applied file; warnings
    /// (an unknown key) leave the merge in place.
    public static func loading(
        overrideAt url: URL?, displayName: String? = nil
    ) -> (tables: MoneyTables, diagnostics: [Diagnostic]) {
        standard.applying(overrideAt: url, displayName: displayName)
    }

    /// The standard tables with an override file's bytes merged in; `file` names it in messages.
    public static func loading(overrideBytes bytes: [UInt8], file: String) -> (tables: MoneyTables, diagnostics: [Diagnostic]) {
        standard.applying(overrideBytes: bytes, file: file)
    }

    /// These tables with an override file merged in; see `loading(overrideAt:displayName:)`.
    public func applying(overrideAt url: URL?, displayName: String? = nil) -> (tables: MoneyTables, diagnostics: [Diagnostic]) {
        guard let url, FileManager.default.fileExists(atPath: url.path) else { return (self, []) }
        let name = displayName ?? url.path
        switch UserFile.read(url.path, limit: InputLimits.jsonFile) {
        case .success(let bytes): return applying(overrideBytes: bytes, file: name)
        case .failure(let error): return (self, [Diagnostic(.error, file: name, message: "không đọc được tệp: \(error.reason)")])
        }
    }

    /// These tables with an override file's bytes merged in.
    public func applying(overrideBytes bytes: [UInt8], file: String) -> (tables: MoneyTables, diagnostics: [Diagnostic]) {
        func fail(_ diagnostic: Diagnostic) -> (tables: MoneyTables, diagnostics: [Diagnostic]) {
            (self, [diagnostic.inFile(file)])
        }
        if let problem = TextEncodingCheck.problem(in: bytes) {
            return fail(Diagnostic(.error, message: problem))
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            return fail(DecodingDiagnostics.diagnostic(for: error))
        }
        guard case .object = root.kind else {
            return fail(
                Diagnostic(
                    .error, line: root.line, column: root.column,
                    message: "tệp bảng tiền thưởng phải là một đối tượng JSON { … }, thấy \(root.foundDescription)",
                    hint: "xem ví dụ trong docs/money.md"))
        }
        let change: MoneyOverride
        var diagnostics: [Diagnostic]
        do {
            let (decoded, unknown) = try JSONNodeDecoder.decode(MoneyOverride.self, from: root)
            change = decoded
            diagnostics = unknown.map(DecodingDiagnostics.diagnostic(for:))
        } catch let error as DecodingError {
            return fail(DecodingDiagnostics.diagnostic(for: error, root: root))
        } catch {
            return fail(Diagnostic(.error, message: "\(error)"))
        }
        let (tables, findings) = merged(with: change)
        for var finding in findings {
            if let path = finding.path, let node = root.node(atPath: path) {
                finding.line = node.line
                finding.column = node.column
            }
            diagnostics.append(finding)
        }
        return (tables, diagnostics.map { $0.inFile(file) })
    }
}
