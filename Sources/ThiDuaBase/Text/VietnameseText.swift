import Foundation

/// Vietnamese text helpers: NFC, name comparison, ids made from names.
///
/// A name typed on one machine in NFD (decomposed) must equal the same name typed in NFC, so
/// every comparison goes through `key(_:)`.
public enum VietnameseText {
    /// The longest slug `slug(_:)` makes.
    public static let maximumSlugLength = 60

    /// An id from a name: "Tổ dân phố 5" → "to-dan-pho-5". Diacritics dropped, đ/Đ → d,
    /// lowercase, anything else than a–z and 0–9 becomes "-", runs collapsed, ends trimmed,
    /// at most 60 characters. Empty when the name has no letter or digit.
    public static func slug(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: break
            }
            var value = scalar.value
            if value == 0x0111 || value == 0x0110 || value == 0x00D0 { value = 0x64 }  // đ, Đ, Ð
            if (0x41...0x5A).contains(value) { value += 0x20 }
            let isAlphanumeric = (0x61...0x7A).contains(value) || (0x30...0x39).contains(value)
            guard isAlphanumeric, let ascii = Unicode.Scalar(value) else {
                pendingDash = true
                continue
            }
            let extra = pendingDash && !out.isEmpty ? 2 : 1
            if out.count + extra > maximumSlugLength { break }
            if extra == 2 { out.append("-") }
            out.append(ascii)
            pendingDash = false
        }
        return String(out)
    }

    /// The text in Unicode NFC (precomposed).
    public static func nfc(_ s: String) -> String {
        isSurelyNFC(s) ? s : s.precomposedStringWithCanonicalMapping
    }

    /// A quick, conservative test: scalars below U+0300 (no combining marks, no NFC
    /// singletons) and the precomposed Vietnamese letters U+1EA0–U+1EF9 never change under
    /// NFC. Anything else goes through Foundation.
    static func isSurelyNFC(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { $0.value < 0x0300 || (0x1EA0...0x1EF9).contains($0.value) }
    }

    /// The form names are compared in: NFC, lowercase, trimmed, runs of spaces made one.
    public static func key(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in nfc(nfc(s).lowercased()).unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }

    /// Whether two names are the same: NFC, case-insensitive, whitespace folded.
    public static func sameName(_ a: String, _ b: String) -> Bool {
        key(a) == key(b)
    }

    /// The candidate nearest to `word`, comparing as typed and then without diacritics (so
    /// "Phong Kinh te" finds "Phòng Kinh tế"), or nil.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        guard !candidates.isEmpty else { return nil }
        let keys = candidates.map(key)
        if let near = DidYouMean.suggestion(for: key(word), among: keys), let index = keys.firstIndex(of: near) {
            return candidates[index]
        }
        let slugs = candidates.map(slug)
        if let near = DidYouMean.suggestion(for: slug(word), among: slugs), let index = slugs.firstIndex(of: near) {
            return candidates[index]
        }
        return nil
    }

    /// «a», «b», «c» — at most `limit` names, then "…".
    package static func quotedList(_ names: [String], limit: Int = 12) -> String {
        let shown = names.prefix(limit).map { "«\($0)»" }.joined(separator: ", ")
        return names.count > limit ? shown + ", … (\(names.count) mục)" : shown
    }
}
