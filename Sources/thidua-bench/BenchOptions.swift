import Foundation

/// The benchmark's command line:
/// `thidua-bench [--scale ward|province|nation] [--wards N] [--out results.json] [--keep DIR]`.
struct BenchOptions {
    enum Scale: String, CaseIterable {
        case ward, province, nation

        /// Wards at this scale: one ward; a province of 124; the 3,321 of the nation (from 1 July 2025).
        var wards: Int {
            switch self {
            case .ward: 1
            case .province: 124
            case .nation: 3_321
            }
        }
    }

    var scale = Scale.province
    /// Wards actually generated and measured (a fraction of the scale when smaller).
    var wards = Scale.province.wards
    var out: String?
    /// Keep (and reuse, when it matches) the generated workspaces in this folder.
    var keep: String?
    var seed: UInt64 = 20_260_101
    var threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
    var batching = WorkspaceGenerator.Batching.step
    /// Runs of `thidua --version` for the start-up time.
    var startupRuns = 20
    /// Wards whose whole dossier is timed one by one.
    var dossierSamples = 5
    /// Wards whose documents are rendered in every format for the rendering rates.
    var renderSamples = 20
    /// The repository whose campaign files are copied (default: found from the executable).
    var repository: String?

    static let usage = """
        usage: thidua-bench [--scale ward|province|nation] [--wards N] [--out results.json] [--keep DIR]
                            [--seed N] [--threads N] [--batch step|journal] [--repo DIR]
                            [--startup-runs N] [--dossier-samples N] [--render-samples N]
               thidua-bench generate [--scale …] [--wards N] [--seed N] --keep DIR
               thidua-bench profile load|replay|evaluate|dossier|e2e|office <kept folder> [repeats] [threads]
               thidua-bench history [--sizes 1000,10000,100000] [--runs N] [--out FILE] [--repo DIR] [--keep DIR]
               thidua-bench journal-writer <journal> <count> <tag>
        """

    static func parse(_ arguments: [String]) throws -> BenchOptions {
        var options = BenchOptions()
        var wardsGiven = false
        var batchGiven = false
        var i = 0
        func value(_ name: String) throws -> String {
            i += 1
            guard i < arguments.count else { throw BenchError("\(name) needs a value\n\(usage)") }
            return arguments[i]
        }
        func number(_ name: String) throws -> Int {
            let text = try value(name)
            guard let n = Int(text), n > 0 else { throw BenchError("\(name): «\(text)» is not a positive whole number") }
            return n
        }
        while i < arguments.count {
            let argument = arguments[i]
            switch argument {
            case "--scale":
                let text = try value(argument)
                guard let scale = Scale(rawValue: text) else { throw BenchError("--scale: «\(text)» is not ward, province or nation") }
                options.scale = scale
            case "--wards":
                options.wards = try number(argument)
                wardsGiven = true
            case "--out": options.out = try value(argument)
            case "--keep": options.keep = try value(argument)
            case "--seed": options.seed = UInt64(try number(argument))
            case "--threads": options.threads = try number(argument)
            case "--startup-runs": options.startupRuns = try number(argument)
            case "--dossier-samples": options.dossierSamples = try number(argument)
            case "--render-samples": options.renderSamples = try number(argument)
            case "--repo": options.repository = try value(argument)
            case "--batch":
                let text = try value(argument)
                guard let batching = WorkspaceGenerator.Batching(rawValue: text) else { throw BenchError("--batch: «\(text)» is not step or journal") }
                options.batching = batching
                batchGiven = true
            case "-h", "--help":
                print(usage)
                exit(0)
            default:
                throw BenchError("unknown argument «\(argument)»\n\(usage)")
            }
            i += 1
        }
        if !wardsGiven { options.wards = options.scale.wards }
        // A nation of wards written seven fsynced appends a journal takes a long time; one append a journal keeps it in minutes.
        if !batchGiven && options.wards > 1_000 { options.batching = .journal }
        return options
    }
}
