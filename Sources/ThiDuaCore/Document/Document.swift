import ThiDuaBase

/// A document as a tree, in the frame of Nghị định 30/2020/NĐ-CP: header block, type name and
/// summary, body, signatures, recipients. Renderers in ThiDuaRender turn it into HTML,
/// Markdown, DOCX or CSV; nothing here knows about markup.
public struct Document: Hashable, Sendable {
    public var header: DocumentHeader?
    /// "KẾ HOẠCH", "QUYẾT ĐỊNH"; nil for a form or a list.
    public var kindName: String?
    /// The summary lines under the type name.
    public var summary: [String]
    /// "Kính gửi: …" lines.
    public var addressees: [String]
    public var body: [Block]
    /// Signatures, left to right (a biên bản has a chair and a secretary).
    public var signatures: [Signature]
    /// "Nơi nhận:" lines; empty for documents that have none.
    public var recipients: [Recipient]
    /// What follows the signature on a new page: the danh sách "Kèm theo Quyết định số …".
    public var appendix: [Block]
    /// How the pages are laid out: portrait for documents, landscape for certificates and wide forms.
    public var page: PageLayout

    public init(
        header: DocumentHeader? = nil, kindName: String? = nil, summary: [String] = [], addressees: [String] = [],
        body: [Block] = [], signatures: [Signature] = [], recipients: [Recipient] = [], appendix: [Block] = [],
        page: PageLayout = .document
    ) {
        self.header = header
        self.kindName = kindName
        self.summary = summary
        self.addressees = addressees
        self.body = body
        self.signatures = signatures
        self.recipients = recipients
        self.appendix = appendix
        self.page = page
    }
}

/// The page of a document: orientation and whether pages are numbered.
public struct PageLayout: Hashable, Sendable {
    /// Landscape A4 (297 × 210 mm) instead of portrait.
    public var landscape: Bool
    /// Page numbers from page 2, as ND 30/2020 asks of documents; a certificate has none.
    public var numbered: Bool
    /// A certificate: wider margins all round, no page numbers, one page per recipient.
    public var certificate: Bool
    /// Printed onto pre-printed blanks: only placed text (`Paragraph.placement`), no frame.
    public var preprinted: Bool

    public init(landscape: Bool = false, numbered: Bool = true, certificate: Bool = false, preprinted: Bool = false) {
        self.landscape = landscape
        self.numbered = numbered
        self.certificate = certificate
        self.preprinted = preprinted
    }

    /// An administrative document: A4 portrait, numbered.
    public static let document = PageLayout()
    /// A table too wide for portrait (more than six columns): A4 landscape, numbered.
    public static let wide = PageLayout(landscape: true)
    /// A Giấy khen: A4 landscape, one per page, unnumbered.
    public static let certificate = PageLayout(landscape: true, numbered: false, certificate: true)
    /// A Giấy khen's variable text for pre-printed blanks: A4 landscape, one per page, unnumbered.
    public static let preprintedCertificate = PageLayout(landscape: true, numbered: false, certificate: true, preprinted: true)
}

/// The two-column header: issuer and number on the left; Quốc hiệu, Tiêu ngữ, place and date
/// on the right.
public struct DocumentHeader: Hashable, Sendable {
    /// The body above the issuer, printed in capitals, not bold; nil when not shown.
    public var parentLine: String?
    /// The issuer in capitals, bold: ["ỦY BAN NHÂN DÂN", "PHƯỜNG MINH XUÂN"].
    public var issuerLines: [String]
    /// "Số: 04/KH-UBND"; nil for documents without a number.
    public var numberLine: String?
    /// "Minh Xuân, ngày … tháng 5 năm 2026".
    public var placeAndDate: String?
    /// The right-hand heading instead of the Quốc hiệu and Tiêu ngữ ("ĐẢNG CỘNG SẢN VIỆT NAM");
    /// nil prints the Quốc hiệu and Tiêu ngữ.
    public var heading: [String]?
    /// The mark under the issuer lines instead of the short rule ("*" for the Party).
    public var mark: String?
    /// A công văn's summary under its number: "V/v đôn đốc gửi báo cáo …".
    public var subject: String?

