import Foundation
import ThiDuaCLI
import ThiDuaCore

/// `thidua-bench history`: one campaign whose journal holds 1,000, 10,000 and 100,000 events,
/// and the time of `status` (the back office's `status(today:)`, as the command runs it) after
/// one more submission:
/// - **fresh**: a new back office with nothing in memory, as a new `thidua` process is: it reads
///   the status digest in `.thidua/cache/` and the lines after it;
/// - **state checkpoint**: what `status` did before the digest, in a new back office: every
///   campaign opened (`allCampaigns()`), its whole state read from the state checkpoint and the
///   lines after it;
/// - **warm**: the same back office again, as the web application is between requests: its
///   state in memory, only the new line read;
/// - **no checkpoint**: a new back office with checkpoints off, which replays the whole journal
///   (what every command did before).
/// Each figure is the minimum of `runs` (the machine is shared; the minimum is the least disturbed).
struct HistoryBench {
    struct Size: Codable {
        var events: Int
        var journalBytes: Int
        var checkpointBytes: Int
        var digestBytes: Int
        /// Minimum of `runs`: one submission appended, then `status`.
        var freshSeconds: Double
        var stateCheckpointSeconds: Double
        var warmSeconds: Double
        var noCheckpointSeconds: Double
        var runs: Int
    }

    struct Results: Codable {
        var campaign: String
        var sizes: [Size]
        /// fresh (and warm) status at the largest size ÷ at the smallest.
        var freshRatio: Double?
        var stateCheckpointRatio: Double?
        var warmRatio: Double?
        var goalMet: Bool?
        var loadAverage: [Double]
    }

    var repository: URL
    var sizes: [Int]
    var runs = 5
    /// A folder to keep the workspaces in (`history-<events>`), to time `thidua status` on them.
    var keep: URL?
    let campaign = "phuong-6-cchc-2023"

