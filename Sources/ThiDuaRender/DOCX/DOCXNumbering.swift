/// `word/numbering.xml`: the three list markers of the decree's body text. Markers sit at the
/// first-line indent followed by a space, like hand-typed "- " lines; sub-items take "+".
enum DOCXNumbering {
    static let dashID = 1
    static let plusID = 2
    /// Numbered lists take ids from here on, one each, so every list restarts at 1.
    static let firstNumberedID = 3
    static let deepestLevel = 8

    /// The part, with one numbering instance for each of `numberedLists` numbered lists.
    static func xml(numberedLists: Int) -> String {
        var out = WordML.declaration + "<w:numbering xmlns:w=\"\(WordML.mainNamespace)\">\n"
        out += abstract(0, first: (format: "bullet", text: "-"))
        out += abstract(1, first: (format: "bullet", text: "+"))
        out += abstract(2, first: (format: "decimal", text: "%1."))
        out += "<w:num w:numId=\"\(dashID)\"><w:abstractNumId w:val=\"0\"/></w:num>\n"
        out += "<w:num w:numId=\"\(plusID)\"><w:abstractNumId w:val=\"1\"/></w:num>\n"
        for index in 0..<numberedLists {
            out += "<w:num w:numId=\"\(firstNumberedID + index)\"><w:abstractNumId w:val=\"2\"/>"
            out += "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>\n"
        }
        return out + "</w:numbering>\n"
    }

    private static func abstract(_ id: Int, first: (format: String, text: String)) -> String {
        var out = "<w:abstractNum w:abstractNumId=\"\(id)\"><w:multiLevelType w:val=\"multilevel\"/>"
        for level in 0...deepestLevel {
            let (format, text) = level == 0 ? first : ("bullet", "+")
            out += "<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"\(format)\"/><w:suff w:val=\"space\"/>"
            out += "<w:lvlText w:val=\"\(text)\"/><w:lvlJc w:val=\"left\"/>"
            out += "<w:pPr><w:ind w:left=\"0\" w:firstLine=\"\(DOCXLayout.firstLineIndent)\"/></w:pPr>"
            out +=
                "<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:hint=\"default\"/></w:rPr>"
            out += "</w:lvl>"
        }
        return out + "</w:abstractNum>\n"
    }
}
