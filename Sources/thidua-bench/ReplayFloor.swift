import Foundation
import ThiDuaCore

/// The floor replay is measured against, and a manual profile of replay's parts on the same
/// bytes.
enum ReplayFloor {
    /// Reads each journal file whole and parses every line with `JSONSerialization`: the least
    /// any replay must do (no chain, no positions, no state).
    static func floor(_ journals: [URL]) -> (lines: Int, bytes: Int) {
        var lines = 0
        var bytes = 0
        for url in journals {
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            bytes += data.count
            data.withUnsafeBytes { raw in
                let base = raw.bindMemory(to: UInt8.self)
                var start = 0
                for i in 0..<base.count where base[i] == 0x0A {
                    let line = Data(UnsafeBufferPointer(rebasing: base[start..<i]))
                    if (try? JSONSerialization.jsonObject(with: line)) != nil { lines += 1 }
                    start = i + 1
                }
            }
        }
        return (lines, bytes)
    }

    /// Seconds each part of replay takes over the same journals, measured one part at a time.
    struct Breakdown: Codable {
        var lines = 0
        var bytes = 0
        /// Reading the files and finding the lines.
        var read = 0.0
        /// SHA-256 of every line and its hex spelling.
        var hash = 0.0
        /// `JSONParser.parse` of every line (nodes with line and column): the full parser, which
        /// replay uses only for a line the fast reader leaves to it.
        var parse = 0.0
        /// Turning the nodes into plain `JSONValue`s.
        var toValue = 0.0
        /// `JournalEvent.parse(String)`: the full parser, value and field checks together.
        var eventParseFull = 0.0
        /// `JournalEvent.parse(utf8:)`, as replay reads a line: straight from the bytes
        /// (`JSONFastReader`), with the field checks.
        var eventParse = 0.0
        /// `JournalStore.read` as replay calls it: read, chain, events.
        var storeRead = 0.0
        /// Folding the events into `CampaignState`.
        var fold = 0.0
        /// `JSONSerialization` of every line (the floor's parse, without reading).
        var serialization = 0.0
    }

    static func breakdown(_ journals: [URL]) -> Breakdown {
        var b = Breakdown()
        var files: [[UInt8]] = []
        var lineRanges: [[Range<Int>]] = []
        b.read =
            SystemProbes.timed {
                for url in journals {
                    let bytes = FileManager.default.contents(atPath: url.path).map { Array($0) } ?? []
                    var ranges: [Range<Int>] = []
                    var start = 0
                    for i in bytes.indices where bytes[i] == 0x0A {
                        ranges.append(start..<i)
                        start = i + 1
                    }
                    files.append(bytes)
                    lineRanges.append(ranges)
                }
            }.1
        b.lines = lineRanges.reduce(0) { $0 + $1.count }
        b.bytes = files.reduce(0) { $0 + $1.count }
        var sink = 0
        b.hash =
            SystemProbes.timed {
                for (bytes, ranges) in zip(files, lineRanges) {
                    bytes.withUnsafeBytes { raw in
                        for range in ranges {
                            var hasher = SHA256()
                            hasher.update(UnsafeRawBufferPointer(rebasing: raw[range]))
                            sink &+= SHA256.hex(hasher.finalize()).utf8.count
                        }
                    }
                }
            }.1
        var nodes: [JSONNode] = []
        nodes.reserveCapacity(b.lines)
        b.parse =
            SystemProbes.timed {
                for (bytes, ranges) in zip(files, lineRanges) {
                    for range in ranges {
                        if let node = try? JSONParser.parse(Array(bytes[range])) { nodes.append(node) }
                    }
                }
            }.1
        b.toValue =
            SystemProbes.timed {
                for node in nodes { if case .object(let m) = node.value { sink &+= m.count } }
            }.1
        nodes = []
        b.eventParseFull =
            SystemProbes.timed {
                for (bytes, ranges) in zip(files, lineRanges) {
                    for range in ranges {
                        if let event = JournalEvent.parse(String(decoding: bytes[range], as: UTF8.self)).0 { sink &+= event.seq }
                    }
                }
            }.1
        b.eventParse =
            SystemProbes.timed {
                for (bytes, ranges) in zip(files, lineRanges) {
                    bytes.withUnsafeBufferPointer { buffer in
                        for range in ranges {
                            if let event = JournalEvent.parse(utf8: UnsafeBufferPointer(rebasing: buffer[range])).0 { sink &+= event.seq }
                        }
                    }
                }
            }.1
        var events: [[JournalEvent]] = []
        b.storeRead =
            SystemProbes.timed {
                for url in journals {
                    events.append((try? JournalStore(url: url).read().events) ?? [])
                }
            }.1
        b.fold =
            SystemProbes.timed {
                for list in events { sink &+= CampaignState(events: list).lastSeq }
            }.1
        b.serialization =
            SystemProbes.timed {
                for (bytes, ranges) in zip(files, lineRanges) {
                    for range in ranges {
                        if (try? JSONSerialization.jsonObject(with: Data(bytes[range]))) != nil { sink &+= 1 }
                    }
                }
            }.1
        if sink == 42 { Log.info("") }  // keeps the work from being optimised away
        return b
    }
}
