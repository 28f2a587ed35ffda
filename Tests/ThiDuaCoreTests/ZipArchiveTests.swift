import Foundation
import Testing

@testable import ThiDuaCore

/// The ZIP reader against archives written by Python's zipfile, and against bombs and broken
/// or hostile archives, each refused with its own error.
@Suite struct ZipArchiveTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: InflateTests.folder.appendingPathComponent(name)))
    }

    @Test func readsPythonArchive() throws {
        let archive = try ZipArchive(try Self.fixture("python.zip"))
        #expect(archive.entries.map(\.name) == ["stored.txt", "thư mục/văn bản.txt", "noise.bin", "empty.txt"])
        let text = try archive.data("stored.txt")
        #expect(String(decoding: text, as: UTF8.self).hasPrefix("Phong trào thi đua \"Dân vận khéo\""))
        #expect(try archive.data("thư mục/văn bản.txt") == text)
        #expect(try archive.data("noise.bin").count == 1500)
        #expect(try archive.data("empty.txt").isEmpty)
        #expect(throws: ZipReadError.missingEntry("khác.txt")) { try archive.data("khác.txt") }
    }

    @Test func bombIsRefusedByRatioAndSize() throws {
        let bytes = try Self.fixture("bomb.zip")
        #expect(throws: ZipReadError.self) { try ZipArchive(bytes) }
        do {
            _ = try ZipArchive(bytes)
        } catch {
            guard case .ratioTooHigh(let name, let ratio, 200) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(name == "xl/worksheets/sheet1.xml")
            #expect(ratio > 900)
            #expect(error.description.contains("bom ZIP"))
        }
        let small = ZipLimits(entries: 10, entryBytes: 1 << 20, totalBytes: 1 << 30, ratio: 5000, ratioFloor: 0)
        #expect(throws: ZipReadError.entryTooLarge(name: "xl/worksheets/sheet1.xml", size: 4 << 20, limit: 1 << 20)) {
            try ZipArchive(bytes, limits: small)
        }
        let total = ZipLimits(entries: 10, entryBytes: 8 << 20, totalBytes: 1 << 20, ratio: 5000, ratioFloor: 0)
        #expect(throws: ZipReadError.totalTooLarge(size: 4 << 20, limit: 1 << 20)) { try ZipArchive(bytes, limits: total) }
    }

    @Test func declaredSizeThatLiesStopsTheInflate() throws {
        var bytes = try Self.fixture("bomb.zip")
        // Patch the central directory's uncompressed size to 1,000 bytes: the inflate stops there.
        let directory = try #require(Self.find([0x50, 0x4B, 0x01, 0x02], in: bytes))
        bytes.replaceSubrange((directory + 24)..<(directory + 28), with: [0xE8, 0x03, 0, 0])
        let archive = try ZipArchive(bytes)
        #expect(throws: ZipReadError.sizeMismatch(name: "xl/worksheets/sheet1.xml", declared: 1000, actual: 1001)) {
            try archive.data("xl/worksheets/sheet1.xml")
        }
    }

    @Test func damagedChecksumIsRefused() throws {
        var bytes = try Self.fixture("python.zip")
        let directory = try #require(Self.find([0x50, 0x4B, 0x01, 0x02], in: bytes))
        bytes[directory + 16] ^= 0xFF
        let archive = try ZipArchive(bytes)
        #expect(throws: ZipReadError.checksumMismatch(name: "stored.txt")) { try archive.data("stored.txt") }
    }

    @Test func unsafeNamesAreRefused() throws {
        #expect(throws: ZipReadError.unsafeName("../../etc/evil.txt")) { try ZipArchive(try Self.fixture("climb.zip")) }
        #expect(throws: ZipReadError.unsafeName("/etc/evil.txt")) { try ZipArchive(try Self.fixture("absolute.zip")) }
        #expect(!ZipArchive.isSafe("C:/Windows/x"))
        #expect(!ZipArchive.isSafe("a\\b"))
        #expect(!ZipArchive.isSafe("a/./b"))
        #expect(ZipArchive.isSafe("xl/worksheets/sheet1.xml"))
    }

    @Test func malformedArchivesAreRefused() throws {
        let bytes = try Self.fixture("python.zip")
        #expect(throws: ZipReadError.notZip) { try ZipArchive(Array("Mã,Tên đơn vị\n".utf8)) }
        #expect(throws: ZipReadError.notZip) { try ZipArchive(Array(bytes.prefix(bytes.count - 10))) }
        #expect(throws: ZipReadError.tooManyEntries(count: 4, limit: 3)) {
            try ZipArchive(bytes, limits: ZipLimits(entries: 3, entryBytes: 1 << 20, totalBytes: 1 << 20, ratio: 200, ratioFloor: 0))
        }
        // The directory offset pointing past the end of the file.
        var moved = bytes
        let end = try #require(Self.find([0x50, 0x4B, 0x05, 0x06], in: moved))
        moved[end + 19] = 0x7F
        #expect(throws: ZipReadError.self) { try ZipArchive(moved) }
        // Every single-byte truncation and corruption is an error or a correct read, never a crash.
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            var broken = bytes
            broken[cut] ^= 0x5A
            if let archive = try? ZipArchive(broken) {
                for entry in archive.entries { _ = try? archive.data(entry.name) }
            }
            _ = try? ZipArchive(Array(bytes.prefix(cut)))
        }
    }

    static func find(_ signature: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= signature.count else { return nil }
        return (0...(bytes.count - signature.count)).first { Array(bytes[$0..<($0 + signature.count)]) == signature }
    }
}
