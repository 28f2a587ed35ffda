import Foundation

/// One measured phase: how much work, how long, how fast.
struct PhaseFigures: Codable {
    var items: Int
    /// What an item is: "files", "events", "participants", "documents".
    var unit: String
    var seconds: Double
    var bytes: Int?
    var threads = 1

    var rate: Double { seconds > 0 ? Double(items) / seconds : 0 }
    var megabytesPerSecond: Double? { bytes.map { seconds > 0 ? Double($0) / 1_048_576 / seconds : 0 } }

    enum CodingKeys: String, CodingKey { case items, unit, seconds, bytes, threads, rate, megabytesPerSecond }

    init(items: Int, unit: String, seconds: Double, bytes: Int? = nil, threads: Int = 1) {
        self.items = items
        self.unit = unit
        self.seconds = seconds
        self.bytes = bytes
        self.threads = threads
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        items = try c.decode(Int.self, forKey: .items)
        unit = try c.decode(String.self, forKey: .unit)
        seconds = try c.decode(Double.self, forKey: .seconds)
        bytes = try c.decodeIfPresent(Int.self, forKey: .bytes)
        threads = try c.decode(Int.self, forKey: .threads)
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(items, forKey: .items)
        try c.encode(unit, forKey: .unit)
        try c.encode(seconds, forKey: .seconds)
        try c.encodeIfPresent(bytes, forKey: .bytes)
        try c.encode(threads, forKey: .threads)
        try c.encode(rate, forKey: .rate)
        try c.encodeIfPresent(megabytesPerSecond, forKey: .megabytesPerSecond)
    }
}

/// Everything a run measured, as written to `--out`.
struct BenchResults: Codable {
    struct Machine: Codable {
        var cpu: String
        var cores: Int
        var memoryBytes: UInt64
        var system: String
    }

    struct Generation: Codable {
        var reused: Bool
        var seconds: Double
        var wards: Int
        var journals: Int
        var events: Int
        var appends: Int
        var journalBytes: Int
        var reviews: Int
        var decisions: Int
        var batching: String
        var threads: Int
        var peakMemoryBytes: Int?
    }

    struct Dossier: Codable {
        var samples: Int
        var documentsPerWard: Int
        var formats: [String]
        var medianSeconds: Double
        var maxSeconds: Double
    }

    struct EndToEnd: Codable {
        var wards: Int
        var threads: Int
        var seconds: Double
        /// CPU time of all threads: seconds × threads when every thread had a core to itself.
        var cpuSeconds: Double
        /// Formats the dossiers were rendered in; empty for the data pass (no documents).
        var formats: [String]
        var files: Int
        var documents: Int
        var participants: Int
        var events: Int
        var errors: Int
        /// Linear extrapolation to the scale's ward count when fewer wards were run.
        var extrapolatedSeconds: Double?
    }

    struct Startup: Codable {
        var command: String
        var runs: Int
        var medianMilliseconds: Double
        var minMilliseconds: Double
        var maxMilliseconds: Double
        var note: String?
    }

    struct Goal: Codable {
        var goal: String
        var measured: String
        /// nil: not measured at this scale.
        var met: Bool?
    }

    var scale: String
    var scaleWards: Int
    var wards: Int
    var seed: UInt64
    var threads: Int
    var machine: Machine
    var campaigns: [String]
    var generation: Generation
    var load: PhaseFigures
    var replay: PhaseFigures
    var replayReadSeconds: Double
    var replayFoldSeconds: Double
    var floor: PhaseFigures
    var replayToFloor: Double
    var breakdown: ReplayFloor.Breakdown?
    var evaluation: PhaseFigures
    var build: PhaseFigures
    var render: [String: PhaseFigures]
    var dossier: Dossier
    /// Check, replay, evaluate and rank every ward: the year-end data pass.
    var endToEnd: EndToEnd
    /// The same through `BackOffice` as commands run it: a new process (nothing in memory, no
    /// `.thidua/`), then the same offices again with nothing changed (the web application).
    var endToEndOfficeCold: EndToEnd?
    var endToEndOfficeWarm: EndToEnd?
    /// The same with every ward's whole dossier built and rendered.
    var endToEndWithDossiers: EndToEnd
    var peakMemoryBytes: Int?
    var startup: Startup?
    /// The machine's 1-minute load average before and after measuring (other work on the cores).
    var loadAverage: [Double]
    var goals: [Goal]
}
