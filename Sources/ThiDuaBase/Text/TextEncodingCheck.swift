/// Recognises text that is not UTF-8, and says how to re-save it.
public enum TextEncodingCheck {
    /// nil when the bytes are UTF-8 (with or without BOM); otherwise a Vietnamese explanation.
    public static func problem(in bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return
                "tệp được lưu bằng UTF-16; ThiDua chỉ đọc UTF-8. Hãy mở tệp và lưu lại với mã hóa «UTF-8» (trong Excel: Lưu thành → «CSV UTF-8»; trong Notepad: Mã hóa → UTF-8)"
        }
        if String(validating: bytes, as: UTF8.self) == nil {
            return
                "tệp không phải UTF-8 (có thể là Windows-1258 hoặc TCVN3/ABC). Hãy chuyển sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã → Unicode) rồi lưu lại với mã hóa «UTF-8»"
        }
        return nil
    }
}
