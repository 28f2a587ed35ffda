import Foundation
import ThiDuaBase

/// A ThiDua workspace: a folder with `campaigns/`, `directives/`, `types/`, `roster/`, `data/`
/// and `out/`. The repository root is one, holding the five seed campaigns.
public struct Workspace: Sendable {
    public let root: URL

    /// The sub-folders of a workspace.
    public static let folders = ["campaigns", "directives", "types", "roster", "data", "out"]

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// Caches that make commands faster (`.thidua/cache/`): ignored by git, safe to delete.
    public var cacheFolder: URL { root.appendingPathComponent(".thidua/cache", isDirectory: true) }

    public var campaignsFolder: URL { root.appendingPathComponent("campaigns", isDirectory: true) }

    /// The campaign files, sorted by name.
    public func campaignFiles() -> [URL] {
        Self.jsonFiles(in: campaignsFolder)
    }

    /// The `.json` files directly inside a folder, sorted by name.
    public static func jsonFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// A path as the user should read it: relative to the workspace when inside it.
    public func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// The file of a campaign named by id (`campaigns/<id>.json`) or by path.
    public func campaignFile(_ reference: String) -> URL? {
        if reference.hasSuffix(".json") || reference.contains("/") {
            let url = URL(fileURLWithPath: reference, relativeTo: root)
            return FileManager.default.fileExists(atPath: url.path) ? url : nil
        }
        guard Identifier.problem(reference) == nil else { return nil }
        let url = campaignsFolder.appendingPathComponent(reference + ".json")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The ids of the campaigns present, from their file names.
    public func campaignIDs() -> [String] {
        campaignFiles().map { $0.deletingPathExtension().lastPathComponent }
    }
}
