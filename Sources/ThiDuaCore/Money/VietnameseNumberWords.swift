import ThiDuaBase

/// Whole numbers in Vietnamese words, as amounts are written on a decision ("Bằng chữ: …").
///
/// The conventions: "mười" for ten but "mươi" for the tens from twenty; "mốt" for a final one
/// after "mươi" (21 hai mươi mốt, but 11 mười một); "lăm" for a final five after a ten (15
/// mười lăm, 25 hai mươi lăm, but 105 một trăm linh năm); "bốn", never "tư"; "linh" for an
/// empty tens digit; "không trăm" inside a number (1.050.000 một triệu không trăm năm mươi
/// nghìn); groups named nghìn, triệu, tỷ, then nghìn tỷ, triệu tỷ, tỷ tỷ. Empty groups are not read.
public enum VietnameseNumberWords {
    private static let digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]

    /// The number in lower-case words: 0 → "không", 21 → "hai mươi mốt", -5 → "âm năm".
    public static func words(_ n: Int) -> String {
        if n == 0 { return "không" }
        // The magnitude is unsigned, so Int.min needs no special case.
        let body = words(magnitude: n.magnitude)
        return n < 0 ? "âm " + body : body
    }

    /// The amount as a decision writes it: 710000 → "Bảy trăm mười nghìn đồng".
    public static func amount(_ n: Int) -> String {
        let text = words(n) + " đồng"
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    private static func words(magnitude: UInt) -> String {
        var groups: [Int] = []
        var rest = magnitude
        while rest > 0 {
            groups.append(Int(rest % 1000))
            rest /= 1000
        }
        var parts: [String] = []
        for index in groups.indices.reversed() where groups[index] != 0 {
            let leading = index == groups.count - 1
            parts.append(group(groups[index], full: !leading))
            let name = scale(index)
            if !name.isEmpty { parts.append(name) }
        }
        return parts.joined(separator: " ")
    }

    /// The name of the group at `index` counted from the right: "", nghìn, triệu, tỷ, nghìn tỷ, …
    private static func scale(_ index: Int) -> String {
        let names = ["", "nghìn", "triệu"][index % 3]
        let billions = Array(repeating: "tỷ", count: index / 3)
        return ([names] + billions).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Three digits; `full` reads a zero hundreds digit ("không trăm") and a zero tens digit ("linh").
    private static func group(_ value: Int, full: Bool) -> String {
        let hundreds = value / 100
        let tens = value / 10 % 10
        let units = value % 10
        var out: [String] = []
        let hasHundreds = hundreds > 0 || full
        if hasHundreds { out += [digits[hundreds], "trăm"] }
        switch tens {
        case 0:
            if units > 0 {
                if hasHundreds { out.append("linh") }
                out.append(digits[units])
            }
        case 1:
            out.append("mười")
            if units == 5 {
                out.append("lăm")
            } else if units > 0 {
                out.append(digits[units])
            }
        default:
            out += [digits[tens], "mươi"]
            switch units {
            case 0: break
            case 1: out.append("mốt")
            case 5: out.append("lăm")
            default: out.append(digits[units])
            }
        }
        return out.joined(separator: " ")
    }
}
