/// `word/styles.xml`: named paragraph styles for every part of the decree's frame, so an
/// official who edits the file in Word finds "Heading 1", "Title", "Table Text" and friends.
///
/// Sizes (half-points): body 14 pt, header lines and table text 13 pt, "Nơi nhận:" 12 pt,
/// recipients 11 pt. Body: justified, first-line indent 1,27 cm, 6 pt after, 1.15 lines.
enum DOCXStyles {
    static let normal = "Normal"
    static let title = "Title"
    static let summary = "Summary"
    static let addressee = "Addressee"
    static let rule = "Rule"
    static let headerText = "HeaderText"
    static let headerIssuer = "HeaderIssuer"
    static let headerNationalName = "HeaderNationalName"
    static let headerMotto = "HeaderMotto"
    static let headerNumber = "HeaderNumber"
    static let headerPlaceDate = "HeaderPlaceDate"
    static let tableGrid = "TableGrid"
    static let tableText = "TableText"
    static let tableHeading = "TableHeading"
    static let blankPrompt = "BlankPrompt"
    static let blankLine = "BlankLine"
    static let recipientsTitle = "RecipientsTitle"
    static let recipient = "Recipient"
    static let signature = "Signature"
    static let signatureName = "SignatureName"
    static let pageHeader = "Header"
    static let tail = "Tail"

    /// Headings go three levels deep; deeper ones print like the third.
    static func heading(_ level: Int) -> String { "Heading\(min(max(level, 1), 3))" }

    /// A paragraph style; `nil` fields inherit from `basedOn`.
    struct ParagraphStyle {
        var id: String
        var name: String
        var basedOn: String? = DOCXStyles.normal
        var next: String?
        var keepNext = false
        var widowControl = false
        var bottomBorder = false
        var dotLeaderTab: Int?
        var before: Int?
        var after: Int?
        var line: Int?
        var firstLine: Int?
        var justification: String?
        var outlineLevel: Int?
        var bold = false
        var italic = false
        var halfPoints: Int?

        var xml: String {
            var out = "<w:style w:type=\"paragraph\""
            out += id == DOCXStyles.normal ? " w:default=\"1\"" : ""
            out += " w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
            if let basedOn { out += "<w:basedOn w:val=\"\(basedOn)\"/>" }
            if let next { out += "<w:next w:val=\"\(next)\"/>" }
            out += "<w:qFormat/>"
            var p = ""
            if keepNext { p += "<w:keepNext/>" }
            if widowControl { p += "<w:widowControl/>" }
            if bottomBorder { p += "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>" }
            if let dotLeaderTab { p += "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"\(dotLeaderTab)\"/></w:tabs>" }
            if before != nil || after != nil || line != nil {
                p += "<w:spacing"
                if let before { p += " w:before=\"\(before)\"" }
                if let after { p += " w:after=\"\(after)\"" }
                if let line { p += " w:line=\"\(line)\" w:lineRule=\"auto\"" }
                p += "/>"
            }
            if let firstLine { p += "<w:ind w:firstLine=\"\(firstLine)\"/>" }
            if let justification { p += "<w:jc w:val=\"\(justification)\"/>" }
            if let outlineLevel { p += "<w:outlineLvl w:val=\"\(outlineLevel)\"/>" }
            if !p.isEmpty { out += "<w:pPr>\(p)</w:pPr>" }
            var r = ""
            if bold { r += "<w:b/><w:bCs/>" }
            if italic { r += "<w:i/><w:iCs/>" }
            if let halfPoints { r += "<w:sz w:val=\"\(halfPoints)\"/><w:szCs w:val=\"\(halfPoints)\"/>" }
            if !r.isEmpty { out += "<w:rPr>\(r)</w:rPr>" }
            return out + "</w:style>\n"
        }
    }

