import Foundation
import ThiDuaBase

/// An exact share such as 2/3 or 70/100, so thresholds are met exactly, never by rounding.
///
/// In a campaign file: `"2/3"`, or a percent `70` / `"70%"`.
public struct Fraction: Hashable, Sendable, Codable, CustomStringConvertible {
    public var numerator: Int
    public var denominator: Int

    public init(_ numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Reads "2/3", "70%", "70"; nil unless it is a share from 0 to 1.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let slash = t.firstIndex(of: "/") {
            guard let n = Int(t[..<slash].trimmingCharacters(in: .whitespaces)),
                let d = Int(t[t.index(after: slash)...].trimmingCharacters(in: .whitespaces)), d > 0, n >= 0, n <= d
            else { return nil }
            self.init(n, d)
        } else {
            let digits = t.hasSuffix("%") ? String(t.dropLast()) : t
            guard let percent = Double(digits.replacingOccurrences(of: ",", with: ".")) else { return nil }
            self.init(percent: percent)
        }
    }

    /// A percent with at most two decimals, 0 to 100.
    public init?(percent: Double) {
        guard percent.isFinite, percent >= 0, percent <= 100 else { return nil }
        let hundredths = (percent * 100).rounded()
        self.init(Int(hundredths), 10_000)
    }

    /// Whether `part` of `whole` reaches this share: part/whole ≥ n/d, in integers.
    public func isReached(by part: Int, of whole: Int) -> Bool {
        guard whole > 0 else { return false }
        let (left, o1) = part.multipliedReportingOverflow(by: denominator)
        let (right, o2) = whole.multipliedReportingOverflow(by: numerator)
        if o1 || o2 { return Double(part) / Double(whole) >= Double(numerator) / Double(denominator) }
        return left >= right
    }

    /// The smallest part of `whole` that reaches the share.
    public func minimum(of whole: Int) -> Int {
        guard whole > 0, denominator > 0 else { return 0 }
        return (whole * numerator + denominator - 1) / denominator
    }

    /// "2/3" or "70%".
    public var description: String {
        if denominator == 10_000 { return Numbers.vietnamese(Double(numerator) / 100) + "%" }
        if denominator == 100 { return "\(numerator)%" }
        return "\(numerator)/\(denominator)"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let number = try? c.decode(Double.self) {
            guard let f = Fraction(percent: number) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "tỷ lệ \(number) ngoài khoảng 0–100%")
            }
            self = f
            return
        }
        let text = try c.decode(String.self)
        guard let f = Fraction(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: c, debugDescription: "«\(text)» không phải tỷ lệ; viết như \"2/3\" hoặc \"70%\"")
        }
        self = f
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description.replacingOccurrences(of: ",", with: "."))
    }
}

/// How the council votes on an award kind: who must be present, who must agree, and how.
public struct CouncilRule: Hashable, Sendable, Codable {
    /// Share of all members who must be present (default 2/3).
    public var quorum: Fraction
    /// Share of the present members, less those abstaining for a conflict of interest, who
    /// must agree (default 70%).
    public var approval: Fraction
    /// Secret ballot (counted from a tally sheet) rather than open.
    public var secret: Bool

    /// The defaults practice gives for ordinary titles (domain.md: ≥ 2/3 present, ≥ 70% agree).
    public static let standard = CouncilRule(quorum: Fraction(2, 3), approval: Fraction(70, 100), secret: false)

    public init(quorum: Fraction, approval: Fraction, secret: Bool) {
        self.quorum = quorum
        self.approval = approval
        self.secret = secret
    }

    enum CodingKeys: String, CodingKey { case quorum, approval, secret }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        quorum = try c.decodeIfPresent(Fraction.self, forKey: .quorum) ?? Self.standard.quorum
        approval = try c.decodeIfPresent(Fraction.self, forKey: .approval) ?? Self.standard.approval
        secret = try c.decodeIfPresent(Bool.self, forKey: .secret) ?? false
    }
}
