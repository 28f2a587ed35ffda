import ThiDuaBase

/// "Số: 04/KH-UBND": the number (blank in a draft) and the symbol, written in the issuer's style.
public struct DocumentNumber: Hashable, Sendable, Codable {
    /// The number, or nil while the document is a draft ("Số:    /KH-UBND").
    public var number: String?
    /// The symbol: type abbreviation and issuer, "KH-UBND" ("KH/ĐU" for the Party).
    public var symbol: String
    /// How the number and symbol are joined; the state's unless the issuer kind says otherwise.
    public var style: DocumentNumberStyle

    public init(number: String? = nil, symbol: String, style: DocumentNumberStyle = .state) {
        self.number = number
        self.symbol = symbol
        self.style = style
    }

    enum CodingKeys: String, CodingKey { case number, symbol, style }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decodeIfPresent(String.self, forKey: .number)
        // An issuer kind supplies the symbol when the file leaves it out (filled in on loading).
        symbol = try c.decodeIfPresent(String.self, forKey: .symbol) ?? ""
        style = try c.decodeIfPresent(DocumentNumberStyle.self, forKey: .style) ?? .state
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(number, forKey: .number)
        try c.encode(symbol, forKey: .symbol)
        if style != .state { try c.encode(style, forKey: .style) }
    }

    /// The printed form: "Số: 04/KH-UBND", or "Số:      /KH-UBND" in a draft; "Số 25-KH/ĐU".
    public var printed: String { style.printed(number: number, symbol: symbol) }

    /// The issuer's part of the symbol: "UBND", "MTTQ-BTT", "ĐU".
    public var issuerPart: String { style.issuerPart(of: symbol) }

    /// Another document of the same issuer and style: "BC" → "BC-UBND", "BC/ĐU".
    public func symbol(forType type: String) -> String {
        let issuer = issuerPart
        return style.symbol(type: type, issuer: issuer.isEmpty ? "UBND" : issuer)
    }
}
