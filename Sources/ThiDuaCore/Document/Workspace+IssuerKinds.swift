import Foundation
import ThiDuaBase

extension Workspace {
    /// The workspace's optional issuer kinds: `tables/issuer-kinds.json`.
    public var issuerKindsFile: URL { root.appendingPathComponent("tables/issuer-kinds.json") }

    /// The built-in issuer kinds with `tables/issuer-kinds.json` added when present, and the findings.
    public func issuerKinds() -> (kinds: IssuerKindCatalogue, diagnostics: [Diagnostic]) {
        IssuerKindCatalogue.loading(at: issuerKindsFile, displayName: display(issuerKindsFile))
    }
}

extension IssuerKindCatalogue {
    /// The built-in kinds with a declaration file added. A missing file gives the built-in list
    /// and no finding; a file with an error gives the built-in list unchanged.
    public static func loading(at url: URL, displayName: String) -> (kinds: IssuerKindCatalogue, diagnostics: [Diagnostic]) {
        guard FileManager.default.fileExists(atPath: url.path) else { return (standard, []) }
        switch UserFile.read(url.path, limit: InputLimits.jsonFile) {
        case .success(let bytes): return loading(bytes: bytes, file: displayName)
        case .failure(let error): return (standard, [Diagnostic(.error, file: displayName, message: "không đọc được tệp: \(error.reason)")])
        }
    }

    /// The built-in kinds with a declaration file's bytes added; `file` names it in messages.
    public static func loading(bytes: [UInt8], file: String) -> (kinds: IssuerKindCatalogue, diagnostics: [Diagnostic]) {
        func fail(_ diagnostic: Diagnostic) -> (kinds: IssuerKindCatalogue, diagnostics: [Diagnostic]) {
            (standard, [diagnostic.inFile(file)])
        }
        if let problem = TextEncodingCheck.problem(in: bytes) { return fail(Diagnostic(.error, message: problem)) }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            return fail(DecodingDiagnostics.diagnostic(for: error))
        }
        let decoded: IssuerKindsFile
        var diagnostics: [Diagnostic]
        do {
            let (value, unknown) = try JSONNodeDecoder.decode(IssuerKindsFile.self, from: root)
            decoded = value
            diagnostics = unknown.map(DecodingDiagnostics.diagnostic(for:))
        } catch let error as DecodingError {
            return fail(DecodingDiagnostics.diagnostic(for: error, root: root))
        } catch {
            return fail(Diagnostic(.error, message: "\(error)"))
        }
        for var finding in problems(in: decoded.issuerKinds, path: "issuerKinds") {
            if let path = finding.path, let node = root.node(atPath: path) {
                finding.line = node.line
                finding.column = node.column
            }
            diagnostics.append(finding)
        }
        diagnostics = diagnostics.map { $0.inFile(file) }
        guard !diagnostics.hasErrors else { return (standard, diagnostics) }
        return (standard.adding(decoded.issuerKinds), diagnostics)
    }

    /// The kinds of the workspace a campaign file lies in (`…/campaigns/x.json`), or the
    /// built-in list for a file elsewhere.
    static func forCampaignFile(atPath path: String) -> IssuerKindCatalogue {
        let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        guard folder.lastPathComponent == "campaigns" else { return standard }
        return Workspace(root: folder.deletingLastPathComponent()).issuerKinds().kinds
    }
}
