import Foundation
import ThiDuaBase

/// The parts of an .xlsx package that every sheet needs: the sheet list, shared strings,
/// number formats and the date system.
struct WorkbookParts {
    struct Sheet {
        var name: String
        var part: String
    }

    let archive: ZipArchive
    let sheets: [Sheet]
    let sharedStrings: [String]
    /// The number format kind of each cell style (`s` attribute), by index.
    let styles: [NumberFormatKind]
    let date1904: Bool

    init(_ bytes: [UInt8], limits: ZipLimits) throws(SpreadsheetProblem) {
        do {
            archive = try ZipArchive(bytes, limits: limits)
        } catch {
            throw .zip(error)
        }
        let rootRelations = try Self.relations(archive, "_rels/.rels", base: "")
        let workbookPart =
            rootRelations.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard archive.contains(workbookPart) else {
            throw SpreadsheetProblem(
                "tệp ZIP không chứa bảng tính Excel (thiếu \(workbookPart))",
                hint: "có thể đây là tệp Word (.docx) hay tệp nén khác; hãy lưu bảng tính dạng .xlsx")
        }
        let workbook = try Self.xml(archive, workbookPart)
        let base = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
        let folder = base.isEmpty ? "" : base + "/"
        let relations = try Self.relations(archive, "\(folder)_rels/\(workbookPart.split(separator: "/").last ?? "workbook.xml").rels", base: base)
        var sheets: [Sheet] = []
        for node in workbook.child("sheets")?.children("sheet") ?? [] {
            guard let name = node.attributes["name"] else { continue }
            guard let id = node.attributes["id"], let target = relations.first(where: { $0.id == id })?.target else {
                throw SpreadsheetProblem("không tìm thấy dữ liệu của trang «\(name)»", part: workbookPart)
            }
            sheets.append(Sheet(name: VietnameseText.nfc(name), part: target))
        }
        guard !sheets.isEmpty else { throw SpreadsheetProblem("bảng tính không có trang nào", part: workbookPart) }
        self.sheets = sheets
        let properties = workbook.child("workbookPr")?.attributes["date1904"]
        date1904 = properties == "1" || properties == "true"
        let sharedPart = relations.first { $0.type.hasSuffix("/sharedStrings") }?.target
        if let sharedPart, archive.contains(sharedPart) {
            sharedStrings = try Self.xml(archive, sharedPart).children("si").map(Self.richText)
        } else {
            sharedStrings = []
        }
        let stylesPart = relations.first { $0.type.hasSuffix("/styles") }?.target
        if let stylesPart, archive.contains(stylesPart) {
            styles = Self.styleKinds(try Self.xml(archive, stylesPart))
        } else {
            styles = []
        }
    }

    /// The text of an `<si>` or `<is>`: its `<t>`, or its runs' `<t>` joined; phonetic hints
    /// (`<rPh>`) left out.
    static func richText(_ node: XMLNode) -> String {
        if let text = node.child("t") { return text.text }
        return node.children("r").map { $0.child("t")?.text ?? "" }.joined()
    }

    static func styleKinds(_ styles: XMLNode) -> [NumberFormatKind] {
        var custom: [Int: NumberFormatKind] = [:]
        for format in styles.child("numFmts")?.children("numFmt") ?? [] {
            if let id = format.attributes["numFmtId"].flatMap({ Int($0) }), let code = format.attributes["formatCode"] {
                custom[id] = NumberFormatKind.classify(code)
            }
        }
        return (styles.child("cellXfs")?.children("xf") ?? []).map { xf in
            let id = xf.attributes["numFmtId"].flatMap { Int($0) } ?? 0
            return custom[id] ?? NumberFormatKind.builtIn(id)
        }
    }

    static func xml(_ archive: ZipArchive, _ part: String) throws(SpreadsheetProblem) -> XMLNode {
        let bytes: [UInt8]
        do {
            bytes = try archive.data(part)
        } catch {
            throw .zip(error)
        }
        do {
            return try XMLNode.parse(bytes)
        } catch {
            throw SpreadsheetProblem(
                "phần «\(part)» không phải XML hợp lệ: \(error.message) (byte \(error.offset))",
                hint: "mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx")
        }
    }

    struct Relation {
        var id: String
        var type: String
        var target: String
    }

    /// The relations of a `.rels` part, targets resolved to archive paths against `base`.
    static func relations(_ archive: ZipArchive, _ part: String, base: String) throws(SpreadsheetProblem) -> [Relation] {
        guard archive.contains(part) else { return [] }
        return try xml(archive, part).children("Relationship").compactMap { node in
            guard let id = node.attributes["Id"], let type = node.attributes["Type"], let target = node.attributes["Target"],
                node.attributes["TargetMode"] != "External"
            else { return nil }
            return Relation(id: id, type: type, target: resolve(target, base: base))
        }
    }

    /// "worksheets/sheet1.xml" against "xl" is "xl/worksheets/sheet1.xml"; "/xl/…" is from the root;
    /// ".." segments climb (and cannot leave the package).
    static func resolve(_ target: String, base: String) -> String {
        var segments = target.hasPrefix("/") ? [] : base.split(separator: "/").map(String.init)
        for segment in target.split(separator: "/") {
            if segment == ".." {
                if !segments.isEmpty { segments.removeLast() }
            } else if segment != "." {
                segments.append(String(segment))
            }
        }
        return segments.joined(separator: "/")
    }
}
