import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaWeb

@Suite struct CryptoTests {
    static func hex(_ bytes: [UInt8]) -> String { SHA256.hex(bytes) }
    static func bytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            out.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return out
    }

    /// RFC 4231 §4.2–4.8 (test case 5, a truncated output, does not apply).
    @Test func hmacMatchesRFC4231() {
        let cases: [([UInt8], [UInt8], String)] = [
            ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            ([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
            (Array(1...25), [UInt8](repeating: 0xcd, count: 50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
            (
                [UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
            ),
            (
                [UInt8](repeating: 0xaa, count: 131),
                Array(
                    "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."
                        .utf8), "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
            ),
        ]
        for (key, data, expected) in cases {
            #expect(Self.hex(HMACSHA256.code(key: key, message: data)) == expected)
        }
    }

    /// RFC 7914 §11, the two PBKDF2-HMAC-SHA256 vectors.
    @Test func pbkdf2MatchesRFC7914() {
        #expect(
            Self.hex(PBKDF2.sha256(password: Array("passwd".utf8), salt: Array("salt".utf8), iterations: 1, length: 64))
                == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")
        #expect(
            Self.hex(PBKDF2.sha256(password: Array("Password".utf8), salt: Array("NaCl".utf8), iterations: 80000, length: 64))
                == "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d")
    }

    /// The same inputs through Python's hashlib.pbkdf2_hmac (OpenSSL): long keys, Vietnamese text, odd lengths.
    @Test func pbkdf2MatchesPythonHashlib() throws {
        let cases: [(String, [UInt8], Int, Int)] = [
            ("mật khẩu", Array("muối-16-byte-abc".utf8), 2, 32),
            ("Nguyễn Văn A 123", [0, 1, 2, 255, 254, 128], 1000, 20),
            (String(repeating: "k", count: 100), Array(repeating: 7, count: 16), 4096, 33),
            ("", [1, 2, 3, 4, 5, 6, 7, 8], 3, 64),
        ]
        for (password, salt, iterations, length) in cases {
            let script =
                "import hashlib,sys; print(hashlib.pbkdf2_hmac('sha256', bytes.fromhex(sys.argv[1]), bytes.fromhex(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])).hex())"
            let expected = try python(
                ["-c", script, Self.hex(Array(password.precomposedStringWithCanonicalMapping.utf8)), Self.hex(salt), String(iterations), String(length)])
            #expect(Self.hex(PBKDF2.sha256(password: Array(password.utf8), salt: salt, iterations: iterations, length: length)) == expected)
        }
    }

    @Test func storedPasswordRoundTripsAndNormalises() throws {
        let composed = "Nguyễn mật khẩu"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        let hash = PasswordHash(password: decomposed, iterations: 10)
        #expect(hash.salt.count == 16)
        #expect(hash.encoded.hasPrefix("pbkdf2-sha256$10$"))
        let parsed = try #require(PasswordHash(encoded: hash.encoded))
        #expect(parsed == hash)
        #expect(parsed.verify(composed))
        #expect(!parsed.verify("Nguyen mat khau"))
        #expect(PasswordHash(encoded: "pbkdf2-sha256$99999999999$AAAAAAAAAAA$AAAA") == nil)
        #expect(PasswordHash(encoded: "md5$1$x$y") == nil)
        // Two hashes of one password differ by their salt.
        #expect(PasswordHash(password: composed, iterations: 10).hash != hash.hash)
    }

    @Test func constantTimeEquals() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(!ConstantTime.equals("", "a"))
    }

    @Test func base64URLAgreesWithPython() throws {
        for count in [0, 1, 2, 3, 16, 31, 32] {
            let bytes = SecureRandom.bytes(count)
            #expect(bytes.count == count)
            let expected = try python([
                "-c", "import base64,sys; print(base64.urlsafe_b64encode(bytes.fromhex(sys.argv[1])).decode().rstrip('='))", Self.hex(bytes),
            ])
            #expect(Base64URL.encode(bytes) == expected)
            #expect(Base64URL.decode(expected) == bytes)
        }
        #expect(Base64URL.decode("a+b/") == nil)
        #expect(SecureRandom.token().count == 43)
    }
}

/// Runs python3 and returns its trimmed standard output.
func python(_ arguments: [String], input: String? = nil) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let out = Pipe()
    let errors = Pipe()
    process.standardOutput = out
    process.standardError = errors
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let outText = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0 else { throw PythonFailure(message: outText + errorText) }
    return outText.trimmingCharacters(in: .whitespacesAndNewlines)
}

struct PythonFailure: Error {
    var message: String
}
