import Foundation
import ThiDuaCLI
import ThiDuaCore

/// One phase run alone over a kept folder, so `perf record` sees nothing else.
enum ProfilePhase: String {
    case load, replay, evaluate, dossier
    /// The end-to-end data pass (check, replay, evaluate) on `threads` threads.
    case endToEnd = "e2e"
    /// The same through the back office: once cold (new memory), then `repeats` times warm
    /// (the same offices, nothing changed). With 0 repeats, only cold: the difference of two
    /// instruction counts is then the warm passes' cost.
    case office

    func run(_ root: URL, repeats: Int, threads: Int = 1) throws -> String {
        let folders = try Manifest.wardFolders(root)
        let cpuBefore = SystemProbes.cpuSeconds()
        func cpu() -> String { "CPU \(Figures.seconds(SystemProbes.cpuSeconds() - cpuBefore))" }
        // Cold as a new process: nothing checked yet.
        CheckedPlans.clearAll()
        if self == .office {
            var offices: [BackOffice] = []
            let cold = SystemProbes.timed {
                for folder in folders {
                    let workspace = Workspace(root: folder)
                    let office = BackOffice(workspace: workspace, registry: CompiledTypes.registry(for: workspace), memory: OfficeMemory())
                    _ = WardPipeline.run(through: office)
                    offices.append(office)
                }
            }.1
            let warm = SystemProbes.timed {
                for _ in 0..<repeats { for office in offices { _ = WardPipeline.run(through: office) } }
            }.1
            return "office: \(folders.count) wards cold in \(Figures.seconds(cold)), \(repeats) warm passes in \(Figures.seconds(warm)) (\(cpu()))"
        }
        if self == .endToEnd {
            let seconds = SystemProbes.timed {
                for _ in 0..<max(1, repeats) {
                    CheckedPlans.clearAll()
                    parallelFor(folders.count, threads: threads) { i in _ = WardPipeline.run(folders[i], formats: nil) }
                }
            }.1
            return "e2e: \(folders.count) wards × \(repeats) on \(threads) thread(s) in \(Figures.seconds(seconds)) (\(cpu()))"
        }
        var count = 0
        var seconds = 0.0
        for _ in 0..<max(1, repeats) {
            for folder in folders {
                switch self {
                case .load:
                    CheckedPlans.clearAll()
                    seconds += SystemProbes.timed { count += WardPipeline.load(folder).files }.1
                case .replay:
                    seconds += SystemProbes.timed { count += WardPipeline.replay(Workspace(root: folder)).events }.1
                case .evaluate:
                    let loaded = WardPipeline.load(folder)
                    let replayed = WardPipeline.replay(loaded.workspace)
                    let roster = (try? loaded.workspace.loadRoster()) ?? Roster()
                    seconds +=
                        SystemProbes.timed {
                            for campaign in loaded.campaigns {
                                count +=
                                    WardPipeline.evaluate(campaign, state: replayed.states[campaign.plan.id] ?? CampaignState(), roster: roster)
                                    .standings.count
                            }
                        }.1
                case .dossier:
                    seconds += SystemProbes.timed { count += WardPipeline.run(folder, formats: WardPipeline.Format.allCases).documents }.1
                case .endToEnd, .office:
                    break
                }
            }
        }
        return "\(rawValue): \(Figures.grouped(count)) items in \(Figures.seconds(seconds)) (whole run \(cpu()))"
    }
}
