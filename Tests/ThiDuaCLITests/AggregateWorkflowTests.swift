import Foundation
import Testing

/// The example plan `docs/examples/thon-xa-mau-dinh-danh-2026.json`: a commune plan measured per
/// village, with a commune-wide target weighted by each village's adult population, configured
/// from files only and run enrol → submit → evaluate → documents through the command line.
@Suite("A commune plan measured per village, with a weighted commune-wide target")
struct AggregateWorkflowTests {
    static let campaign = "thon-xa-mau-dinh-danh-2026"

    static let units = """
        Mã,Tên đơn vị,Loại,Trực thuộc
        thon-1,Thôn Một,thôn,
        thon-2,Thôn Hai,thôn,
        thon-3,Thôn Ba,thôn,
        thon-4,Thôn Bốn,thôn,
        thon-5,Thôn Năm,thôn,

        """

    /// Four villages of five report; Thôn Năm sends nothing.
    static let figures = """
        "Cơ quan, đơn vị (để trống nếu là số liệu chung)",Cá nhân (nếu chỉ tiêu tính cho cá nhân),Chỉ tiêu,Kết quả,Kết quả năm trước,Năm,"Tài liệu, minh chứng"
        Thôn Một,,nguoi-truong-thanh,1200,,2026,
        Thôn Một,,ty-le-dinh-danh,90,,2026,
        Thôn Hai,,nguoi-truong-thanh,800,,2026,
        Thôn Hai,,ty-le-dinh-danh,80,,2026,
        Thôn Ba,,nguoi-truong-thanh,1500,,2026,
        Thôn Ba,,ty-le-dinh-danh,88,,2026,
        Thôn Bốn,,nguoi-truong-thanh,500,,2026,
        Thôn Bốn,,ty-le-dinh-danh,96,,2026,

        """

    func prepared() throws -> TemporaryWorkspace {
        let ws = try TemporaryWorkspace(example: Self.campaign)
        #expect(ws.run(["roster", "import", ws.write("units.csv", Self.units)]).code == 0)
        let enrolled = ws.run(["enroll", Self.campaign, "--units", "Thôn Một,Thôn Hai,Thôn Ba,Thôn Bốn,Thôn Năm"])
        #expect(enrolled.code == 0, "\(enrolled.errors)")
        return ws
    }

    @Test("the example plan checks with no error and no warning")
    func checks() throws {
        let ws = try TemporaryWorkspace(example: Self.campaign)
        defer { ws.remove() }
        let check = ws.run(["check"])
        #expect(check.code == 0, "\(check.output)")
        #expect(check.output.contains("1 tệp: 1 hợp lệ, 0 có lỗi, 0 cảnh báo."), "\(check.output)")
    }

    @Test("a year-end report sent in January counts for the year it reports on, and the commune figure is the weighted mean")
    func cycle() throws {
        let ws = try prepared()
        defer { ws.remove() }
        // Sent on 10/01/2027, the rows say 2026: they count for 2026, and submit says so.
        let submitted = ws.run(["submit", Self.campaign, "ket-qua-chi-tieu", ws.write("so-lieu.csv", Self.figures)], today: "2027-01-10")
        #expect(submitted.code == 0, "\(submitted.errors)")
        #expect(
            submitted.errors.contains(
                "8 dòng (dòng 2, 3, 4, 5, 6, 7, 8, 9) ghi năm 2026 nhưng nộp ngày 10/01/2027 (nộp sau kỳ báo cáo): số liệu được tính cho năm 2026"),
            "\(submitted.errors)")

