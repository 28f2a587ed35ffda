import ThiDuaBase

/// "Số: 04/KH-UBND": the number (blank in a draft) and the symbol.
public struct DocumentNumber: Hashable, Sendable, Codable {
    /// The number, or nil while the document is a draft ("Số:    /KH-UBND").
    public var number: String?
    /// The symbol: type abbreviation and issuer, "KH-UBND".
    public var symbol: String

    public init(number: String? = nil, symbol: String) {
        self.number = number
        self.symbol = symbol
    }

    /// The printed form: "Số: 04/KH-UBND", or "Số:      /KH-UBND" in a draft.
    public var printed: String {
        "Số: \(number ?? "     ")/\(symbol)"
    }
}
