import Foundation

/// Vietnamese number formatting: "98,5", "2.340.000".
public enum Numbers {
    /// A decimal with a comma and no trailing zeros: 98 → "98", 81.5 → "81,5".
    public static func vietnamese(_ value: Double, maxFractionDigits: Int = 2) -> String {
        guard value.isFinite else { return "—" }
        var text = String(format: "%.\(maxFractionDigits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text.replacingOccurrences(of: ".", with: ",")
    }

    /// A whole amount with dots between thousands: 2340000 → "2.340.000".
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// Roman numerals for section numbers ("I.", "IV."), 1 to 39 as documents use them.
    public static func roman(_ value: Int) -> String {
        var n = value
        var out = ""
        for (step, letters) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
            while n >= step {
                out += letters
                n -= step
            }
        }
        return out
    }
}
