import ThiDuaBase

/// How an issuer writes a document's number and symbol. The state and the Front write
/// "Số: 04/KH-UBND" (Nghị định 30/2020/NĐ-CP; Hướng dẫn 91/HD-MTTW-BTT); the Party writes
/// "Số 25-KH/ĐU" (Hướng dẫn 36-HD/VPTW); the Đoàn writes "Số: 12-KH/ĐTN" (Hướng dẫn
/// 29-HD/TWĐTN-VP).
public enum DocumentNumberStyle: String, Codable, Sendable, CaseIterable, KeywordEnum {
    /// "Số: 04/KH-UBND": number, "/", type abbreviation, "-", issuer.
    case state
    /// "Số 25-KH/ĐU": no colon; number, "-", type abbreviation, "/", issuer.
    case party
    /// "Số: 12-KH/ĐTN": the Party's order with the state's colon.
    case youthUnion = "youth-union"

    /// The symbol of a document of this type from this issuer: "KH-UBND", "KH/ĐU".
    public func symbol(type: String, issuer: String) -> String {
        guard !type.isEmpty else { return issuer }
        return self == .state ? "\(type)-\(issuer)" : "\(type)/\(issuer)"
    }

    /// The printed line: "Số: 04/KH-UBND", "Số 25-KH/ĐU"; a draft leaves the number blank.
    public func printed(number: String?, symbol: String) -> String {
        let shown = number ?? "     "
        switch self {
        case .state: return "Số: \(shown)/\(symbol)"
        case .party: return "Số \(shown)-\(symbol)"
        case .youthUnion: return "Số: \(shown)-\(symbol)"
        }
    }

    /// The issuer's part of a symbol written in this style: "KH-MTTQ-BTT" → "MTTQ-BTT",
    /// "KH/ĐU" → "ĐU".
    public func issuerPart(of symbol: String) -> String {
        if self == .state { return symbol.split(separator: "-").dropFirst().joined(separator: "-") }
        guard let slash = symbol.firstIndex(of: "/") else { return "" }
        return String(symbol[symbol.index(after: slash)...])
    }
}
