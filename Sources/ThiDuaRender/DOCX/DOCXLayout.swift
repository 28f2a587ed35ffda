import ThiDuaCore

/// Page geometry of the DOCX, in twentieths of a point (twips), from Nghị định 30/2020:
/// A4 portrait, margins top and bottom 20 mm, left 30 mm, right 15 mm.
enum DOCXLayout {
    static let pageWidth = 11906
    static let pageHeight = 16838
    static let marginTop = 1134
    static let marginBottom = 1134
    static let marginLeft = 1701
    static let marginRight = 850
    /// Where the page number sits: 10 mm from the top edge, inside the top margin.
    static let headerDistance = 567
    static let footerDistance = 567
    /// The width between the margins.
    static let textWidth = pageWidth - marginLeft - marginRight
    /// First-line indent of body text: 1,27 cm.
    static let firstLineIndent = 720

    /// The ND 30 header: issuer column on the left, Quốc hiệu column on the right.
    static let issuerColumn = 3600
    static let nationColumn = textWidth - issuerColumn
    /// The short line under the issuer.
    static let issuerRule = 1300
    /// "Độc lập - Tự do - Hạnh phúc" in Times New Roman bold 14 pt is about this wide, so its
    /// line is as long as the text (measured on the rendered PDF).
    static let mottoRule = 3424
    /// The short line under the summary.
    static let summaryRule = 2600

    /// "Nơi nhận" column of the closing table when it shares the row with signatures.
    static let recipientsColumn = 4210
    /// Room left to sign and seal between the signer's title and name: 70 pt.
    static let signatureSpace = 1400

    /// A certificate's margins: 20 mm on every side of the landscape page.
    static let certificateMargin = 1134
    /// "GIẤY KHEN" on a certificate: 36 pt.
    static let certificateTitleHalfPoints = 72
    /// The recipient's name on a certificate: 18 pt.
    static let certificateNameHalfPoints = 36

    /// Millimetres in twips (1 mm = 1440 / 25,4 twips).
    static func twips(millimetres: Double) -> Int { Int((millimetres * 1440 / 25.4).rounded()) }

    /// The margins of a page: the decree's for documents (also on a landscape page), even ones
    /// for a certificate.
    static func margins(_ page: PageLayout) -> (top: Int, right: Int, bottom: Int, left: Int) {
        if page.certificate { return (certificateMargin, certificateMargin, certificateMargin, certificateMargin) }
        return (marginTop, marginRight, marginBottom, marginLeft)
    }

    /// The width between the margins of a page.
    static func textWidth(of page: PageLayout) -> Int {
        let margins = margins(page)
        return (page.landscape ? pageHeight : pageWidth) - margins.left - margins.right
    }
}
