// The scalar scanning of JSONParser: numbers, and strings with their escapes.

extension JSONParser {
    mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ p: inout JSONParser) -> Int {
            var n = 0
            while p.index < p.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.index]) {
                p.index += 1
                n += 1
            }
            return n
        }
        if digits(&self) == 0 { throw error("số không hợp lệ: cần chữ số sau dấu -") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            if digits(&self) == 0 {
                throw error("số không hợp lệ: cần chữ số sau dấu chấm thập phân (JSON dùng dấu chấm, ví dụ 98.5)")
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            if digits(&self) == 0 { throw error("số không hợp lệ: cần chữ số sau số mũ") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "%") {
            // "98%" typed by hand: say what JSON wants instead of a bare syntax error.
            throw error("số không được kèm dấu %; viết 98 thay cho 98%")
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1
        // Most strings have no escape: take the bytes up to the closing quote as they are. A
        // backslash, a control character or the end of the input goes the long way below, from
        // the start of the string, so every error is the same as before.
        var end = index
        var ascii = true
        while end < bytes.count {
            let b = bytes[end]
            if b == UInt8(ascii: "\"") {
                let start = index
                index = end + 1
                // ASCII is valid UTF-8 as it stands; only other text needs the (slower) validation.
                if ascii { return String(decoding: bytes[start..<end], as: UTF8.self) }
                guard let s = String(validating: bytes[start..<end], as: UTF8.self) else {
                    throw error("chuỗi không phải UTF-8 hợp lệ; hãy lưu tệp dưới dạng UTF-8")
                }
                return s
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { break }
            if b >= 0x80 { ascii = false }
            end += 1
        }
        var out: [UInt8] = []
        while true {
            guard index < bytes.count else { throw error("chuỗi chưa được đóng bằng dấu \"") }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                break
            }
            if b == 0x0A || b < 0x20 {
                throw error("chuỗi chứa ký tự điều khiển hoặc xuống dòng; dùng \\n để xuống dòng trong chuỗi")
            }
            if b == UInt8(ascii: "\\") {
                index += 1
                guard index < bytes.count else { throw error("chuỗi kết thúc sau dấu \\") }
                let e = bytes[index]
                index += 1
                if let byte = JSONEscapes.single(e) {
                    out.append(byte)
                    continue
                }
                switch e {
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw error("\\u\(String(scalar, radix: 16)) là nửa đầu cặp thay thế nhưng thiếu nửa sau")
                        }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("cặp thay thế \\u không hợp lệ") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else {
                        throw error("\\u\(String(scalar, radix: 16)) không phải ký tự Unicode hợp lệ")
                    }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default:
                    throw error("chuỗi có ký tự thoát \\\(String(UnicodeScalar(e))) không hợp lệ; dùng \\\\ cho dấu gạch ngược")
                }
                continue
            }
            out.append(b)
            index += 1
        }
        guard let s = String(validating: out, as: UTF8.self) else {
            throw error("chuỗi không phải UTF-8 hợp lệ; hãy lưu tệp dưới dạng UTF-8")
        }
        return s
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("\\u cần 4 chữ số hex") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[index]
            guard let d = JSONEscapes.hexValue(c) else { throw error("\\u cần 4 chữ số hex") }
            v = v * 16 + d
            index += 1
        }
        return v
    }
}

/// What both JSON readers (`JSONParser` and the journal's `JSONFastReader`) decode alike.
enum JSONEscapes {
    /// The byte a one-character escape stands for (`\n` → 0x0A, `\"` → 0x22…); nil for `u` and
    /// for a character that is no escape.
    @inline(__always)
    static func single(_ e: UInt8) -> UInt8? {
        switch e {
        case UInt8(ascii: "\""): 0x22
        case UInt8(ascii: "\\"): 0x5C
        case UInt8(ascii: "/"): 0x2F
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }

    /// The value of a hexadecimal digit, or nil.
    @inline(__always)
    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(c - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
