import Foundation
import ThiDuaCore

// thidua-bench: benchmarks and stress modes that run outside the test process.
//
//   thidua-bench journal-writer <journal> <count> <tag>
//     appends <count> events one by one, printing "ok <tag> <n> <seq>" after each append has
//     been fsynced: the crash tests kill this process and check every acknowledged event.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
    exit(64)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first else { fail("usage: thidua-bench journal-writer <journal> <count> <tag>") }

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
            let result = try store.append([JournalStore.Draft(kind: "stress", actor: "writer \(tag)", date: day, payload: payload)], time: "2026-11-22T00:00:00Z")
            FileHandle.standardOutput.write(Data("ok \(tag) \(n) \(result.events[0].seq)\n".utf8))
        } catch {
            fail(error.rendered)
        }
    }
default:
    fail("unknown mode '\(mode)'")
}