    /// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
    public static let nationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    /// "Độc lập - Tự do - Hạnh phúc".
    public static let motto = "Độc lập - Tự do - Hạnh phúc"

    public init(
        parentLine: String? = nil, issuerLines: [String], numberLine: String? = nil, placeAndDate: String? = nil,
        heading: [String]? = nil, mark: String? = nil, subject: String? = nil
    ) {
        self.parentLine = parentLine
        self.issuerLines = issuerLines
        self.numberLine = numberLine
        self.placeAndDate = placeAndDate
        self.heading = heading
        self.mark = mark
        self.subject = subject
    }

    /// The right-hand heading lines with whether each is the Tiêu ngữ (set in smaller bold).
    public var headingLines: [(text: String, motto: Bool)] {
        guard let heading else { return [(Self.nationalName, false), (Self.motto, true)] }
        return heading.map { ($0, false) }
    }
}

/// A signature block: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / (space to sign) / Nguyễn Văn A".
public struct Signature: Hashable, Sendable {
    public var authority: String?
    public var title: String
    public var name: String?

    public init(authority: String? = nil, title: String, name: String? = nil) {
        self.authority = authority
        self.title = title
        self.name = name
    }

    public init(_ signer: Signer) {
        self.init(authority: signer.authority, title: signer.title, name: signer.name)
    }
}

/// How a paragraph sits on the page.
public enum Alignment: String, Hashable, Sendable {
    case justified, left, center, right
}

/// A paragraph's emphasis.
public struct Emphasis: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let bold = Emphasis(rawValue: 1)
    public static let italic = Emphasis(rawValue: 2)
    /// The title of a certificate ("GIẤY KHEN"): printed large.
    public static let title = Emphasis(rawValue: 4)
    /// A certificate's recipient: larger than body text.
    public static let large = Emphasis(rawValue: 8)
}

/// One paragraph of text.
public struct Paragraph: Hashable, Sendable {
    public var text: String
    public var emphasis: Emphasis
    public var alignment: Alignment
    /// First-line indent, as the decree asks of body text.
    public var indented: Bool
    /// Space above the paragraph in points (room to sign above a signer's name).
    public var spaceBefore: Int
    /// Set in the right half of the page, centred there, as a signature block is.
    public var rightHalf: Bool
    /// A fixed place on the page (pre-printed blanks); nil: in the flow of the text.
    public var placement: TextBox?

    public init(
        _ text: String, emphasis: Emphasis = [], alignment: Alignment = .justified, indented: Bool = true, spaceBefore: Int = 0,
        rightHalf: Bool = false, placement: TextBox? = nil
    ) {
        self.placement = placement
        self.text = text
        self.emphasis = emphasis
        self.alignment = alignment
        self.indented = indented
        self.spaceBefore = spaceBefore
        self.rightHalf = rightHalf
    }
}

/// One item of a list, with its sub-items.
public struct ListItem: Hashable, Sendable {
    public var text: String
    public var children: [ListItem]

    public init(_ text: String, children: [ListItem] = []) {
        self.text = text
        self.children = children
    }
}

/// A table: a header row and body rows of plain text cells.
public struct Table: Hashable, Sendable {
    public var columns: [String]
    public var rows: [[String]]
    /// Relative column widths; empty for equal widths.
    public var widths: [Double]

    public init(columns: [String], rows: [[String]], widths: [Double] = []) {
        self.columns = columns
        self.rows = rows
        self.widths = widths
    }
}

/// A block of the body.
public indirect enum Block: Hashable, Sendable {
    /// A heading printed as given ("I. MỤC ĐÍCH, YÊU CẦU"); level 1 is the outermost.
    case heading(String, level: Int)
    case paragraph(Paragraph)
    case list(ListStyle, [ListItem])
    case table(Table)
    /// Space left for the official to write, with what to write there.
    case blank(prompt: String, lines: Int)
    case pageBreak
}
