import Foundation
import ThiDuaCore

// thidua-bench: benchmarks and stress modes that run outside the test process.
//
//   thidua-bench [--scale ward|province|nation] [--wards N] [--out results.json] [--keep DIR]
//     generates synthetic ward workspaces, measures load, replay (against its JSONSerialization
//     floor), evaluation, documents, the whole dossier of a ward, end to end, peak memory and
//     `thidua --version` start-up; prints a table and writes JSON (see docs/performance.md).
//
//   thidua-bench generate [--scale …] [--wards N] [--seed N] --keep DIR
//     only generates (or reuses) the workspaces.
//
//   thidua-bench profile load|replay|evaluate|dossier|e2e|office <kept folder> [repeats] [threads]
//     runs one phase over every ward of a folder kept with --keep, for a profiler.
//
//   thidua-bench history [--sizes 1000,10000,100000] [--runs N] [--out FILE] [--repo DIR] [--keep DIR]
//     one campaign with that many events: `status` after one more submission, from a fresh
//     back office (state checkpoint), a warm one (state in memory) and without checkpoints.
//
//   thidua-bench journal-writer <journal> <count> <tag>
//     appends <count> events one by one, printing "ok <tag> <n> <seq>" after each append has
//     been fsynced: the crash tests kill this process and check every acknowledged event.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
    exit(64)
}

let arguments = Array(CommandLine.arguments.dropFirst())
let mode = arguments.first ?? ""

switch mode {
case "journal-writer":
    guard arguments.count == 4, let count = Int(arguments[2]), count >= 0 else {
        fail("usage: thidua-bench journal-writer <journal> <count> <tag>")
    }
    let store = JournalStore(url: URL(fileURLWithPath: arguments[1]))
    let tag = arguments[3]
    let day = CivilDate(year: 2026, month: 11, day: 22) ?? CivilDate(year: 2000, month: 1, day: 1)!
    for n in 0..<count {
        let payload = JSONValue.object([.init(key: "tag", value: .string(tag)), .init(key: "n", value: .number(Double(n)))])
        do {
            let result = try store.append(
                [JournalStore.Draft(kind: "stress", actor: "writer \(tag)", date: day, payload: payload)], time: "2026-11-22T00:00:00Z")
            FileHandle.standardOutput.write(Data("ok \(tag) \(n) \(result.events[0].seq)\n".utf8))
        } catch {
            fail(error.rendered)
        }
    }
case "generate":
    // Only the generation, into --keep DIR: for the smoke test and for profiling runs.
    do {
        let options = try BenchOptions.parse(Array(arguments.dropFirst()))
        guard let keep = options.keep else { fail("usage: thidua-bench generate [--scale …] [--wards N] --keep DIR") }
        let benchmark = Benchmark(options: options)
        let generation = try benchmark.generate(try Templates.load(root: benchmark.repositoryRoot()), into: URL(fileURLWithPath: keep))
        print(
            "\(generation.wards) ward(s), \(Figures.grouped(generation.events)) events, \(Figures.bytes(generation.journalBytes)) of journals"
                + (generation.reused ? " (reused)" : " in \(Figures.seconds(generation.seconds))"))
    } catch {
        fail(describe(error))
    }
case "history":
    var sizes = [1_000, 10_000, 100_000]
    var runs = 5
    var out: String?
    var repo: String?
    var keep: String?
    var rest = Array(arguments.dropFirst())
    while let flag = rest.first {
        rest.removeFirst()
        guard let value = rest.first else { fail("\(flag) needs a value") }
        rest.removeFirst()
        switch flag {
        case "--sizes": sizes = value.split(separator: ",").compactMap { Int($0) }
        case "--runs": runs = max(1, Int(value) ?? 5)
        case "--out": out = value
        case "--repo": repo = value
        case "--keep": keep = value
        default: fail("usage: thidua-bench history [--sizes 1000,10000,100000] [--runs N] [--out FILE] [--repo DIR] [--keep DIR]")
        }
    }
    do {
        var options = try BenchOptions.parse([])
        options.repository = repo
        let bench = HistoryBench(
            repository: Benchmark(options: options).repositoryRoot(), sizes: sizes, runs: runs, keep: keep.map { URL(fileURLWithPath: $0) })
        let results = try bench.run()
        print(HistoryBench.text(results))
        if let out {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(results).write(to: URL(fileURLWithPath: out))
            Log.info("wrote \(out)")
        }
    } catch {
        fail(describe(error))
    }
case "profile":
    // For profilers (`perf record`): one phase over every ward of a folder kept with --keep.
    guard arguments.count >= 3, let phase = ProfilePhase(rawValue: arguments[1]) else {
        fail("usage: thidua-bench profile load|replay|evaluate|dossier|e2e|office <kept folder> [repeats] [threads]")
    }
    let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1
    let threads = arguments.count > 4 ? Int(arguments[4]) ?? 1 : 1
    do {
        print(try phase.run(URL(fileURLWithPath: arguments[2]), repeats: repeats, threads: threads))
    } catch {
        fail(describe(error))
    }
case _ where mode.isEmpty || mode.hasPrefix("-"):
    do {
        let options = try BenchOptions.parse(arguments)
        let results = try Benchmark(options: options).run()
        print(ReportPrinter.text(results))
        if let out = options.out {
            try ReportPrinter.json(results).write(to: URL(fileURLWithPath: out))
            Log.info("wrote \(out)")
        }
    } catch {
        fail(describe(error))
    }
default:
    fail("unknown mode '\(mode)'\n\(BenchOptions.usage)")
}
