import Foundation

/// The memories of the workspaces one process serves (`OfficeMemory.shared(for:)`), by folder,
/// at most `limit` of them. A memory holds every state, opened campaign and evaluation of its
/// workspace (a few MB a ward), so a process serving thousands of wards would otherwise grow
/// without end; the least recently used one is dropped instead. Back offices still holding it
/// keep it alive; the next call for that folder starts a new memory, which reads checkpoints and
/// journals as a new process does, so dropping one changes no result, only the time.
final class WorkspaceMemories: @unchecked Sendable {
    /// The memories of this process.
    static let shared = WorkspaceMemories(limit: defaultLimit)

    /// `THIDUA_MEMORY_WORKSPACES` when set to a positive number, else 256: at the 3–4 MB a
    /// province ward's memory takes, about 1 GB.
    static var defaultLimit: Int {
        ProcessInfo.processInfo.environment["THIDUA_MEMORY_WORKSPACES"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 256
    }

    private let memories: BoundedCache<String, OfficeMemory>

    init(limit: Int) {
        memories = BoundedCache(capacity: limit)
    }

    /// The most workspaces remembered; lowering it drops the least recently used at once.
    var limit: Int {
        get { memories.capacity }
        set { memories.capacity = newValue }
    }

    /// How many workspaces are remembered.
    var count: Int { memories.count }

    /// The memory of the folder at `path`, made when there is none (exactly one per folder).
    func memory(for path: String) -> OfficeMemory {
        memories.valueMadeOnce(for: path) { OfficeMemory() }
    }

    /// Forgets every workspace (a benchmark measuring a new process; tests).
    func removeAll() {
        memories.clear()
    }
}

extension OfficeMemory {
    /// The most workspaces whose memory this process keeps (see `WorkspaceMemories`).
    public static var workspaceLimit: Int {
        get { WorkspaceMemories.shared.limit }
        set { WorkspaceMemories.shared.limit = newValue }
    }

    /// How many workspaces' memories this process keeps now.
    public static var rememberedWorkspaces: Int { WorkspaceMemories.shared.count }

    /// Forgets every workspace's memory: the next back office of each starts as a new process.
    public static func forgetAllWorkspaces() {
        WorkspaceMemories.shared.removeAll()
    }
}