        let evaluation = ws.run(["evaluate", Self.campaign], today: "2027-01-12")
        #expect(evaluation.code == 0, "\(evaluation.errors)")
        let out = evaluation.output
        #expect(out.contains("— năm 2026"), "\(out)")
        // By hand: (1200 × 90 + 800 × 80 + 1500 × 88 + 500 × 96) ÷ (1200 + 800 + 1500 + 500)
        //        = (108000 + 64000 + 132000 + 48000) ÷ 4000 = 352000 ÷ 4000 = 88,0% > 85% → đạt.
        // (The plain mean of the four villages would be 88,5%; Thôn Năm sent nothing and is left out, not read as 0.)
        #expect(
            out.contains(
                "88,0% (bình quân gia quyền «Tỷ lệ người trưởng thành có tài khoản định danh điện tử mức 2» theo «Số người trưởng thành của thôn» của 4/5 đơn vị đã báo cáo (chưa báo cáo: Thôn Năm)) > 85% → đạt"
            ), "\(out)")
        // The village criterion (scoped to «thon») is judged per village.
        #expect(out.contains("80,0% (cần > 85%) → không đạt"), "\(out)")

        let report = ws.run(["doc", Self.campaign, "tong-ket", "--period", "2026"], today: "2027-01-12")
        #expect(report.code == 0, "\(report.errors)")
        let text = report.output
        #expect(text.contains("**ỦY BAN NHÂN DÂN**  \n**XÃ MẪU**"), "\(text)")
        #expect(text.contains("| 1 | Tỷ lệ người trưởng thành trên địa bàn xã có tài khoản định danh điện tử mức 2 | \\> 85% | 88,0% | Đạt |"), "\(text)")
        #expect(!text.contains("Chưa có số liệu"), "\(text)")
        // 1200 + 800 + 1500 + 500 = 4000 adults in the villages that reported.
        #expect(text.contains("| 2 | Số người trưởng thành trên địa bàn xã |  | 4000 |  |"), "\(text)")
        #expect(
            text.contains(
                "Chỉ tiêu 1 là bình quân gia quyền “Tỷ lệ người trưởng thành có tài khoản định danh điện tử mức 2” theo “Số người trưởng thành của thôn” của 4/5 đơn vị đã báo cáo (chưa báo cáo: Thôn Năm)."
            ), "\(text)")
        #expect(text.contains("Chỉ tiêu 2 là tổng “Số người trưởng thành của thôn” của 4/5 đơn vị đã báo cáo"), "\(text)")
        #expect(text.contains("**TM. ỦY BAN NHÂN DÂN**  \n**CHỦ TỊCH**"), "\(text)")

        // Without --period the sơ kết reports on the first half of the campaign's year, not of the year it is run in.
        let midYear = ws.run(["doc", Self.campaign, "so-ket"], today: "2027-01-12")
        #expect(midYear.code == 0, "\(midYear.errors)")
        #expect(midYear.output.contains("báo cáo kết quả 6 tháng đầu năm 2026 như sau"), "\(midYear.output)")
    }

    @Test("with fewer than half of the villages reported the commune figure is not computed, and says why")
    func tooFew() throws {
        let ws = try prepared()
        defer { ws.remove() }
        let two = Self.figures.split(separator: "\n").prefix(5).joined(separator: "\n") + "\n"
        #expect(ws.run(["submit", Self.campaign, "ket-qua-chi-tieu", ws.write("hai-thon.csv", two)], today: "2026-11-10").code == 0)
        let out = ws.run(["evaluate", Self.campaign, "--period", "2026"], today: "2026-11-12").output
        #expect(out.contains("chưa có số liệu năm 2026 (bình quân gia quyền"), "\(out)")
        #expect(out.contains("của 2/5 đơn vị đã báo cáo (chưa báo cáo: Thôn Ba, Thôn Bốn, Thôn Năm); chưa đủ 50% số đơn vị báo cáo nên chưa tính"), "\(out)")
    }

    @Test("a criterion scoped to another unit kind is not judged for the villages")
    func scopedCriterion() throws {
        let ws = try prepared()
        defer { ws.remove() }
        let file = ws.root.appendingPathComponent("campaigns/\(Self.campaign).json")
        let original = try String(contentsOf: file, encoding: .utf8)
        let scoped = original.replacingOccurrences(of: #""scope": { "unitKinds": ["thon"] }"#, with: #""scope": { "unitKinds": ["to-dan-pho"] }"#)
        #expect(scoped != original)
        try scoped.write(to: file, atomically: true, encoding: .utf8)
        #expect(ws.run(["check"]).code == 0)
        #expect(ws.run(["submit", Self.campaign, "ket-qua-chi-tieu", ws.write("so-lieu.csv", Self.figures)], today: "2026-11-10").code == 0)
        let out = ws.run(["evaluate", Self.campaign, "--period", "2026"]).output
        #expect(!out.contains("tc-dinh-danh-thon"), "\(out)")
        // The commune figure does not depend on the criterion's scope.
        #expect(out.contains("88,0% (bình quân gia quyền"), "\(out)")
    }

    @Test("a campaign that began after June gets a sơ kết of its year, not of a half-year before it began")
    func soKetAfterJune() throws {
        let ws = try prepared()
        defer { ws.remove() }
        let file = ws.root.appendingPathComponent("campaigns/\(Self.campaign).json")
        let original = try String(contentsOf: file, encoding: .utf8)
        let august = original.replacingOccurrences(of: #""date": { "month": 1, "year": 2026 }"#, with: #""date": { "month": 8, "year": 2026 }"#)
        #expect(august != original)
        try august.write(to: file, atomically: true, encoding: .utf8)
        #expect(ws.run(["submit", Self.campaign, "ket-qua-chi-tieu", ws.write("so-lieu.csv", Self.figures)], today: "2026-11-10").code == 0)
        let report = ws.run(["doc", Self.campaign, "so-ket"], today: "2026-11-12")
        #expect(report.code == 0, "\(report.errors)")
        #expect(report.output.contains("báo cáo kết quả năm 2026 như sau"), "\(report.output)")
        #expect(!report.output.contains("6 tháng đầu năm 2026"), "\(report.output)")
    }
}
