import Foundation
import ThiDuaCLI
import ThiDuaCore

/// The benchmark run: generate (or reuse) the workspaces, measure each phase, report.
struct Benchmark {
    var options: BenchOptions

    /// The repository whose campaign files are copied: `--repo`, else the package root found
    /// from the executable (`.build/<config>/thidua-bench` or a scratch path), else the current folder.
    func repositoryRoot() -> URL {
        if let repo = options.repository { return URL(fileURLWithPath: repo) }
        let fromSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for candidate in [URL(fileURLWithPath: FileManager.default.currentDirectoryPath), fromSource] {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Package.swift").path),
                FileManager.default.fileExists(atPath: candidate.appendingPathComponent("campaigns").path)
            {
                return candidate
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    func run() throws -> BenchResults {
        let templates = try Templates.load(root: repositoryRoot())
        let campaignIDs = templates.campaigns.map(\.campaign.plan.id)
        Log.info(
            "thidua-bench: scale \(options.scale.rawValue), \(options.wards) ward(s), \(campaignIDs.count) campaigns a ward, "
                + "\(options.threads) thread(s), seed \(options.seed)")

        // Where the workspaces go: --keep DIR (kept, and reused when it holds this very run), else a temporary folder.
        let root: URL
        if let keep = options.keep {
            root = URL(fileURLWithPath: keep, isDirectory: true)
        } else {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-bench-\(ProcessInfo.processInfo.processIdentifier)")
        }
        defer {
            if options.keep == nil { try? FileManager.default.removeItem(at: root) }
        }
        let generation = try generate(templates, into: root)
        let wardFolders = try Manifest.wardFolders(root)

        SystemProbes.resetPeakMemory()
        let loadBefore = SystemProbes.loadAverage()
        let journals = wardFolders.flatMap { folder in
            Workspace(root: folder).journalIDs().map { Workspace(root: folder).journal(for: $0).url }
        }
        let repeats = options.wards <= 200 ? 2 : 1

        // Load and check.
        Log.info("measuring: load and check of campaign files")
        var load = PhaseFigures(items: 0, unit: "files", seconds: .infinity, bytes: 0)
        for _ in 0..<repeats {
            let progress = ProgressLine("load", total: wardFolders.count)
            var files = 0
            var bytes = 0
            var errors = 0
            let seconds = SystemProbes.timed {
                for folder in wardFolders {
                    // Every file checked, as a new process per ward would: the check's own rate.
                    CheckedPlans.clearAll()
                    let loaded = WardPipeline.load(folder)
                    files += loaded.files
                    bytes += loaded.bytes
                    errors += loaded.errors
                    progress.advance()
                }
            }.1
            if errors > 0 { throw BenchError("\(errors) campaign file(s) did not load") }
            if seconds < load.seconds { load = PhaseFigures(items: files, unit: "files", seconds: seconds, bytes: bytes) }
        }

        // Replay and its floor, alternated so neither has the warmer cache.
        Log.info("measuring: journal replay and the JSONSerialization floor")
        var replay = PhaseFigures(items: 0, unit: "events", seconds: .infinity, bytes: 0)
        var replayRead = 0.0
        var replayFold = 0.0
        var floor = PhaseFigures(items: 0, unit: "lines", seconds: .infinity, bytes: 0)
        for _ in 0..<repeats {
            let (f, floorSeconds) = SystemProbes.timed { ReplayFloor.floor(journals) }
            if floorSeconds < floor.seconds { floor = PhaseFigures(items: f.lines, unit: "lines", seconds: floorSeconds, bytes: f.bytes) }
            let progress = ProgressLine("replay", total: wardFolders.count)
            var events = 0
            var bytes = 0
            var failures = 0
            var read = 0.0
            var fold = 0.0
            let seconds = SystemProbes.timed {
                for folder in wardFolders {
                    let replayed = WardPipeline.replay(Workspace(root: folder))
                    events += replayed.events
                    bytes += replayed.bytes
                    failures += replayed.failures
                    read += replayed.readSeconds
                    fold += replayed.foldSeconds
                    progress.advance()
                }
            }.1
            if failures > 0 { throw BenchError("\(failures) journal(s) failed their chain check") }
            if seconds < replay.seconds {
                replay = PhaseFigures(items: events, unit: "events", seconds: seconds, bytes: bytes)
                replayRead = read
                replayFold = fold
            }
        }
        let sample = Array(wardFolders.prefix(max(1, min(wardFolders.count, options.renderSamples))))
        let breakdown = ReplayFloor.breakdown(
            sample.flatMap { folder in
                Workspace(root: folder).journalIDs().map { Workspace(root: folder).journal(for: $0).url }
            })

        // Evaluation and ranking (all wards up to 200, else a sample of 200).
        Log.info("measuring: evaluation and ranking")
        let evaluationWards = Array(wardFolders.prefix(200))
        var participants = 0
        var evaluationSeconds = 0.0
        for folder in evaluationWards {
            let loaded = WardPipeline.load(folder)
            let replayed = WardPipeline.replay(loaded.workspace)
            let roster = (try? loaded.workspace.loadRoster()) ?? Roster()
            evaluationSeconds +=
                SystemProbes.timed {
                    for campaign in loaded.campaigns {
                        participants +=
                            WardPipeline.evaluate(campaign, state: replayed.states[campaign.plan.id] ?? CampaignState(), roster: roster)
                            .standings.count
                    }
                }.1
        }
        let evaluation = PhaseFigures(items: participants, unit: "participants", seconds: evaluationSeconds)

        // Building and rendering documents, per format.
        Log.info("measuring: documents (build, md, html, docx)")
        var documents: [Document] = []
        var buildSeconds = 0.0
        for folder in sample {
            let loaded = WardPipeline.load(folder)
            let replayed = WardPipeline.replay(loaded.workspace)
            let roster = (try? loaded.workspace.loadRoster()) ?? Roster()
            let history = WardPipeline.history(loaded.campaigns, replayed.states)
            let evaluations = loaded.campaigns.map {
                WardPipeline.evaluate($0, state: replayed.states[$0.plan.id] ?? CampaignState(), roster: roster)
            }
            buildSeconds +=
                SystemProbes.timed {
                    for (campaign, evaluation) in zip(loaded.campaigns, evaluations) {
                        documents += WardPipeline.dossier(
                            campaign, state: replayed.states[campaign.plan.id] ?? CampaignState(), roster: roster, evaluation: evaluation,
                            history: history)
                    }
                }.1
        }
        let build = PhaseFigures(items: documents.count, unit: "documents", seconds: buildSeconds)
        var render: [String: PhaseFigures] = [:]
        for format in WardPipeline.Format.allCases {
            var bytes = 0
            let seconds = SystemProbes.timed { for document in documents { bytes += format.render(document) } }.1
            render[format.rawValue] = PhaseFigures(items: documents.count, unit: "documents", seconds: seconds, bytes: bytes)
        }
        documents = []

        // The whole dossier of one ward, from the files on disk, in every format.
        Log.info("measuring: the whole dossier of a ward")
        var dossierTimes: [Double] = []
        var dossierDocuments = 0
        for folder in wardFolders.prefix(options.dossierSamples) {
            let (run, seconds) = SystemProbes.timed { WardPipeline.run(folder, formats: WardPipeline.Format.allCases) }
            dossierTimes.append(seconds)
            dossierDocuments = max(dossierDocuments, run.documents)
        }

        // End to end on every core: the year-end data pass over every ward (the goal), then the
        // same with every ward's dossier rendered (all wards up to 200, else the first 200, extrapolated).
        let scaleWards = options.scale.wards
        // Each cold pass starts as a new process: nothing checked yet (`CheckedPlans`).
        CheckedPlans.clearAll()
        var dataPass = endToEnd(wardFolders, formats: nil, scaleWards: scaleWards)
        for _ in 1..<repeats {
            CheckedPlans.clearAll()
            let again = endToEnd(wardFolders, formats: nil, scaleWards: scaleWards)
            if again.seconds < dataPass.seconds { dataPass = again }
        }
        // The same through the back office, as commands run it: cold (no `.thidua/`, nothing in
        // memory: what a new process finds), then warm (the same offices again, nothing changed:
        // what the web application finds between requests).
        for folder in wardFolders { try? FileManager.default.removeItem(at: folder.appendingPathComponent(".thidua")) }
        // Each ward's memory is the process's memory of that folder (`OfficeMemory.shared`), as
        // the web application holds it: bounded (`OfficeMemory.workspaceLimit`), so at nation
        // scale the warm pass finds only the most recent wards in memory.
        let registries = Locked([Int: CampaignTypeRegistry]())
        CheckedPlans.clearAll()
        OfficeMemory.forgetAllWorkspaces()
        let officeCold = endToEnd(wardFolders, formats: nil, scaleWards: scaleWards, label: "end to end through the back office, cold") { i in
            let workspace = Workspace(root: wardFolders[i])
            let registry = CompiledTypes.registry(for: workspace)
            registries.withLock { $0[i] = registry }
            return WardPipeline.run(through: BackOffice(workspace: workspace, registry: registry))
        }
        let kept = registries.current
        let warmPass: @Sendable (Int) -> WardPipeline.WardRun = { i in
            kept[i].map { WardPipeline.run(through: BackOffice(workspace: Workspace(root: wardFolders[i]), registry: $0)) }
                ?? WardPipeline.WardRun(errors: 1)
        }
        var officeWarm = endToEnd(wardFolders, formats: nil, scaleWards: scaleWards, label: "end to end through the back office, warm", warmPass)
        for _ in 1..<repeats {
            let again = endToEnd(wardFolders, formats: nil, scaleWards: scaleWards, label: "end to end through the back office, warm", warmPass)
            if again.seconds < officeWarm.seconds { officeWarm = again }
        }
        OfficeMemory.forgetAllWorkspaces()
        let dossierWards = Array(wardFolders.prefix(200))
        let withDossiers = endToEnd(dossierWards, formats: [.html, .docx], scaleWards: scaleWards)
        let peak = SystemProbes.peakMemory()

        let startup = measureStartup()
        var results = BenchResults(
            scale: options.scale.rawValue, scaleWards: scaleWards, wards: wardFolders.count, seed: options.seed, threads: options.threads,
            machine: Self.machine(), campaigns: campaignIDs, generation: generation, load: load, replay: replay,
            replayReadSeconds: replayRead, replayFoldSeconds: replayFold, floor: floor,
            replayToFloor: floor.seconds > 0 ? replay.seconds / floor.seconds : 0, breakdown: breakdown, evaluation: evaluation,
            build: build, render: render,
            dossier: BenchResults.Dossier(
                samples: dossierTimes.count, documentsPerWard: dossierDocuments, formats: WardPipeline.Format.allCases.map(\.rawValue),
                medianSeconds: Figures.median(dossierTimes), maxSeconds: dossierTimes.max() ?? 0),
            endToEnd: dataPass, endToEndOfficeCold: officeCold, endToEndOfficeWarm: officeWarm, endToEndWithDossiers: withDossiers,
            peakMemoryBytes: peak, startup: startup, loadAverage: [loadBefore, SystemProbes.loadAverage()].compactMap { $0 }, goals: [])
        results.goals = Self.goals(results)
        return results
    }

    /// All `folders` through `WardPipeline.run` on every thread; documents in `formats` (nil: none).
    /// With `body`, each ward through it instead.
    func endToEnd(
        _ folders: [URL], formats: [WardPipeline.Format]?, scaleWards: Int, label given: String? = nil,
        _ body: (@Sendable (Int) -> WardPipeline.WardRun)? = nil
    ) -> BenchResults.EndToEnd {
        let label = given ?? formats.map { "end to end with dossiers (\($0.map(\.rawValue).joined(separator: "+")))" } ?? "end to end"
        Log.info("measuring: \(label) on \(options.threads) thread(s)")
        let totals = Locked(WardPipeline.WardRun())
        let progress = ProgressLine(label, total: folders.count)
        let cpuBefore = SystemProbes.cpuSeconds()
        let seconds = SystemProbes.timed {
            parallelFor(folders.count, threads: options.threads) { i in
                let run = body?(i) ?? WardPipeline.run(folders[i], formats: formats)
                totals.withLock { t in
                    t.files += run.files
                    t.events += run.events
                    t.participants += run.participants
                    t.documents += run.documents
                    t.outputBytes += run.outputBytes
                    t.errors += run.errors
                }
                progress.advance()
            }
        }.1
        let t = totals.current
        return BenchResults.EndToEnd(
            wards: folders.count, threads: options.threads, seconds: seconds, cpuSeconds: SystemProbes.cpuSeconds() - cpuBefore,
            formats: formats?.map(\.rawValue) ?? [],
            files: t.files, documents: t.documents, participants: t.participants, events: t.events, errors: t.errors,
            extrapolatedSeconds: folders.count < scaleWards ? seconds * Double(scaleWards) / Double(folders.count) : nil)
    }

    // MARK: Generation

    func generate(_ templates: Templates, into root: URL) throws -> BenchResults.Generation {
        let manifest = Manifest(
            version: Manifest.currentVersion, seed: options.seed, wards: options.wards, batching: options.batching.rawValue,
            campaigns: templates.campaigns.map(\.file.lastPathComponent), sizes: Manifest.sizes(of: templates))
        if options.keep != nil, let existing = Manifest.read(root), existing.matches(manifest), let generation = existing.generation {
            Log.info("reusing the workspaces in \(root.path) (generated in \(Figures.seconds(generation.seconds)))")
            var reused = generation
            reused.reused = true
            return reused
        }
        if FileManager.default.fileExists(atPath: root.path) {
            guard options.keep == nil || Manifest.read(root) != nil || (try? FileManager.default.contentsOfDirectory(atPath: root.path))?.isEmpty == true
            else { throw BenchError("\(root.path) exists and is not a benchmark folder; choose another --keep folder") }
            try FileManager.default.removeItem(at: root)
        }
        let wardsFolder = root.appendingPathComponent("wards")
        try FileManager.default.createDirectory(at: wardsFolder, withIntermediateDirectories: true)
        Log.info("generating \(options.wards) ward workspace(s) in \(root.path)")
        SystemProbes.resetPeakMemory()
        let generator = WorkspaceGenerator(templates: templates, seed: options.seed, wardCount: options.wards, batching: options.batching)
        let totals = Locked(WardOutput())
        let failure = Locked<String?>(nil)
        let progress = ProgressLine("generate", total: options.wards)
        let seconds = SystemProbes.timed {
            parallelFor(options.wards, threads: options.threads) { i in
                do {
                    let output = try generator.generate(ward: i, under: wardsFolder)
                    totals.withLock { t in
                        t.events += output.events
                        t.appends += output.appends
                        t.journalBytes += output.journalBytes
                        t.journals += output.journals
                        t.reviews += output.reviews
                        t.decisions += output.decisions
                    }
                } catch {
                    failure.withLock { $0 = $0 ?? "ward \(i + 1): \(describe(error))" }
                }
                progress.advance()
            }
        }.1
        if let message = failure.current { throw BenchError("generation failed: \(message)") }
        let t = totals.current
        let generation = BenchResults.Generation(
            reused: false, seconds: seconds, wards: options.wards, journals: t.journals, events: t.events, appends: t.appends,
            journalBytes: t.journalBytes, reviews: t.reviews, decisions: t.decisions, batching: options.batching.rawValue,
            threads: options.threads, peakMemoryBytes: SystemProbes.peakMemory())
        var written = manifest
        written.generation = generation
        try written.write(root)
        return generation
    }

    // MARK: Start-up

    func measureStartup() -> BenchResults.Startup? {
        guard let thidua = SystemProbes.thiduaExecutable() else {
            Log.info("warning: no thidua executable beside thidua-bench; build it first (swift build -c release) to time its start-up")
            return nil
        }
        Log.info("measuring: thidua --version start-up")
        guard var probe = SystemProbes.startup(thidua, argument: "--version", runs: options.startupRuns) else { return nil }
        var command = "thidua --version"
        var note: String?
        if probe.status != 0 {
            note = "`thidua --version` exited with \(probe.status); timed `thidua --help` instead"
            guard let help = SystemProbes.startup(thidua, argument: "--help", runs: options.startupRuns) else { return nil }
            probe = help
            command = "thidua --help"
        }
        return BenchResults.Startup(
            command: command, runs: probe.times.count, medianMilliseconds: Figures.median(probe.times),
            minMilliseconds: probe.times.min() ?? 0, maxMilliseconds: probe.times.max() ?? 0, note: note)
    }

    // MARK: Machine and goals

    static func machine() -> BenchResults.Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model =
            cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }.map {
                String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces)
            } ?? "unknown"
        let info = ProcessInfo.processInfo
        return BenchResults.Machine(
            cpu: model, cores: info.activeProcessorCount, memoryBytes: info.physicalMemory, system: info.operatingSystemVersionString)
    }

