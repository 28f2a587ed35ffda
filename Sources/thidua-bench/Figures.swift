import Foundation

/// Number formatting for the printed table (developer-facing, so English conventions).
enum Figures {
    /// "1,234,567".
    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A rate with three significant figures or grouped thousands: "812", "45.3", "1,234,000".
    static func rate(_ x: Double) -> String {
        if x >= 1000 { return grouped(Int(x.rounded())) }
        if x >= 100 { return String(format: "%.0f", x) }
        if x >= 10 { return String(format: "%.1f", x) }
        return String(format: "%.2f", x)
    }

    /// "0.84 s", "12.3 s", "3 min 05 s", or "7.5 ms".
    static func seconds(_ s: Double) -> String {
        if s < 1 { return String(format: "%.1f ms", s * 1000) }
        if s < 100 { return String(format: "%.2f s", s) }
        let whole = Int(s.rounded())
        return "\(whole / 60) min \(String(format: "%02d", whole % 60)) s"
    }

    /// "312 MB", "1.24 GB".
    static func bytes(_ n: Int) -> String {
        let mb = Double(n) / 1_048_576
        if mb >= 1024 { return String(format: "%.2f GB", mb / 1024) }
        if mb >= 10 { return String(format: "%.0f MB", mb) }
        return String(format: "%.1f MB", mb)
    }

    static func median(_ xs: [Double]) -> Double {
        guard !xs.isEmpty else { return 0 }
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}

/// A table with aligned columns: text left, figures right.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Columns aligned right (figures).
    var right: Set<Int>

    init(_ header: [String], right: Set<Int>) {
        self.header = header
        self.right = right
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        let all = [header] + rows
        var widths = Array(repeating: 0, count: header.count)
        for row in all {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return right.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}
