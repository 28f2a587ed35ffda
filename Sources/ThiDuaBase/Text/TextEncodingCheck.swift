/// Recognises text that is not UTF-8, and says how to re-save it.
public enum TextEncodingCheck {
    /// The advice for saving a file as UTF-8 from the tools officials use.
    static let saveAsUTF8 =
        "trong Excel: Tệp → Lưu thành → chọn kiểu «CSV UTF-8 (Comma delimited)»; trong LibreOffice: Lưu thành → đánh dấu «Sửa thiết lập bộ lọc» → Bộ ký tự «Unicode (UTF-8)»; trong Notepad: Mã hóa → UTF-8"

    /// nil when the bytes are UTF-8 (with or without BOM); otherwise a Vietnamese explanation.
    public static func problem(in bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return utf16
        }
        if String(validating: bytes, as: UTF8.self) == nil {
            return
                "tệp không phải UTF-8 (có thể là Windows-1258 hoặc TCVN3/ABC). Hãy lưu lại với mã hóa «UTF-8» (\(saveAsUTF8)); nếu chữ vẫn sai dấu, chuyển sang Unicode bằng Unikey (Công cụ chuyển mã → Unicode) trước"
        }
        return nil
    }

    static let utf16 = "tệp được lưu bằng UTF-16; ThiDua chỉ đọc UTF-8. Hãy mở tệp và lưu lại với mã hóa «UTF-8» (\(saveAsUTF8))"

    /// Whether bytes with NULs look like UTF-16 without a byte-order mark: the NULs fall mostly
    /// on every other byte (the high byte of Latin letters), not here and there.
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(4_096)
        guard sample.count >= 4 else { return false }
        var zeros = [0, 0]
        for (i, b) in sample.enumerated() where b == 0 { zeros[i % 2] += 1 }
        let half = sample.count / 2
        return zeros.max()! * 10 >= half * 3 && zeros.min()! * 10 < zeros.max()!
    }
}
