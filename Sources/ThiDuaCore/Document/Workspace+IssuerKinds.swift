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
    /// The built-in kinds with a declaration file added. A missing file gives the built-in
    /// list and no finding; a file with an error gives the built-in list unchanged.
    public static func loading(at url: URL, displayName: String) -> (kinds: IssuerKindCatalogue, diagnostics: [Diagnostic]) {
        let (table, diagnostics) = WorkspaceTable.read(at: url, displayName: displayName, check: checkTable)
        return (table.map(adding) ?? standard, diagnostics)
    }

    /// The built-in kinds with a declaration file's bytes added; `file` names it in messages.
    public static func loading(bytes: [UInt8], file: String) -> (kinds: IssuerKindCatalogue, diagnostics: [Diagnostic]) {
        let (table, diagnostics) = WorkspaceTable.decode(bytes: bytes, file: file, check: checkTable)
        return (table.map(adding) ?? standard, diagnostics)
    }

    private static func checkTable(_ table: IssuerKindsFile) -> [Diagnostic] {
        problems(in: table.issuerKinds, path: "issuerKinds")
    }

    private static func adding(_ table: IssuerKindsFile) -> IssuerKindCatalogue {
        standard.adding(table.issuerKinds)
    }

    /// The kinds of the workspace a campaign file lies in (`…/campaigns/x.json`), or the
    /// built-in list for a file elsewhere.
    static func forCampaignFile(atPath path: String) -> IssuerKindCatalogue {
        let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        guard folder.lastPathComponent == "campaigns" else { return standard }
        return Workspace(root: folder.deletingLastPathComponent()).issuerKinds().kinds
    }
}
