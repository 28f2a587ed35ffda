import Foundation
import Testing
import ThiDuaCore

/// An aggregated indicator weighted by a figure of the roster (`rosterWeight`): each village's
/// number of households comes from a "Số hộ" column of the units file, declared in
/// `tables/unit-kinds.json` (`unitFigures`), not from a reported indicator.
@Suite("An aggregate weighted by a roster figure")
struct RosterWeightWorkflowTests {
    static let campaign = "thon-xa-mau-dinh-danh-2026"

    static let units = """
        Mã,Tên đơn vị,Loại,Trực thuộc,Số hộ
        thon-1,Thôn Một,thôn,,1.200
        thon-2,Thôn Hai,thôn,,800
        thon-3,Thôn Ba,thôn,,1500
        thon-4,Thôn Bốn,thôn,,500
        thon-5,Thôn Năm,thôn,,

        """

    /// Only the villages' rates: the base is the roster's, not reported.
    static let rates = """
        "Cơ quan, đơn vị (để trống nếu là số liệu chung)",Cá nhân (nếu chỉ tiêu tính cho cá nhân),Chỉ tiêu,Kết quả,Kết quả năm trước,Năm,"Tài liệu, minh chứng"
        Thôn Một,,ty-le-dinh-danh,90,,2026,
        Thôn Hai,,ty-le-dinh-danh,80,,2026,
        Thôn Ba,,ty-le-dinh-danh,88,,2026,
        Thôn Bốn,,ty-le-dinh-danh,96,,2026,
        Thôn Năm,,ty-le-dinh-danh,70,,2026,

        """

    static let declaration = #"{"unitFigures": [{"id": "so-ho", "label": "Số hộ", "aliases": ["Số hộ gia đình"]}]}"#

    /// The example plan with its commune-wide rate weighted by the roster's households.
    static func workspace(aggregate: String) throws -> TemporaryWorkspace {
        let ws = try TemporaryWorkspace(example: campaign)
        try FileManager.default.createDirectory(at: ws.root.appendingPathComponent("tables"), withIntermediateDirectories: true)
        _ = ws.write("tables/unit-kinds.json", declaration)
        let url = ws.root.appendingPathComponent("campaigns/\(campaign).json")
        let text = try String(contentsOf: url, encoding: .utf8)
        let old = #""aggregate": { "of": "ty-le-dinh-danh", "by": "weighted", "weight": "nguoi-truong-thanh" }"#
        #expect(text.contains(old))
        try Data(text.replacingOccurrences(of: old, with: "\"aggregate\": \(aggregate)").utf8).write(to: url)
        return ws
    }

    @Test("roster → enrol → submit rates → evaluate: the commune figure is weighted by «Số hộ»; a village with no figure is named")
    func weightedByHouseholds() throws {
        let ws = try Self.workspace(aggregate: #"{ "of": "ty-le-dinh-danh", "by": "weighted", "rosterWeight": "so-ho", "weightTitle": "Số hộ" }"#)
        defer { ws.remove() }
        let check = ws.run(["check"])
        #expect(check.code == 0, "\(check.output)\(check.errors)")
        let imported = ws.run(["roster", "import", ws.write("units.csv", Self.units)])
        #expect(imported.code == 0, "\(imported.errors)")
        let roster = try String(contentsOf: ws.root.appendingPathComponent("roster/roster.json"), encoding: .utf8)
        #expect(roster.contains("\"so-ho\" : 1200"), "\(roster)")
        #expect(ws.run(["enroll", Self.campaign, "--units", "Thôn Một,Thôn Hai,Thôn Ba,Thôn Bốn,Thôn Năm"]).code == 0)
        let sent = ws.run(["submit", Self.campaign, "ket-qua-chi-tieu", ws.write("ty-le.csv", Self.rates)], today: "2026-12-20")
        #expect(sent.code == 0, "\(sent.errors)")
        let evaluation = ws.run(["evaluate", Self.campaign, "--period", "2026"], today: "2026-12-22")
        #expect(evaluation.code == 0, "\(evaluation.errors)")
        // By hand: (1200 × 90 + 800 × 80 + 1500 × 88 + 500 × 96) ÷ 4000 = 352000 ÷ 4000 = 88,0%;
        // Thôn Năm reported 70% but has no «Số hộ» in the roster: left out and named, not weighted 0.
        #expect(
            evaluation.output.contains(
                "88,0% (bình quân gia quyền «Tỷ lệ người trưởng thành có tài khoản định danh điện tử mức 2» theo «Số hộ» của 4/5 đơn vị đã báo cáo (chưa báo cáo: Thôn Năm)) > 85% → đạt"
            ), "\(evaluation.output)")
    }

