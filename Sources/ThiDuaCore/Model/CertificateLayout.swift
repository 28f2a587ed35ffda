import ThiDuaBase

/// How the Giấy khen prints: the whole certificate on plain paper (the default), or only its
/// variable text for printing onto pre-printed blanks (phôi giấy khen in sẵn), each piece at a
/// fixed place of the landscape A4 page. In a campaign file:
/// `"certificate": {"preprinted": true, "positions": {"recipient": {"x": 30, "y": 88, "width": 237}}}`.
public struct CertificateLayout: Hashable, Sendable, Codable {
    /// Print onto pre-printed blanks; `thidua doc … giay-khen --preprinted` asks for it too.
    public var preprinted: Bool?
    /// Where each piece goes; a piece not given keeps its default place.
    public var positions: CertificatePositions?

    public init(preprinted: Bool? = nil, positions: CertificatePositions? = nil) {
        self.preprinted = preprinted
        self.positions = positions
    }
}

/// The places of the variable text on a pre-printed Giấy khen, each a box measured in
/// millimetres from the top-left corner of the landscape A4 sheet (297 × 210 mm).
public struct CertificatePositions: Hashable, Sendable, Codable {
    /// The recipient's name (a person, or the collective).
    public var recipient: TextBox?
    /// A person's position and unit, under the name.
    public var detail: TextBox?
    /// "Đã có thành tích …": what the award is for.
    public var reason: TextBox?
    /// "Quyết định số … ngày …": the register line.
    public var decision: TextBox?
    /// "Nam Gia Nghĩa, ngày … tháng … năm …".
    public var placeDate: TextBox?
    /// The signer's name, under the room to sign and seal.
    public var signer: TextBox?

    public init(
        recipient: TextBox? = nil, detail: TextBox? = nil, reason: TextBox? = nil, decision: TextBox? = nil, placeDate: TextBox? = nil,
        signer: TextBox? = nil
    ) {
        self.recipient = recipient
        self.detail = detail
        self.reason = reason
        self.decision = decision
        self.placeDate = placeDate
        self.signer = signer
    }

    /// Defaults that leave the usual blank's printed parts free: Quốc hiệu, "GIẤY KHEN" and the
    /// grantor in the top 80 mm, the name and the reason in the middle band, the place and
    /// date over the signer's printed title on the right, the signer's name under the room to
    /// sign, the decision's number and date bottom left.
    public static let standard = CertificatePositions(
        recipient: TextBox(x: 30, y: 88, width: 237, align: .center, size: 18),
        detail: TextBox(x: 30, y: 100, width: 237, align: .center, size: 14),
        reason: TextBox(x: 40, y: 110, width: 217, align: .center, size: 14),
        decision: TextBox(x: 25, y: 180, width: 120, align: .left, size: 13),
        placeDate: TextBox(x: 160, y: 140, width: 117, align: .center, size: 14),
        signer: TextBox(x: 160, y: 180, width: 117, align: .center, size: 14))

    /// Each piece: the plan's box, else the default.
    public func filled() -> CertificatePositions {
        let d = Self.standard
        return CertificatePositions(
            recipient: recipient ?? d.recipient, detail: detail ?? d.detail, reason: reason ?? d.reason, decision: decision ?? d.decision,
            placeDate: placeDate ?? d.placeDate, signer: signer ?? d.signer)
    }

    /// The pieces by their keys, for checks.
    public var boxes: [(key: String, box: TextBox?)] {
        [("recipient", recipient), ("detail", detail), ("reason", reason), ("decision", decision), ("placeDate", placeDate), ("signer", signer)]
    }
}

/// A box of text at a fixed place of the page, in millimetres from its top-left corner.
public struct TextBox: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double
    public var width: Double
    /// How the text sits in its box; centred by default.
    public var align: BoxAlignment?
    /// Font size in points; the body size (14) by default.
    public var size: Double?

    public init(x: Double, y: Double, width: Double, align: BoxAlignment? = nil, size: Double? = nil) {
        self.x = x
        self.y = y
        self.width = width
        self.align = align
        self.size = size
    }

    /// The paragraph alignment of the box.
    public var alignment: Alignment {
        switch align ?? .center {
        case .left: .left
        case .center: .center
        case .right: .right
        }
    }
}

/// A text box's alignment.
public enum BoxAlignment: String, Sendable, CaseIterable, KeywordEnum {
    case left, center, right
}
