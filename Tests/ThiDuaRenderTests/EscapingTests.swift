import Testing
import ThiDuaCore
import ThiDuaRender

@Suite("Escaping")
struct EscapingTests {
    static let hostile = "<script>alert(1)</script> & \"Tổ 5\""

    static var document: Document {
        Document(
            header: DocumentHeader(
                issuerLines: ["ỦY BAN NHÂN DÂN", "PHƯỜNG <B>"], numberLine: "Số: 1/KH-UBND", placeAndDate: "A & B, ngày 01 tháng 01 năm 2026"),
            kindName: "KẾ HOẠCH", summary: [hostile],
            body: [
                .heading("I. <i>", level: 1), .paragraph(Paragraph(hostile)), .list(.dash, [ListItem(hostile, children: [ListItem("=HYPERLINK(\"x\")")])]),
                .table(Table(columns: ["Tên"], rows: [[hostile]])),
            ],
            signatures: [Signature(title: "CHỦ TỊCH", name: "Nguyễn <Văn> A")],
            recipients: [Recipient(name: hostile, purpose: "b/c")])
    }

    @Test("HTML prints every name as typed, never as markup")
    func html() {
        let html = HTMLRenderer().render(Self.document)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Tổ 5&quot;"))
        #expect(html.contains("PHƯỜNG &lt;B&gt;"))
        #expect(html.contains("Nguyễn &lt;Văn&gt; A"))
        #expect(!html.contains("<i>"))
    }

    @Test("Markdown escapes markup characters")
    func markdown() {
        let md = MarkdownRenderer().render(Self.document)
        #expect(!md.contains("<script>"))
        #expect(md.contains("\\<script\\>alert(1)\\</script\\> & \"Tổ 5\""))
    }

    @Test("XML escaping drops forbidden control characters")
    func xml() {
        #expect(Escaping.xml("a<b>&\"'\u{01}c") == "a&lt;b&gt;&amp;&quot;&apos;c")
    }

    @Test("recipients end in ';' and the last in '.', with the purpose in brackets")
    func recipients() {
        let document = Document(recipients: [Recipient(name: "Sở Nội vụ;", purpose: "b/c"), Recipient(name: "Lưu: VT.")])
        let md = MarkdownRenderer().render(document)
        #expect(md.contains("- Sở Nội vụ (b/c);\n- Lưu: VT."))
    }
}
