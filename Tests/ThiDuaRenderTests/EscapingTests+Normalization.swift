import Foundation
import Testing
import ThiDuaRender

/// The fast paths of the renderers against Foundation, the reference they replace.
extension EscapingTests {
    /// Every scalar `Escaping.nfc` passes through untouched.
    static var fastPathScalars: [Unicode.Scalar] {
        (Array(0..<0x0300) + Array(0x1E00...0x1EFF) + Array(0x2010...0x2027)).compactMap { Unicode.Scalar(UInt32($0)) }
    }

    @Test("every scalar nfc passes through is NFC alone and never combines with the one before it")
    func nfcFastPathIsSound() {
        for scalar in Self.fastPathScalars {
            let alone = String(scalar)
            #expect(alone.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(alone.unicodeScalars), "U+\(String(scalar.value, radix: 16))")
            #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test("nfc gives Foundation's NFC for Vietnamese text in NFC, in NFD and mixed")
    func nfcMatchesFoundation() {
        let samples = [
            "Ủy ban nhân dân phường Nam Gia Nghĩa", "Nguyễn Thị Lan – “Dân vận khéo”", "ĐẢNG CỘNG SẢN VIỆT NAM", "1.250 hồ sơ; 99,4%",
            "tab\tand\r\nlines", "",
        ]
        for text in samples {
            let decomposed = text.decomposedStringWithCanonicalMapping
            for input in [text, decomposed, text + decomposed, "A\u{030A}", "e\u{0301}\u{0323}"] {
                #expect(Escaping.nfc(input).unicodeScalars.elementsEqual(input.precomposedStringWithCanonicalMapping.unicodeScalars), "\(input)")
            }
        }
    }

    @Test("line feeds are replaced scalar by scalar as Foundation did; a CR LF keeps its CR")
    func lineFeedsMatchFoundation() {
        for text in ["một\nhai", "a\r\nb", "không xuống dòng", "\n\n", "“x”\nđ"] {
            let expected = text.replacingOccurrences(of: "\n", with: "<br>")
            #expect(Escaping.replacingLineFeeds(in: text, with: "<br>").unicodeScalars.elementsEqual(expected.unicodeScalars), "\(text)")
        }
    }
}
