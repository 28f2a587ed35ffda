import Foundation
import ThiDuaBase

/// One optional JSON table of a workspace (`tables/unit-kinds.json`, `tables/issuer-kinds.json`):
/// read within the size limit, its encoding checked, decoded with unknown keys reported, and each
/// finding of `check` placed at its line and column.
enum WorkspaceTable {
    /// The decoded table and the findings. A missing file gives nil and no finding; a file with an
    /// error gives nil and the error.
    static func read<T: Decodable>(at url: URL, displayName: String, check: (T) -> [Diagnostic]) -> (value: T?, diagnostics: [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: url.path) else { return (nil, []) }
        switch UserFile.read(url.path, limit: InputLimits.jsonFile) {
        case .success(let bytes): return decode(bytes: bytes, file: displayName, check: check)
        case .failure(let error): return (nil, [Diagnostic(.error, file: displayName, message: "không đọc được tệp: \(error.reason)")])
        }
    }

    /// The table decoded from a file's bytes; `file` names it in messages.
    static func decode<T: Decodable>(bytes: [UInt8], file: String, check: (T) -> [Diagnostic]) -> (value: T?, diagnostics: [Diagnostic]) {
        func fail(_ diagnostic: Diagnostic) -> (value: T?, diagnostics: [Diagnostic]) { (nil, [diagnostic.inFile(file)]) }
        if let problem = TextEncodingCheck.problem(in: bytes) { return fail(Diagnostic(.error, message: problem)) }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            return fail(DecodingDiagnostics.diagnostic(for: error))
        }
        let decoded: T
        var diagnostics: [Diagnostic]
        do {
            let (value, unknown) = try JSONNodeDecoder.decode(T.self, from: root)
            decoded = value
            diagnostics = unknown.map(DecodingDiagnostics.diagnostic(for:))
        } catch let error as DecodingError {
            return fail(DecodingDiagnostics.diagnostic(for: error, root: root))
        } catch {
            return fail(Diagnostic(.error, message: "\(error)"))
        }
        for var finding in check(decoded) {
            if let path = finding.path, let node = root.node(atPath: path) {
                finding.line = node.line
                finding.column = node.column
            }
            diagnostics.append(finding)
        }
        diagnostics = diagnostics.map { $0.inFile(file) }
        return (diagnostics.hasErrors ? nil : decoded, diagnostics)
    }
}