    /// The paragraph styles, Normal first.
    static let paragraphStyles: [ParagraphStyle] = {
        let indent = DOCXLayout.firstLineIndent
        // Lines of the frame (header, title, closing): single spacing, no indent, no gap after.
        func frame(_ id: String, _ name: String, basedOn: String = normal, justification: String = "center") -> ParagraphStyle {
            ParagraphStyle(id: id, name: name, basedOn: basedOn, after: 0, line: 240, firstLine: 0, justification: justification)
        }
        var styles: [ParagraphStyle] = [
            ParagraphStyle(
                id: normal, name: "Normal", basedOn: nil, widowControl: true, after: 120, line: 276, firstLine: indent,
                justification: "both", halfPoints: 28)
        ]
        for level in 1...3 {
            styles.append(
                ParagraphStyle(
                    id: heading(level), name: "heading \(level)", next: normal, keepNext: true, before: 120, after: 120,
                    outlineLevel: level - 1, bold: true))
        }
        var titleStyle = frame(title, "Title")
        titleStyle.next = summary
        titleStyle.keepNext = true
        titleStyle.before = 360
        titleStyle.bold = true
        styles.append(titleStyle)
        var summaryStyle = frame(summary, "Summary")
        summaryStyle.keepNext = true
        summaryStyle.bold = true
        styles.append(summaryStyle)
        var addresseeStyle = frame(addressee, "Addressee")
        addresseeStyle.before = 240
        addresseeStyle.after = 240
        styles.append(addresseeStyle)
        // The short solid lines: an empty 2 pt paragraph with a bottom border.
        var ruleStyle = frame(rule, "Rule")
        ruleStyle.before = 60
        ruleStyle.keepNext = true
        ruleStyle.bottomBorder = true
        ruleStyle.halfPoints = 4
        styles.append(ruleStyle)

        var header = frame(headerText, "Header Text")
        header.halfPoints = 26
        styles.append(header)
        var issuer = frame(headerIssuer, "Header Issuer", basedOn: headerText)
        issuer.bold = true
        styles.append(issuer)
        var national = frame(headerNationalName, "Header National Name", basedOn: headerText)
        national.bold = true
        styles.append(national)
        var motto = frame(headerMotto, "Header Motto", basedOn: headerText)
        motto.bold = true
        motto.halfPoints = 28
        styles.append(motto)
        var number = frame(headerNumber, "Header Number", basedOn: headerText)
        number.before = 120
        styles.append(number)
        var placeDate = frame(headerPlaceDate, "Header Place and Date", basedOn: headerText)
        placeDate.before = 120
        placeDate.italic = true
        placeDate.halfPoints = 28
        styles.append(placeDate)

        var tableTextStyle = frame(tableText, "Table Text", justification: "left")
        tableTextStyle.halfPoints = 26
        styles.append(tableTextStyle)
        var tableHeadingStyle = frame(tableHeading, "Table Heading", basedOn: tableText)
        tableHeadingStyle.bold = true
        styles.append(tableHeadingStyle)

        var prompt = frame(blankPrompt, "Blank Prompt", justification: "left")
        prompt.italic = true
        styles.append(prompt)
        // Space to write in: a tab to the right margin drawn as a dotted leader.
        var blank = frame(blankLine, "Blank Line", justification: "left")
        blank.dotLeaderTab = DOCXLayout.textWidth
        blank.line = 360
        styles.append(blank)

        var recipientsTitleStyle = frame(recipientsTitle, "Recipients Title", justification: "left")
        recipientsTitleStyle.bold = true
        recipientsTitleStyle.italic = true
        recipientsTitleStyle.halfPoints = 24
        styles.append(recipientsTitleStyle)
        var recipientStyle = frame(recipient, "Recipient", justification: "left")
        recipientStyle.halfPoints = 22
        styles.append(recipientStyle)
        var signatureStyle = frame(signature, "Signature")
        signatureStyle.bold = true
        styles.append(signatureStyle)
        var name = frame(signatureName, "Signature Name", basedOn: signature)
        name.before = DOCXLayout.signatureSpace
        styles.append(name)

        styles.append(frame(pageHeader, "header"))
        var tailStyle = frame(tail, "Tail")
        tailStyle.halfPoints = 2
        styles.append(tailStyle)
        return styles
    }()

    /// Borders of data tables: single ½ pt black lines all round and between cells.
    static let tableBorders =
        "<w:tblBorders>"
        + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
            "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }.joined() + "</w:tblBorders>"

    /// The whole part.
    static var xml: String {
        var out = WordML.declaration + "<w:styles xmlns:w=\"\(WordML.mainNamespace)\">\n"
        out += "<w:docDefaults><w:rPrDefault><w:rPr>"
        out += "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
        out +=
            "<w:color w:val=\"000000\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/>"
        out += "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
        out += "</w:pPrDefault></w:docDefaults>\n"
        out += paragraphStyles.map(\.xml).joined()
        out += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/>"
        out += "<w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>\n"
        out +=
            "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/>"
        out += "<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
        out += "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
        out += "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\n"
        out += "<w:style w:type=\"table\" w:styleId=\"\(tableGrid)\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/>"
        out += "<w:uiPriority w:val=\"39\"/><w:tblPr>\(tableBorders)<w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/>"
        out += "<w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/>"
        out += "</w:tblCellMar></w:tblPr></w:style>\n"
        out += "<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No List\"/><w:uiPriority w:val=\"99\"/>"
        out += "<w:semiHidden/><w:unhideWhenUsed/></w:style>\n"
        return out + "</w:styles>\n"
    }
}
