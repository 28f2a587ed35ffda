import Foundation
import ThiDuaBase

extension Workspace {
    /// The workspace's optional unit kinds: `tables/unit-kinds.json`.
    public var unitKindsFile: URL { root.appendingPathComponent("tables/unit-kinds.json") }

    /// The built-in unit kinds with `tables/unit-kinds.json` added when present, and the findings.
    public func unitKinds() -> (kinds: UnitKindCatalogue, diagnostics: [Diagnostic]) {
        UnitKindCatalogue.loading(at: unitKindsFile, displayName: display(unitKindsFile))
    }
}

extension UnitKindCatalogue {
    /// The built-in kinds with a declaration file added. A missing file gives the built-in
    /// list and no finding; a file with an error gives the built-in list unchanged.
    public static func loading(at url: URL, displayName: String) -> (kinds: UnitKindCatalogue, diagnostics: [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: url.path) else { return (standard, []) }
        switch UserFile.read(url.path, limit: InputLimits.jsonFile) {
        case .success(let bytes): return loading(bytes: bytes, file: displayName)
        case .failure(let error): return (standard, [Diagnostic(.error, file: displayName, message: "không đọc được tệp: \(error.reason)")])
        }
    }

    /// The built-in kinds with a declaration file's bytes added; `file` names it in messages.
    public static func loading(bytes: [UInt8], file: String) -> (kinds: UnitKindCatalogue, diagnostics: [Diagnostic]) {
        func fail(_ diagnostic: Diagnostic) -> (kinds: UnitKindCatalogue, diagnostics: [Diagnostic]) {
            (standard, [diagnostic.inFile(file)])
        }
        if let problem = TextEncodingCheck.problem(in: bytes) { return fail(Diagnostic(.error, message: problem)) }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            return fail(DecodingDiagnostics.diagnostic(for: error))
        }
        let decoded: UnitKindsFile
        var diagnostics: [Diagnostic]
        do {
            let (value, unknown) = try JSONNodeDecoder.decode(UnitKindsFile.self, from: root)
            decoded = value
            diagnostics = unknown.map(DecodingDiagnostics.diagnostic(for:))
        } catch let error as DecodingError {
            return fail(DecodingDiagnostics.diagnostic(for: error, root: root))
        } catch {
            return fail(Diagnostic(.error, message: "\(error)"))
        }
        for var finding in problems(in: decoded.unitKinds, path: "unitKinds") + UnitFigure.problems(in: decoded.unitFigures, path: "unitFigures") {
            if let path = finding.path, let node = root.node(atPath: path) {
                finding.line = node.line
                finding.column = node.column
            }
            diagnostics.append(finding)
        }
        diagnostics = diagnostics.map { $0.inFile(file) }
        guard !diagnostics.hasErrors else { return (standard, diagnostics) }
        var kinds = standard.adding(decoded.unitKinds)
        kinds.figures = decoded.unitFigures
        return (kinds, diagnostics)
    }

    /// The kinds of the workspace a campaign file lies in (`…/campaigns/x.json`), or the
    /// built-in list for a file elsewhere.
    static func forCampaignFile(atPath path: String) -> UnitKindCatalogue {
        let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        guard folder.lastPathComponent == "campaigns" else { return standard }
        return Workspace(root: folder.deletingLastPathComponent()).unitKinds().kinds
    }
}
