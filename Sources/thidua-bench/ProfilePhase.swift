import Foundation
import ThiDuaCore

/// One phase run alone over a kept folder, so `perf record` sees nothing else.
enum ProfilePhase: String {
    case load, replay, evaluate, dossier
    /// The end-to-end data pass (check, replay, evaluate) on `threads` threads.
    case endToEnd = "e2e"

    func run(_ root: URL, repeats: Int, threads: Int = 1) throws -> String {
        let folders = try Manifest.wardFolders(root)
        let cpuBefore = SystemProbes.cpuSeconds()
        func cpu() -> String { "CPU \(Figures.seconds(SystemProbes.cpuSeconds() - cpuBefore))" }
        if self == .endToEnd {
            let seconds = SystemProbes.timed {
                for _ in 0..<max(1, repeats) {
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
                case .endToEnd:
                    break
                }
            }
        }
        return "\(rawValue): \(Figures.grouped(count)) items in \(Figures.seconds(seconds)) (whole run \(cpu()))"
    }
}