    func run() throws -> Results {
        let loadBefore = SystemProbes.loadAverage()
        var out: [Size] = []
        for size in sizes {
            let root =
                keep?.appendingPathComponent("history-\(size)")
                ?? FileManager.default.temporaryDirectory.appendingPathComponent("thidua-history-\(size)-\(getpid())")
            try? FileManager.default.removeItem(at: root)
            defer { if keep == nil { try? FileManager.default.removeItem(at: root) } }
            let workspace = try Workspace.create(at: root)
            for folder in ["directives", "types"] {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent(folder).path)) ?? []
                for name in names where name.hasSuffix(".json") {
                    try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
                    try FileManager.default.copyItem(
                        at: repository.appendingPathComponent("\(folder)/\(name)"), to: root.appendingPathComponent("\(folder)/\(name)"))
                }
            }
            try FileManager.default.copyItem(
                at: repository.appendingPathComponent("campaigns/\(campaign).json"), to: root.appendingPathComponent("campaigns/\(campaign).json"))
            let registry = CompiledTypes.registry(for: workspace)
            let setup = BackOffice(workspace: workspace, registry: registry, memory: OfficeMemory())
            let loaded = try setup.plan(campaign)
            let form = loaded.type.definition(for: loaded.plan).forms.first?.id ?? "bao-cao"
            let store = workspace.journal(for: campaign)
            let day = CivilDate(year: 2023, month: 6, day: 1)!
            let today = CivilDate(year: 2023, month: 12, day: 1)!
            func submission(_ n: Int) -> JournalStore.Draft {
                let row = SubmissionRow(
                    line: 2,
                    values: [
                        "don-vi": .text("to-dan-pho-\(n % 50)"), "ghi-chu": .text("Báo cáo số \(n) của tổ dân phố"),
                        "so-ho": .integer(100 + n % 37), "ty-le": .percent(Double(n % 1000) / 10),
                    ])
                let payload = SubmissionPayload(
                    form: form, source: "bao-cao-\(n).csv", sourceHash: nil, from: ["to-dan-pho-\(n % 50)"], milestone: nil, due: nil,
                    late: false, rows: [row])
                return JournalStore.Draft(kind: .submission, actor: "Lê Thị Ngọc Ánh", date: day, payload: (try? JSONValue.encode(payload)) ?? .null)
            }
            var written = 0
            while written < size {
                let batch = min(1_000, size - written)
                _ = try store.append((0..<batch).map { submission(written + $0) }, time: "2023-06-01T08:00:00Z")
                written += batch
            }
            Log.info("history: \(Figures.grouped(size)) events written")
            // The first command after the history writes the checkpoint.
            _ = try BackOffice(workspace: workspace, registry: registry, memory: OfficeMemory()).status(today: today)
            let warmOffice = BackOffice(workspace: workspace, registry: registry, memory: OfficeMemory())
            _ = try warmOffice.status(today: today)
            var fresh: [Double] = []
            var before: [Double] = []
            var warm: [Double] = []
            var none: [Double] = []
            var next = size
            for _ in 0..<runs {
                _ = try store.append([submission(next)], time: "2023-06-01T08:00:00Z")
                next += 1
                // A new process has no checks shared from an earlier one.
                CheckedPlans.clearAll()
                fresh.append(
                    SystemProbes.timed { _ = try? BackOffice(workspace: workspace, registry: registry, memory: OfficeMemory()).status(today: today) }.1)
                _ = try store.append([submission(next)], time: "2023-06-01T08:00:00Z")
                next += 1
                CheckedPlans.clearAll()
                before.append(
                    SystemProbes.timed {
                        let office = BackOffice(workspace: workspace, registry: registry, memory: OfficeMemory())
                        _ = (try? office.allCampaigns())?.campaigns.map { CampaignStatus(plan: $0.plan, state: $0.state, today: today) }
                    }.1)
                _ = try store.append([submission(next)], time: "2023-06-01T08:00:00Z")
                next += 1
                warm.append(SystemProbes.timed { _ = try? warmOffice.status(today: today) }.1)
                _ = try store.append([submission(next)], time: "2023-06-01T08:00:00Z")
                next += 1
                CheckedPlans.clearAll()
                none.append(
                    SystemProbes.timed {
                        _ = try? BackOffice(workspace: workspace, registry: registry, memory: OfficeMemory(), checkpoints: false).status(today: today)
                    }.1)
            }
            let journalBytes = ((try? FileManager.default.attributesOfItem(atPath: store.url.path))?[.size] as? Int) ?? 0
            let cacheFiles = (try? FileManager.default.contentsOfDirectory(atPath: workspace.cacheFolder.path)) ?? []
            func bytes(_ prefix: String) -> Int {
                cacheFiles.filter { $0.hasPrefix(prefix) }.reduce(0) { total, name in
                    total
                        + (((try? FileManager.default.attributesOfItem(atPath: workspace.cacheFolder.appendingPathComponent(name).path))?[.size] as? Int) ?? 0)
                }
            }
            out.append(
                Size(
                    events: size, journalBytes: journalBytes, checkpointBytes: bytes("state-"), digestBytes: bytes("status-"),
                    freshSeconds: fresh.min() ?? 0, stateCheckpointSeconds: before.min() ?? 0,
                    warmSeconds: warm.min() ?? 0, noCheckpointSeconds: none.min() ?? 0, runs: runs))
        }
        let small = out.first
        let large = out.count > 1 ? out.last : nil
        let freshRatio = small.flatMap { s in large.map { $0.freshSeconds / max(s.freshSeconds, 1e-9) } }
        let warmRatio = small.flatMap { s in large.map { $0.warmSeconds / max(s.warmSeconds, 1e-9) } }
        let beforeRatio = small.flatMap { s in large.map { $0.stateCheckpointSeconds / max(s.stateCheckpointSeconds, 1e-9) } }
        return Results(
            campaign: campaign, sizes: out, freshRatio: freshRatio, stateCheckpointRatio: beforeRatio, warmRatio: warmRatio,
            goalMet: freshRatio.map { $0 <= 1.5 },
            loadAverage: [loadBefore, SystemProbes.loadAverage()].compactMap { $0 })
    }

    static func text(_ r: Results) -> String {
        var lines = ["status after one more submission (one campaign, \(r.campaign)); minimum of \(r.sizes.first?.runs ?? 0) runs"]
        func cell(_ s: String, _ width: Int) -> String { s.padding(toLength: width, withPad: " ", startingAt: 0) }
        lines.append(
            cell("events", 10) + cell("journal", 11) + cell("checkpoint", 12) + cell("digest", 10) + cell("fresh process", 15)
                + cell("state checkpoint", 18) + cell("warm (memory)", 15) + "no checkpoint")
        for s in r.sizes {
            lines.append(
                cell(Figures.grouped(s.events), 10) + cell(Figures.bytes(s.journalBytes), 11) + cell(Figures.bytes(s.checkpointBytes), 12)
                    + cell("\(Figures.grouped(s.digestBytes)) B", 10) + cell(Figures.seconds(s.freshSeconds), 15)
                    + cell(Figures.seconds(s.stateCheckpointSeconds), 18) + cell(Figures.seconds(s.warmSeconds), 15)
                    + Figures.seconds(s.noCheckpointSeconds))
        }
        if let f = r.freshRatio, let w = r.warmRatio, let b = r.stateCheckpointRatio, let first = r.sizes.first, let last = r.sizes.last {
            lines.append(
                String(
                    format: "%@ ÷ %@ events: fresh %.2f ×, warm %.2f ×, state checkpoint (before) %.2f × (goal ≤ 1.5 ×: fresh %@, warm %@)",
                    Figures.grouped(last.events), Figures.grouped(first.events), f, w, b, f <= 1.5 ? "met" : "not met", w <= 1.5 ? "met" : "not met"))
        }
        lines.append("load average before/after: \(r.loadAverage.map { String(format: "%.2f", $0) }.joined(separator: " / "))")
        return lines.joined(separator: "\n")
    }
}
