import ThiDuaCore

/// One part of a DOCX package: its path inside the ZIP and its XML.
public struct DOCXPart: Hashable, Sendable {
    /// "word/document.xml".
    public var path: String
    /// The part's XML, UTF-8 when stored.
    public var xml: String

    /// A part at `path` holding `xml`.
    public init(path: String, xml: String) {
        self.path = path
        self.xml = xml
    }
}

/// Renders a document as a DOCX (WordprocessingML) file that Word and LibreOffice open, in
/// the frame of Nghị định 30/2020: A4, Times New Roman, the decree's margins and sizes, the
/// two-column header, page numbers from page 2, signatures on the right and "Nơi nhận" on
/// the left. The same document always gives the same bytes (no clock, fixed ZIP times).
public struct DOCXRenderer: Sendable {
    /// A renderer; it holds no state.
    public init() {}

    /// The package's parts in the order they are stored, `[Content_Types].xml` first.
    public func parts(_ document: Document, title: String? = nil) -> [DOCXPart] {
        let body = DOCXBodyWriter.write(document)
        let title = title ?? ([document.kindName].compactMap { $0 } + document.summary).joined(separator: " ")
        let creator = document.header.map { $0.issuerLines.joined(separator: " ") } ?? "ThiDua"
        return [
            DOCXPart(path: "[Content_Types].xml", xml: DOCXPackage.contentTypes),
            DOCXPart(path: "_rels/.rels", xml: DOCXPackage.packageRelationships),
            DOCXPart(path: "word/document.xml", xml: body.xml),
            DOCXPart(path: "word/_rels/document.xml.rels", xml: DOCXPackage.documentRelationships),
            DOCXPart(path: "word/styles.xml", xml: DOCXStyles.xml),
            DOCXPart(path: "word/settings.xml", xml: DOCXPackage.settings),
            DOCXPart(path: "word/numbering.xml", xml: DOCXNumbering.xml(numberedLists: body.numberedLists)),
            DOCXPart(path: "word/header1.xml", xml: DOCXPackage.pageNumberHeader),
            DOCXPart(path: "word/header2.xml", xml: DOCXPackage.firstPageHeader),
            DOCXPart(path: "docProps/core.xml", xml: DOCXPackage.coreProperties(title: title, creator: creator)),
            DOCXPart(path: "docProps/app.xml", xml: DOCXPackage.appProperties),
        ]
    }

    /// The DOCX file's bytes. Throws only when the package would pass the ZIP32 limits.
    public func render(_ document: Document, title: String? = nil) throws(ZipError) -> [UInt8] {
        var zip = ZipWriter()
        for part in parts(document, title: title) {
            try zip.add(part.path, Array(part.xml.utf8))
        }
        return try zip.finish()
    }
}
