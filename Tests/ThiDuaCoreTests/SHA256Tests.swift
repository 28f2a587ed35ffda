import Foundation
import Testing
import ThiDuaCore

@Suite("SHA-256")
struct SHA256Tests {
    /// SplitMix64: a tiny deterministic generator so the random cases are the same on every run.
    struct SplitMix64 {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }

        mutating func bytes(_ count: Int) -> [UInt8] {
            (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
        }
    }

    @Test(
        "NIST FIPS 180-4 example messages",
        arguments: [
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
            ),
        ])
    func nistVectors(_ message: String, _ expected: String) {
        #expect(SHA256.hexHash(message) == expected)
        #expect(SHA256.hex(SHA256.hash(Array(message.utf8))) == expected)
    }

    @Test("NIST: one million 'a'")
    func millionA() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hex(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000))) == expected)

        // The same message fed in 1000 pieces exercises the pending buffer on a long run.
        var hasher = SHA256()
        let piece = String(repeating: "a", count: 1000)
        for _ in 0..<1000 { hasher.update(piece) }
        #expect(SHA256.hex(hasher.finalize()) == expected)
    }

    /// Lengths either side of where the padding needs a second block; message byte i is (7i + 3) mod 256.
    @Test(
        "padding boundary lengths",
        arguments: [
            (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
            (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
            (57, "35df609437dcfea3279283ab79fd554e2bf78f8f7ae2de532d8ee300b09e8f73"),
            (63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
            (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
            (65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
            (119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"),
            (120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"),
        ])
    func paddingBoundaries(_ length: Int, _ expected: String) {
        let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        #expect(SHA256.hex(SHA256.hash(message)) == expected)
    }

    @Test("incremental updates in odd chunk sizes equal the one-shot hash")
    func incremental() {
        var generator = SplitMix64(state: 42)
        let message = generator.bytes(4099)
        let oneShot = SHA256.hash(message)

        for sizes in [[1], [3, 5, 7], [13, 63, 65], [31, 127, 1], [64], [200, 1, 300]] {
            var hasher = SHA256()
            var offset = 0
            var index = 0
            while offset < message.count {
                let end = min(offset + sizes[index % sizes.count], message.count)
                hasher.update(message[offset..<end])
                offset = end
                index += 1
            }
            #expect(hasher.finalize() == oneShot, "chunk sizes \(sizes)")
        }
    }

    @Test("every update overload agrees")
    func overloads() {
        var generator = SplitMix64(state: 7)
        let message = generator.bytes(1000)
        let expected = SHA256.hash(message)

        var fromData = SHA256()
        fromData.update(Data(message))
        #expect(fromData.finalize() == expected)

        var fromRaw = SHA256()
        message.withUnsafeBytes { fromRaw.update($0) }
        #expect(fromRaw.finalize() == expected)

        // A lazy map has no contiguous storage, so this takes the element-by-element path.
        var fromLazy = SHA256()
        fromLazy.update(message.lazy.map { $0 })
        #expect(fromLazy.finalize() == expected)

        var empty = SHA256()
        empty.update([UInt8]())
        empty.update("")
        #expect(SHA256.hex(empty.finalize()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("finalize leaves the running hash untouched")
    func finalizeIsPure() {
        var hasher = SHA256()
        hasher.update("ab")
        let first = hasher.finalize()
        #expect(hasher.finalize() == first)
        hasher.update("c")
        #expect(SHA256.hex(hasher.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("hex is lowercase, two digits per byte")
    func hexSpelling() {
        #expect(SHA256.hex([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(SHA256.hex([]) == "")
    }

    @Test(
        "matches the system sha256sum",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum")))
    func matchesSystemTool() throws {
        var generator = SplitMix64(state: 0x5448_4944_5541)
        var messages: [[UInt8]] = [[]]
        for _ in 0..<20 {
            messages.append(generator.bytes(Int(generator.next() % 5001)))
        }
        messages.append(Array("Ủy ban nhân dân phường Minh Xuân".utf8))

        for message in messages {
            let expected = try Self.systemDigest(of: message)
            #expect(SHA256.hex(SHA256.hash(message)) == expected, "length \(message.count)")
        }
        #expect(SHA256.hexHash("Ủy ban nhân dân phường Minh Xuân") == "2f63cd485a2229139977b11826d68c612c9973ee37b4d207a75ace45248be49b")
    }

    /// Pipes `bytes` through /usr/bin/sha256sum and returns its hex digest.
    static func systemDigest(of bytes: [UInt8]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // Inputs stay under the pipe buffer size, so writing before reading cannot deadlock.
        try input.fileHandleForWriting.write(contentsOf: Data(bytes))
        try input.fileHandleForWriting.close()
        let data = try output.fileHandleForReading.readToEnd() ?? Data()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        return String(text.prefix(64))
    }
}
