import ThiDuaBase

extension EvidenceKind {
    /// Limits for reading an office file's ZIP directory: the directory is checked whole, and
    /// only the small part that names the document's type is decompressed.
    static let containerLimits = ZipLimits(entries: 5_000, entryBytes: 64 << 20, totalBytes: 256 << 20, ratio: 200, ratioFloor: 1 << 20)
    /// `[Content_Types].xml` or `mimetype` larger than this is not what an office program writes.
    static let typePartLimit = 256 << 10

    /// The kind of `bytes`, found from the content; nil when it is none of the kinds kept.
    ///
    /// PDF: starts with `%PDF-` (ISO 32000-1 §7.5.2). PNG: the 8-byte signature, then an `IHDR`
    /// chunk (RFC 2083 §3.1, §4.1.1). JPEG: `FF D8 FF` (SOI then a marker). DOCX and XLSX: a ZIP
    /// whose `[Content_Types].xml` declares the main part of a Word document or an Excel
    /// workbook (ECMA-376 Part 2; the macro-enabled types are different and not accepted). ODT:
    /// a ZIP whose `mimetype` entry is exactly `application/vnd.oasis.opendocument.text` and
    /// that has `content.xml` (OpenDocument 1.2 Part 3 §3.3).
    public static func detect(_ bytes: [UInt8]) -> EvidenceKind? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.count >= 16, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), Array(bytes[12..<16]) == Array("IHDR".utf8) {
            return .png
        }
        if bytes.count >= 4, bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        guard ZipArchive.looksLikeZip(bytes), let archive = try? ZipArchive(bytes, limits: containerLimits) else { return nil }
        if let mimetype = typePart(archive, "mimetype") {
            return mimetype == Array("application/vnd.oasis.opendocument.text".utf8) && archive.contains("content.xml") ? .odt : nil
        }
        guard let types = typePart(archive, "[Content_Types].xml") else { return nil }
        let text = String(decoding: types, as: UTF8.self)
        // Attribute quotes may be " or ' (XML 1.0 §3.1); the macro-enabled and template types are
        // other strings, never containing these.
        if text.contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml") { return .docx }
        if text.contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml") { return .xlsx }
        return nil
    }

    private static func typePart(_ archive: ZipArchive, _ name: String) -> [UInt8]? {
        guard let entry = archive.entries.first(where: { $0.name == name }), entry.size <= typePartLimit else { return nil }
        return try? archive.data(name)
    }

    /// What the content looks like, for a refusal: "bắt đầu bằng «<html»", "trống"…
    static func describeContent(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "tệp trống (0 byte)" }
        if ZipArchive.looksLikeZip(bytes) { return "một tệp nén ZIP không phải văn bản Word, bảng tính Excel hay văn bản OpenDocument" }
        // Kinds officials often have at hand, named with what to do instead.
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return "một tệp Word hoặc Excel đời cũ (.doc, .xls); hãy mở và lưu lại thành .docx, .xlsx hoặc xuất ra PDF"
        }
        if bytes.count >= 12, Array(bytes[4..<8]) == Array("ftyp".utf8),
            ["heic", "heix", "mif1", "heif"].contains(String(decoding: bytes[8..<12], as: UTF8.self))
        {
            return "một ảnh HEIC (ảnh chụp bằng iPhone); hãy chuyển sang JPEG rồi gửi"
        }
        if bytes.starts(with: Array("MZ".utf8)) || bytes.starts(with: [0x7F, 0x45, 0x4C, 0x46]) { return "một chương trình máy tính" }
        if let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }), first == UInt8(ascii: "<") {
            return "một trang web hoặc tệp XML (nội dung bắt đầu bằng «<»)"
        }
        // Text: its first characters (a UTF-8 sequence cut at the end is dropped, not shown broken).
        for length in stride(from: min(bytes.count, 16), through: max(1, min(bytes.count, 16) - 3), by: -1) {
            if let text = String(validating: bytes[0..<length], as: UTF8.self),
                text.unicodeScalars.allSatisfy({
                    !$0.properties.isNoncharacterCodePoint && $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value)
                })
            {
                return "nội dung bắt đầu bằng «\(text)»"
            }
        }
        let head = bytes.prefix(8)
        return "nội dung bắt đầu bằng các byte "
            + head.map { byte in
                let hex = String(byte, radix: 16, uppercase: true)
                return hex.count == 1 ? "0" + hex : hex
            }.joined(separator: " ")
    }
}
