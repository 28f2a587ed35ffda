import Foundation

/// The printed report: the figures table, replay's parts, and the goals.
enum ReportPrinter {
    static func text(_ r: BenchResults) -> String {
        var out = "ThiDua benchmark — scale \(r.scale): \(Figures.grouped(r.wards)) ward(s)"
        if r.wards != r.scaleWards { out += " of \(Figures.grouped(r.scaleWards)) (a fraction; totals extrapolated where marked)" }
        out += "\n\(r.machine.cpu), \(r.machine.cores) cores, \(Figures.bytes(Int(r.machine.memoryBytes))) RAM; seed \(r.seed); "
        out += "\(r.campaigns.count) campaigns a ward (\(r.campaigns.joined(separator: ", ")))\n"
        if !r.loadAverage.isEmpty {
            out += "load average before / after measuring: \(r.loadAverage.map { String(format: "%.2f", $0) }.joined(separator: " / "))"
            out += " (above 0 means other work shared the cores)\n"
        }
        out += "\n"

        var table = TextTable(["measure", "work", "time", "rate", "MB/s"], right: [1, 2, 3, 4])
        func row(_ name: String, _ p: PhaseFigures) {
            table.add([
                name, "\(Figures.grouped(p.items)) \(p.unit)", Figures.seconds(p.seconds), "\(Figures.rate(p.rate)) \(p.unit)/s",
                p.megabytesPerSecond.map { Figures.rate($0) } ?? "",
            ])
        }
        let g = r.generation
        table.add([
            "generate workspaces (\(g.threads) threads, \(g.batching) appends)\(g.reused ? ", reused" : "")",
            "\(Figures.grouped(g.events)) events", Figures.seconds(g.seconds),
            "\(Figures.rate(Double(g.events) / max(g.seconds, 1e-9))) events/s",
            Figures.rate(Double(g.journalBytes) / 1_048_576 / max(g.seconds, 1e-9)),
        ])
        table.add(["  appends (each fsynced), journal bytes", Figures.grouped(g.appends), "", "", Figures.bytes(g.journalBytes)])
        row("load + check campaign files", r.load)
        row("journal replay (read + verify chain + fold)", r.replay)
        table.add(["  read + verify + parse (JournalStore.read)", "", Figures.seconds(r.replayReadSeconds), "", ""])
        table.add(["  fold into CampaignState", "", Figures.seconds(r.replayFoldSeconds), "", ""])
        row("floor: read + JSONSerialization per line", r.floor)
        table.add(["replay ÷ floor", "", String(format: "%.2f ×", r.replayToFloor), "", ""])
        row("evaluation + ranking", r.evaluation)
        row("build dossier documents", r.build)
        for format in WardPipeline.Format.allCases {
            if let p = r.render[format.rawValue] { row("render \(format.rawValue)", p) }
        }
        table.add([
            "whole dossier of one ward (md + html + docx)", "\(r.dossier.documentsPerWard) documents",
            "\(Figures.seconds(r.dossier.medianSeconds)) median", "\(Figures.seconds(r.dossier.maxSeconds)) max", "",
        ])
        var passes = [(r.endToEnd, "check, replay, evaluate")]
        if let cold = r.endToEndOfficeCold { passes.append((cold, "the same through the back office, cold (new process)")) }
        if let warm = r.endToEndOfficeWarm { passes.append((warm, "the same, warm (state in memory, nothing changed)")) }
        passes.append((r.endToEndWithDossiers, "the same + dossiers"))
        for (e, what) in passes {
            let formats = e.formats.isEmpty ? "" : " (\(e.formats.joined(separator: "+")))"
            table.add([
                "end to end, \(e.threads) threads: \(what)\(formats)", "\(Figures.grouped(e.wards)) wards", Figures.seconds(e.seconds),
                "\(Figures.rate(Double(e.wards) / max(e.seconds, 1e-9))) wards/s", "",
            ])
            table.add([
                "  CPU time, all threads (\(String(format: "%.1f", e.cpuSeconds / max(e.seconds, 1e-9))) cores busy on average)", "",
                Figures.seconds(e.cpuSeconds), "", "",
            ])
            if let x = e.extrapolatedSeconds {
                table.add(["  extrapolated to \(Figures.grouped(r.scaleWards)) wards (linear)", "", Figures.seconds(x), "", ""])
            }
        }
        if let peak = r.peakMemoryBytes { table.add(["peak memory while measuring (VmHWM)", "", "", Figures.bytes(peak), ""]) }
        if let peak = g.peakMemoryBytes, !g.reused { table.add(["peak memory while generating (VmHWM)", "", "", Figures.bytes(peak), ""]) }
        if let s = r.startup {
            table.add([
                "\(s.command) start-up (\(s.runs) runs)", "", String(format: "%.1f ms median", s.medianMilliseconds),
                String(format: "%.1f–%.1f ms", s.minMilliseconds, s.maxMilliseconds), "",
            ])
        }
        out += table.render() + "\n"

        if let b = r.breakdown {
            out += "\nReplay's parts, one at a time on \(Figures.grouped(b.lines)) lines (\(Figures.bytes(b.bytes))):\n"
            var parts = TextTable(["part", "time", "µs/line", "MB/s"], right: [1, 2, 3])
            func part(_ name: String, _ s: Double) {
                parts.add([
                    name, Figures.seconds(s), String(format: "%.2f", s / Double(max(1, b.lines)) * 1e6),
                    Figures.rate(Double(b.bytes) / 1_048_576 / max(s, 1e-9)),
                ])
            }
            part("read files, find lines", b.read)
            part("SHA-256 + hex of every line", b.hash)
            part("JSONParser.parse (full parser, nodes with positions)", b.parse)
            part("JSONNode → JSONValue", b.toValue)
            part("JournalEvent.parse(String) (full parser + value + checks)", b.eventParseFull)
            part("JournalEvent.parse(utf8:) (fast reader + checks; replay's)", b.eventParse)
            part("JournalStore.read (read + SHA-256 + parse(utf8:))", b.storeRead)
            part("fold into CampaignState", b.fold)
            part("JSONSerialization (the floor's parse)", b.serialization)
            out += parts.render() + "\n"
        }

        out += "\nGoals:\n"
        var goals = TextTable(["goal", "measured", "met"], right: [])
        for goal in r.goals {
            goals.add([goal.goal, goal.measured, goal.met.map { $0 ? "yes" : "NO" } ?? "—"])
        }
        out += goals.render() + "\n"
        return out
    }

    static func json(_ r: BenchResults) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(r)
    }
}
