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

    private let lock = NSLock()
    private var entries: [String: (memory: OfficeMemory, used: UInt64)] = [:]
    private var clock: UInt64 = 0
    private var bound: Int

    init(limit: Int) {
        bound = max(1, limit)
    }

    /// The most workspaces remembered; lowering it drops the least recently used at once.
    var limit: Int {
        get {
            lock.lock()
            defer { lock.unlock() }
            return bound
        }
        set {
            lock.lock()
            defer { lock.unlock() }
            bound = max(1, newValue)
            while entries.count > bound { dropOldest() }
        }
    }

    /// How many workspaces are remembered.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }

    /// The memory of the folder at `path`, made when there is none.
    func memory(for path: String) -> OfficeMemory {
        lock.lock()
        defer { lock.unlock() }
        clock += 1
        if let entry = entries[path] {
            entries[path] = (entry.memory, clock)
            return entry.memory
        }
        if entries.count >= bound { dropOldest() }
        let memory = OfficeMemory()
        entries[path] = (memory, clock)
        return memory
    }

    /// Forgets every workspace (a benchmark measuring a new process; tests).
    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        entries = [:]
    }

    /// Drops the least recently used memory; the lock is held.
    private func dropOldest() {
        guard let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key else { return }
        entries[oldest] = nil
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