    static func goals(_ r: BenchResults) -> [BenchResults.Goal] {
        var goals: [BenchResults.Goal] = []
        let e2e = r.endToEnd.extrapolatedSeconds ?? r.endToEnd.seconds
        let label = r.endToEnd.extrapolatedSeconds != nil ? "extrapolated from \(r.wards) wards" : "measured"
        if r.scale == "province" {
            goals.append(.init(goal: "province end to end < 2 s", measured: "\(Figures.seconds(e2e)) (\(label))", met: e2e < 2))
            if let cold = r.endToEndOfficeCold, let warm = r.endToEndOfficeWarm {
                let c = cold.extrapolatedSeconds ?? cold.seconds
                let w = warm.extrapolatedSeconds ?? warm.seconds
                goals.append(.init(goal: "province cold (new process, no cache) < 2 s", measured: "\(Figures.seconds(c)) (\(label))", met: c < 2))
                goals.append(.init(goal: "province warm (nothing changed) < 0.3 s", measured: "\(Figures.seconds(w)) (\(label))", met: w < 0.3))
            }
        }
        if r.scale == "nation" {
            let memory = r.peakMemoryBytes ?? 0
            goals.append(.init(goal: "nation end to end < 60 s", measured: "\(Figures.seconds(e2e)) (\(label))", met: e2e < 60))
            goals.append(
                .init(goal: "nation peak memory < 4 GB", measured: "\(Figures.bytes(memory)) (measured on \(r.wards) wards)", met: memory < 4 << 30))
        }
        goals.append(
            .init(goal: "replay ≤ 1.5 × the floor", measured: String(format: "%.2f ×", r.replayToFloor), met: r.replayToFloor <= 1.5))
        if let s = r.startup {
            goals.append(.init(goal: "\(s.command) start-up in ms", measured: String(format: "%.1f ms (median of %d)", s.medianMilliseconds, s.runs), met: nil))
        }
        goals.append(
            .init(
                goal: "whole dossier of a ward < 0.5 s",
                measured: "\(Figures.seconds(r.dossier.maxSeconds)) worst of \(r.dossier.samples) (\(r.dossier.documentsPerWard) documents × 3 formats)",
                met: r.dossier.maxSeconds < 0.5))
        return goals
    }
}
