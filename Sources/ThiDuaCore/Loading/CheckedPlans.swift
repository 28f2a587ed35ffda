import Foundation
import ThiDuaBase

/// Campaign files checked in this process, shared by content: the load result of a campaign
/// file is a pure function of its bytes, its name as shown, the program, the registry's types
/// and the workspace's directives, declared types and tables, so it is kept under the SHA-256
/// of all of them and reused by every workspace that holds the same. Every ward of a province
/// keeps copies of the same files: a run over all of them checks each distinct file once.
public enum CheckedPlans {
    /// The load results of this process (a few hundred distinct files at most in practice; each
    /// is shared by reference with the plans that use it).
    public static let shared = ContentCache<CampaignLoadResult>(capacity: 512)

    /// Forgets every shared check of this process: checked plans and declared types (the
    /// benchmark, to measure what a new process does; tests).
    public static func clearAll() {
        shared.clear()
        DeclaredTypeSet.checked.clear()
    }

    /// The hash of everything a campaign file's load result depends on besides the file: the
    /// program's version, the registry's types (id and implementing type), and the directives,
    /// declared types and every table of the workspace, each by name and the SHA-256 of its bytes
    /// (`digest`, nil when absent or unreadable). Every part length-prefixed, so no two inputs
    /// give one stream.
    public static func environmentKey(
        workspace: Workspace, registry: CampaignTypeRegistry, program: String = ProgramIdentity.version, digest: (URL) -> [UInt8]?
    ) -> [UInt8] {
        var hasher = SHA256()
        let types = registry.types.map { "\($0.id)=\(String(reflecting: Swift.type(of: $0)))" }
        feed(&hasher, name: "plan \(program) \(types.joined(separator: ","))", bytes: nil)
        // Every table (unit kinds, issuer kinds, money, and any added later) may change a result.
        for folder in [workspace.directivesFolder, workspace.typesFolder, workspace.root.appendingPathComponent("tables")] {
            let files = Workspace.jsonFiles(in: folder)
            feed(&hasher, name: "\(files.count) files", bytes: nil)
            for file in files { feed(&hasher, name: file.lastPathComponent, bytes: digest(file)) }
        }
        return hasher.finalize()
    }

    /// The key of one campaign file's load result: the environment's hash with the file's name as
    /// shown (messages carry it) and the hash of its bytes.
    public static func key(environment: [UInt8], digest: [UInt8], display: String) -> [UInt8] {
        var hasher = SHA256()
        environment.withUnsafeBytes { hasher.update($0) }
        feed(&hasher, name: display, bytes: digest)
        return hasher.finalize()
    }

    /// Loads and checks the campaign file `url` of `workspace` as `thidua check` does (the
    /// workspace's directives, unit and issuer kinds), or takes the result of the same check made
    /// earlier in this process. `environment` is `environmentKey` for this workspace and registry.
    /// Returns the result, the SHA-256 of the bytes checked (nil when the file could not be read:
    /// such a result is not kept) and the key it is kept under.
    public static func load(
        _ url: URL, in workspace: Workspace, registry: CampaignTypeRegistry, environment: [UInt8]
    ) -> (result: CampaignLoadResult, hash: [UInt8]?, key: [UInt8]?) {
        let display = workspace.display(url)
        let loader = CampaignLoader(registry: registry)
        guard case .success(let bytes) = UserFile.read(url.path, limit: InputLimits.jsonFile) else {
            return (loader.load(path: url.path, displayName: display), nil, nil)
        }
        let hash = SHA256.hash(bytes)
        let key = key(environment: environment, digest: hash, display: display)
        let result = shared.value(for: key) {
            loader.resolved(forCampaignFileAt: url.path).load(bytes: bytes, file: display, expectedID: url.deletingPathExtension().lastPathComponent)
        }
        return (result, hash, key)
    }

    /// Feeds a named file (or its absence) length-prefixed.
    static func feed(_ hasher: inout SHA256, name: String, bytes: [UInt8]?) {
        var head = "\(name.utf8.count):\(name)" + (bytes.map { "=\($0.count):" } ?? "-")
        head.withUTF8 { hasher.update(UnsafeRawBufferPointer($0)) }
        bytes?.withUnsafeBytes { hasher.update($0) }
        [UInt8(0x0A)].withUnsafeBytes { hasher.update($0) }
    }
}
