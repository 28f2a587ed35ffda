import ThiDuaBase

/// A kind of issuing body (UBND, Ủy ban MTTQ, Đảng ủy, Đoàn, Hội…) and the wording its
/// documents take by default: header lines, heading, number style and symbol, signer forms, the
/// body that reviews and decides. Declared in `IssuerKindCatalogue.standard`,
/// `tables/issuer-kinds.json` or a plan's `issuerKinds`. Text may hold «{địa bàn}» / «{ĐỊA BÀN}»
/// (the issuer's `locality`, as written / in capitals) and «{cấp trên}» / «{CẤP TRÊN}» (its
/// `upperLocality`).
///
/// ```json
/// {"id": "dang-uy", "label": "Đảng ủy xã, phường", "name": "Đảng ủy {địa bàn}",
///  "upperLine": "ĐẢNG BỘ {CẤP TRÊN}", "headerLines": ["ĐẢNG ỦY {ĐỊA BÀN}"], "mark": "*",
///  "heading": ["ĐẢNG CỘNG SẢN VIỆT NAM"], "numbering": "party", "symbol": "ĐU",
///  "signer": {"authority": "T/M ĐẢNG ỦY", "title": "BÍ THƯ"}}
/// ```
public struct IssuerKind: Codable, Sendable, Hashable {
    /// The keyword, kebab-case ASCII: "dang-uy".
    public var id: String
    /// "Đảng ủy xã, phường", for lists and messages.
    public var label: String
    /// Other spellings accepted for `issuer.kind` ("đảng ủy", "ĐU").
    public var aliases: [String]?
    /// The level recorded for the issuer; `xa` when absent.
    public var level: AuthorityLevel?
    /// The name in running text: "Ủy ban nhân dân {địa bàn}".
    public var name: String
    /// The body above, printed over the issuer lines in capitals, not bold: "ĐẢNG BỘ {CẤP TRÊN}".
    public var upperLine: String?
    /// The issuer block, in capitals: ["ỦY BAN NHÂN DÂN", "{ĐỊA BÀN}"].
    public var headerLines: [String]
    /// The right-hand heading instead of the Quốc hiệu and Tiêu ngữ: ["ĐẢNG CỘNG SẢN VIỆT NAM"].
    public var heading: [String]?
    /// The mark under the issuer block instead of the short rule: "*", "***".
    public var mark: String?
    /// How numbers are written; `state` when absent.
    public var numbering: DocumentNumberStyle?
    /// The issuer's part of a symbol: "UBND", "MTTQ-BTT", "ĐU", "ĐTN".
    public var symbol: String
    /// The signature block of the plan and the documents signed for the body.
    public var signer: SignerForm
    /// A deputy's signature block ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"), for the record and `thidua new`.
    public var deputySigner: SignerForm?
    /// Default reviewing body, upward addressee, decision maker and executors; a plan's
    /// `awarding` keys win one by one.
    public var awarding: AwardingBodies?
    /// Where the wording comes from (a regulation, a real document), for the record.
    public var sources: [String]?

    public init(
        id: String, label: String, aliases: [String]? = nil, level: AuthorityLevel? = nil, name: String, upperLine: String? = nil,
        headerLines: [String], heading: [String]? = nil, mark: String? = nil, numbering: DocumentNumberStyle? = nil, symbol: String,
        signer: SignerForm, deputySigner: SignerForm? = nil, awarding: AwardingBodies? = nil,
        sources: [String]? = nil
    ) {
        self.id = id
        self.label = label
        self.aliases = aliases
        self.level = level
        self.name = name
        self.upperLine = upperLine
        self.headerLines = headerLines
        self.heading = heading
        self.mark = mark
        self.numbering = numbering
        self.symbol = symbol
        self.signer = signer
        self.deputySigner = deputySigner
        self.awarding = awarding
        self.sources = sources
    }
}

/// A signature block without the name: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH".
public struct SignerForm: Codable, Sendable, Hashable {
    /// "TM. ỦY BAN NHÂN DÂN", "T/M ĐẢNG ỦY"; nil when the head signs in their own name.
    public var authority: String?
    /// "CHỦ TỊCH", "BÍ THƯ".
    public var title: String

    public init(authority: String? = nil, title: String) {
        self.authority = authority
        self.title = title
    }
}

/// The shape of `tables/issuer-kinds.json`.
struct IssuerKindsFile: Codable, Sendable {
    var issuerKinds: [IssuerKind]
}
