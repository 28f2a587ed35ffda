import Foundation
import Testing

@testable import ThiDuaCore

/// The DEFLATE decoder against streams written by Python's zlib (make-fixtures.py): stored,
/// fixed and dynamic blocks, every strategy, levels 1 and 9.
@Suite struct InflateTests {
    static let folder = CoreFixtures.fixtures.appendingPathComponent("spreadsheet")

    struct Stream: Decodable {
        var deflate: String
        var sha256: String
        var size: Int
    }

    static func streams() throws -> [String: Stream] {
        let data = try Data(contentsOf: folder.appendingPathComponent("deflate-streams.json"))
        return try JSONDecoder().decode([String: Stream].self, from: data)
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test func zlibStreamsInflateToTheirSource() throws {
        let streams = try Self.streams()
        #expect(streams.count == 35)
        for (name, stream) in streams.sorted(by: { $0.key < $1.key }) {
            let input = try #require(Data(base64Encoded: stream.deflate).map(Array.init), "\(name)")
            let output = try Inflate.inflate(input, limit: stream.size)
            #expect(output.count == stream.size, "\(name)")
            #expect(Self.hex(SHA256.hash(output)) == stream.sha256, "\(name)")
        }
    }

    @Test func outputPastTheLimitIsRefused() throws {
        let stream = try #require(try Self.streams()["run-l9"])
        let input = try #require(Data(base64Encoded: stream.deflate).map(Array.init))
        #expect(throws: InflateError.outputTooLarge(limit: 1000)) { try Inflate.inflate(input, limit: 1000) }
    }

    @Test func storedBlocksOfEveryLength() throws {
        // Two stored blocks, the first not final: "abc" then "de".
        let input: [UInt8] = [0x00, 3, 0, 0xFC, 0xFF, 0x61, 0x62, 0x63, 0x01, 2, 0, 0xFD, 0xFF, 0x64, 0x65]
        #expect(try Inflate.inflate(input, limit: 10) == Array("abcde".utf8))
        #expect(throws: InflateError.storedLengthMismatch) { try Inflate.inflate([0x01, 3, 0, 0, 0, 1, 2, 3], limit: 10) }
        #expect(throws: InflateError.truncated) { try Inflate.inflate([0x01, 3, 0, 0xFC, 0xFF, 0x61], limit: 10) }
    }

    @Test func brokenStreamsAreRefused() {
        #expect(throws: InflateError.reservedBlockType) { try Inflate.inflate([0x07], limit: 10) }
        #expect(throws: InflateError.truncated) { try Inflate.inflate([], limit: 10) }
        // Fixed block: a length/distance pair before any byte was written.
        #expect(throws: InflateError.distanceTooFar) { try Inflate.inflate([0x03, 0x02, 0x00], limit: 10) }
        // Dynamic block header claiming 30 literal codes past 286.
        #expect(throws: InflateError.badCodeLengths) { try Inflate.inflate([0x05, 0xFF, 0xFF], limit: 10) }
    }

    @Test func randomBytesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let count = Int.random(in: 0..<64, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            // Random bytes either fail with an error or inflate to no more than the limit.
            if let out = try? Inflate.inflate(bytes, limit: 1 << 16) { #expect(out.count <= 1 << 16) }
        }
    }
}
