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
        let (table, diagnostics) = WorkspaceTable.read(at: url, displayName: displayName, check: checkTable)
        return (table.map(adding) ?? standard, diagnostics)
    }

    /// The built-in kinds with a declaration file's bytes added; `file` names it in messages.
    public static func loading(bytes: [UInt8], file: String) -> (kinds: UnitKindCatalogue, diagnostics: [Diagnostic]) {
        let (table, diagnostics) = WorkspaceTable.decode(bytes: bytes, file: file, check: checkTable)
        return (table.map(adding) ?? standard, diagnostics)
    }

    private static func checkTable(_ table: UnitKindsFile) -> [Diagnostic] {
        problems(in: table.unitKinds, path: "unitKinds") + UnitFigure.problems(in: table.unitFigures, path: "unitFigures")
    }

    private static func adding(_ table: UnitKindsFile) -> UnitKindCatalogue {
        var kinds = standard.adding(table.unitKinds)
        kinds.figures = table.unitFigures
        return kinds
    }

    /// The kinds of the workspace a campaign file lies in (`…/campaigns/x.json`), or the
    /// built-in list for a file elsewhere.
    static func forCampaignFile(atPath path: String) -> UnitKindCatalogue {
        let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        guard folder.lastPathComponent == "campaigns" else { return standard }
        return Workspace(root: folder.deletingLastPathComponent()).unitKinds().kinds
    }
}
