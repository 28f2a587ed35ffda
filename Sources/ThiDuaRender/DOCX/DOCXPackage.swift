/// The fixed parts of the WordprocessingML package around `document.xml`: content types,
/// relationships, settings, the page-number header and the document properties.
enum DOCXPackage {
    static let headerID = "rIdHeader"
    static let firstHeaderID = "rIdFirstHeader"

    static let contentTypes: String = {
        let office = "application/vnd.openxmlformats-officedocument"
        let overrides: [(String, String)] = [
            ("/word/document.xml", "\(office).wordprocessingml.document.main+xml"),
            ("/word/styles.xml", "\(office).wordprocessingml.styles+xml"),
            ("/word/settings.xml", "\(office).wordprocessingml.settings+xml"),
            ("/word/numbering.xml", "\(office).wordprocessingml.numbering+xml"),
            ("/word/header1.xml", "\(office).wordprocessingml.header+xml"),
            ("/word/header2.xml", "\(office).wordprocessingml.header+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "\(office).extended-properties+xml"),
        ]
        var out = WordML.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\n"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\n"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>\n"
        out += overrides.map { "<Override PartName=\"\($0.0)\" ContentType=\"\($0.1)\"/>\n" }.joined()
        return out + "</Types>\n"
    }()

    static let packageRelationships = relationships([
        ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "word/document.xml"),
        ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
        ("rId3", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "docProps/app.xml"),
    ])

    static let documentRelationships: String = {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        return relationships([
            ("rIdStyles", base + "styles", "styles.xml"),
            ("rIdSettings", base + "settings", "settings.xml"),
            ("rIdNumbering", base + "numbering", "numbering.xml"),
            (headerID, base + "header", "header1.xml"),
            (firstHeaderID, base + "header", "header2.xml"),
        ])
    }()

    private static func relationships(_ items: [(id: String, type: String, target: String)]) -> String {
        var out = WordML.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\n"
        out += items.map { "<Relationship Id=\"\($0.id)\" Type=\"\($0.type)\" Target=\"\($0.target)\"/>\n" }.joined()
        return out + "</Relationships>\n"
    }

    static let settings =
        WordML.declaration + "<w:settings xmlns:w=\"\(WordML.mainNamespace)\">\n"
        + "<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"\(DOCXLayout.firstLineIndent)\"/>"
        + "<w:characterSpacingControl w:val=\"doNotCompress\"/>\n"
        + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\n"
        + "<w:themeFontLang w:val=\"vi-VN\"/>\n</w:settings>\n"

    /// From page 2 on: the page number, centred in the top margin.
    static let pageNumberHeader =
        WordML.declaration + "<w:hdr xmlns:w=\"\(WordML.mainNamespace)\">\n"
        + "<w:p><w:pPr><w:pStyle w:val=\"\(DOCXStyles.pageHeader)\"/></w:pPr>"
        + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>\n"
        + "</w:hdr>\n"

    /// Page 1 carries no number (`w:titlePg` selects this empty header).
    static let firstPageHeader =
        WordML.declaration + "<w:hdr xmlns:w=\"\(WordML.mainNamespace)\">\n"
        + "<w:p><w:pPr><w:pStyle w:val=\"\(DOCXStyles.pageHeader)\"/></w:pPr></w:p>\n</w:hdr>\n"

    /// Title and author, and no dates: the same document always gives the same bytes.
    static func coreProperties(title: String, creator: String) -> String {
        var out = WordML.declaration
        out += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        out += "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
        out += "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
        out += "<dc:title>\(WordML.attribute(title))</dc:title>\n<dc:creator>\(WordML.attribute(creator))</dc:creator>\n"
        out += "<dc:language>vi-VN</dc:language>\n</cp:coreProperties>\n"
        return out
    }

    static let appProperties =
        WordML.declaration
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        + "<Application>ThiDua</Application><DocSecurity>0</DocSecurity></Properties>\n"
}
