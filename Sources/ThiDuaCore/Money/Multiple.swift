import Foundation
import ThiDuaBase

/// A multiple of the base salary (hệ số), held exactly in thousandths: 0,15 is 150.
///
/// Decrees write multiples with at most two decimals, so thousandths keep every one exact and
/// let amounts be computed in integers. Files write a multiple as a JSON number (`0.15`) or as
/// Vietnamese text (`"0,15"`); either is read from its digits, never through a `Double`.
public struct Multiple: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The multiple times 1.000.
    public let thousandths: Int

    public init(thousandths: Int) {
        self.thousandths = thousandths
    }

    /// Parses `0.15`, `0,15`, `8`, `-1.5`; nil when the text is not a decimal with at most three decimals.
    public init?(parsing text: String) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        let parts = rest.split(separator: rest.contains(",") ? "," : ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty,
            whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber), let wholeValue = Int(whole)
        else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...3).contains(digits.count), digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
                let value = Int(digits)
            else { return nil }
            fraction = value * [1, 100, 10, 1][digits.count]
        }
        let (scaled, overflow) = wholeValue.multipliedReportingOverflow(by: 1000)
        guard !overflow, scaled <= Int.max - fraction else { return nil }
        thousandths = negative ? -(scaled + fraction) : scaled + fraction
    }

    /// Vietnamese form with a decimal comma and at least one decimal: "0,15", "1,0", "3,5".
    public var vietnamese: String {
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = thousandths.magnitude
        var fraction = String(magnitude % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.count > 1 && fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(magnitude / 1000),\(fraction)"
    }

    public var description: String { vietnamese }

    public static func < (lhs: Multiple, rhs: Multiple) -> Bool { lhs.thousandths < rhs.thousandths }

    public init(from decoder: Decoder) throws {
        let wanted = "một hệ số như 0.15 hoặc \"0,15\" (tối đa 3 chữ số thập phân)"
        // The project's decoder hands over the number's text, so 0.15 is read exactly.
        if let node = (decoder as? JSONNodeDecoding)?.currentNode {
            switch node.kind {
            case .number(let text), .string(let text):
                guard let value = Multiple(parsing: text) else {
                    throw DecodingError.dataCorrupted(
                        .init(codingPath: decoder.codingPath, debugDescription: "hệ số «\(text)» không hợp lệ; cần \(wanted)"))
                }
                self = value
            default:
                throw DecodingError.typeMismatch(
                    Multiple.self,
                    .init(codingPath: decoder.codingPath, debugDescription: "thấy \(node.foundDescription) nhưng cần \(wanted)"))
            }
            return
        }
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), let value = Multiple(parsing: text) {
            self = value
            return
        }
        let number = try container.decode(Double.self)
        let scaled = (number * 1000).rounded()
        guard scaled.isFinite, abs(scaled) < 1e15, abs(number * 1000 - scaled) < 1e-6 else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "hệ số \(number) không hợp lệ; cần \(wanted)")
        }
        thousandths = Int(scaled)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Double(thousandths) / 1000)
    }
}
