import Foundation
import Testing
import ThiDuaCore
import ThiDuaTestSupport

@testable import ThiDuaRender

@Suite("ZIP writer")
struct ZipTests {
    @Test("CRC-32 matches the published check values")
    func crcVectors() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        var pieces = CRC32()
        pieces.update(Array("12345".utf8))
        pieces.update(Array("6789".utf8))
        #expect(pieces.value == 0xCBF4_3926)
    }

    static func sample() throws -> [UInt8] {
        var zip = ZipWriter()
        try zip.add("mimetype", Array("text/plain".utf8))
        try zip.add("tài liệu/Kế hoạch số 04.txt", Array("Độc lập - Tự do - Hạnh phúc\n".utf8))
        try zip.add("empty.txt", [])
        return try zip.finish()
    }

    @Test("the central directory reads back: names, UTF-8 flag, stored, fixed time, CRC")
    func readBack() throws {
        let entries = try ZipReader.entries(Self.sample())
        #expect(entries.map(\.name) == ["mimetype", "tài liệu/Kế hoạch số 04.txt", "empty.txt"])
        #expect(entries.allSatisfy { $0.flags & 0x0800 != 0 && $0.method == 0 })
        #expect(entries.allSatisfy { $0.dosTime == 0 && $0.dosDate == 0x21 })
        #expect(String(decoding: entries[1].data, as: UTF8.self) == "Độc lập - Tự do - Hạnh phúc\n")
        #expect(entries[2].data.isEmpty)
    }

    @Test("the same entries give the same bytes")
    func reproducible() throws {
        #expect(try Self.sample() == Self.sample())
    }

    @Test("an empty archive is just the end record")
    func empty() throws {
        let bytes = try ZipWriter().finish()
        #expect(bytes.count == 22)
        #expect(try ZipReader.entries(bytes).isEmpty)
    }

    @Test("bad or repeated names are refused")
    func names() throws {
        var zip = ZipWriter()
        try zip.add("a.txt", [1])
        #expect(throws: ZipError.duplicateName("a.txt")) { try zip.add("a.txt", [2]) }
        for bad in ["", "/etc/passwd", "a\\b", "../x", "a/./b", "a//b"] {
            #expect(throws: ZipError.invalidName(bad)) { try zip.add(bad, []) }
        }
        #expect(throws: ZipError.nameTooLong(String(repeating: "a", count: 70_000))) {
            try zip.add(String(repeating: "a", count: 70_000), [])
        }
        #expect(zip.count == 1)
    }

    @Test("sizes past the ZIP32 limits are errors, not traps")
    func limits() throws {
        var small = ZipWriter(sizeLimit: 150, entryLimit: 3)
        #expect(throws: ZipError.entryTooLarge(name: "big", size: 150)) { try small.add("big", Array(repeating: 0, count: 150)) }
        try small.add("a", Array(repeating: 0, count: 40))  // local header 30 + name 1 + data 40 = 71
        #expect(throws: ZipError.archiveTooLarge(size: 71 + 31 + 80)) { try small.add("b", Array(repeating: 0, count: 80)) }
        try small.add("c", [])
        #expect(throws: ZipError.tooManyEntries(3)) { try small.add("d", []) }
        // 102 bytes of entries, two central headers of 46 + 1, the end record of 22.
        #expect(throws: ZipError.archiveTooLarge(size: 102 + 2 * 47 + 22)) { try small.finish() }
        #expect(ZipError.entryTooLarge(name: "x", size: 5).description.contains("4 GB"))
    }

    @Test("unzip -t finds no errors", .enabled(if: ExternalTool.availableOrRequired("unzip"), "unzip is not installed"))
    func unzipTest() throws {
        let unzip = try ExternalTool.require("unzip")
        let folder = try ExternalTool.temporaryFolder("zip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("sample.zip")
        try Data(Self.sample()).write(to: file)
        let result = try ExternalTool.run(unzip, ["-t", file.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("No errors detected"))
    }
}

/// Reads a stored-only ZIP the way an unzipper does: from the end record through the central
/// directory to each local header, checking every CRC.
enum ZipReader {
    struct Entry {
        var name: String
        var flags: UInt16
        var method: UInt16
        var dosTime: UInt16
        var dosDate: UInt16
        var data: [UInt8]
    }

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func entries(_ bytes: [UInt8]) throws -> [Entry] {
        func u16(_ at: Int) throws -> UInt16 {
            guard at >= 0, at + 2 <= bytes.count else { throw Malformed(description: "read past the end at \(at)") }
            return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
        }
        func u32(_ at: Int) throws -> UInt32 { UInt32(try u16(at)) | UInt32(try u16(at + 2)) << 16 }
        guard let end = stride(from: bytes.count - 22, through: 0, by: -1).first(where: { (try? u32($0)) == 0x0605_4B50 }) else {
            throw Malformed(description: "no end of central directory record")
        }
        let count = Int(try u16(end + 10))
        guard try u16(end + 8) == count else { throw Malformed(description: "entry counts differ") }
        let directorySize = Int(try u32(end + 12))
        var offset = Int(try u32(end + 16))
        guard offset + directorySize == end else { throw Malformed(description: "central directory does not end at the end record") }
        var entries: [Entry] = []
        for _ in 0..<count {
            guard try u32(offset) == 0x0201_4B50 else { throw Malformed(description: "bad central header at \(offset)") }
            let flags = try u16(offset + 8)
            let method = try u16(offset + 10)
            let time = try u16(offset + 12)
            let date = try u16(offset + 14)
            let crc = try u32(offset + 16)
            let size = Int(try u32(offset + 20))
            guard Int(try u32(offset + 24)) == size else { throw Malformed(description: "stored sizes differ") }
            let nameLength = Int(try u16(offset + 28))
            let extra = Int(try u16(offset + 30))
            let comment = Int(try u16(offset + 32))
            let local = Int(try u32(offset + 42))
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            guard try u32(local) == 0x0403_4B50, try u32(local + 14) == crc, try u16(local + 26) == nameLength else {
                throw Malformed(description: "local header of \(name) does not match the central directory")
            }
            let start = local + 30 + nameLength + Int(try u16(local + 28))
            guard start + size <= bytes.count else { throw Malformed(description: "\(name) runs past the end") }
            let data = Array(bytes[start..<(start + size)])
            guard CRC32.checksum(data) == crc else { throw Malformed(description: "CRC of \(name) does not match") }
            entries.append(Entry(name: name, flags: flags, method: method, dosTime: time, dosDate: date, data: data))
            offset += 46 + nameLength + extra + comment
        }
        return entries
    }
}