    @Test("a figure that is not a number is refused with its row and column; nothing is imported")
    func badFigure() throws {
        let ws = try Self.workspace(aggregate: #"{ "of": "ty-le-dinh-danh", "by": "weighted", "rosterWeight": "so-ho" }"#)
        defer { ws.remove() }
        let bad = ws.run(["roster", "import", ws.write("u.csv", "Tên đơn vị,Loại,Số hộ gia đình\nThôn Một,thôn,khoảng 1200\n")])
        #expect(bad.code != 0)
        #expect(bad.errors.contains("dòng 2, cột «Số hộ gia đình»"), "\(bad.errors)")
        #expect(bad.errors.contains("«khoảng 1200» không phải một số không âm"), "\(bad.errors)")
        #expect(!FileManager.default.fileExists(atPath: ws.root.appendingPathComponent("roster/roster.json").path))
    }

    @Test("rosterWeight with a mean, or beside weight, fails check naming the key")
    func misuse() throws {
        let ws = try Self.workspace(aggregate: #"{ "of": "ty-le-dinh-danh", "by": "mean", "rosterWeight": "so-ho" }"#)
        defer { ws.remove() }
        let check = ws.run(["check"])
        #expect(check.code != 0)
        #expect((check.output + check.errors).contains("«rosterWeight» chỉ dùng khi «by» là «weighted»"), "\(check.output)")
        let both = try Self.workspace(
            aggregate: #"{ "of": "ty-le-dinh-danh", "by": "weighted", "weight": "nguoi-truong-thanh", "rosterWeight": "so-ho" }"#)
        defer { both.remove() }
        let all = {
            let r = both.run(["check"]); return r.output + r.errors
        }()
        #expect(all.contains("chỉ dùng một quyền số"), "\(all)")
    }

    @Test("a rosterWeight the workspace does not declare fails check with a did-you-mean")
    func undeclaredFigure() throws {
        let ws = try Self.workspace(aggregate: #"{ "of": "ty-le-dinh-danh", "by": "weighted", "rosterWeight": "so-hoo" }"#)
        defer { ws.remove() }
        let check = ws.run(["check"])
        let all = check.output + check.errors
        #expect(check.code != 0)
        #expect(all.contains("«rosterWeight» là «so-hoo» nhưng tables/unit-kinds.json chỉ khai báo số liệu: so-ho"), "\(all)")
        #expect(all.contains("có phải ý bạn là «so-ho»?"), "\(all)")
    }

    @Test("roster list shows the declared figures; its .xlsx has them as number cells and imports again unchanged")
    func figuresListedAndExported() throws {
        let ws = try Self.workspace(aggregate: #"{ "of": "ty-le-dinh-danh", "by": "weighted", "rosterWeight": "so-ho" }"#)
        defer { ws.remove() }
        #expect(ws.run(["roster", "import", ws.write("units.csv", Self.units)]).code == 0)
        let listed = ws.run(["roster", "list"])
        #expect(listed.output.contains("thon-1: Thôn Một [thôn]; Số hộ: 1.200"), "\(listed.output)")
        #expect(listed.output.contains("thon-5: Thôn Năm [thôn]\n"), "\(listed.output)")
        let out = ws.root.appendingPathComponent("out/danh-sach.xlsx").path
        #expect(ws.run(["roster", "list", "--format", "xlsx", "--out", out]).code == 0)
        let (sheets, problems) = SpreadsheetReader.readAll(Array(try Data(contentsOf: URL(fileURLWithPath: out))), file: out)
        #expect(problems.isEmpty)
        let units = try #require(sheets.first { $0.name == "Đơn vị" })
        #expect(units.header.last == "Số hộ")
        #expect(units.rows.first?.cells.last == .number(1200, percent: false))
        let fresh = try Self.workspace(aggregate: #"{ "of": "ty-le-dinh-danh", "by": "weighted", "rosterWeight": "so-ho" }"#)
        defer { fresh.remove() }
        let again = fresh.run(["roster", "import", out])
        #expect(again.code == 0, "\(again.errors)")
        let before = try Data(contentsOf: ws.root.appendingPathComponent("roster/roster.json"))
        let after = try Data(contentsOf: fresh.root.appendingPathComponent("roster/roster.json"))
        #expect(before == after)
    }
}
