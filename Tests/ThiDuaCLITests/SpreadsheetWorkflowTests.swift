import Foundation
import Testing
import ThiDuaCore
import ThiDuaRender

/// Excel in and out through the commands: a roster from LibreOffice-saved .xlsx files, a form
/// submitted as .xlsx, and every list exported as .xlsx and read back with real cells.
@Suite("Excel import and export through the command line")
struct SpreadsheetWorkflowTests {
    static let spreadsheets = Harness.root.appendingPathComponent("Tests/ThiDuaCoreTests/Fixtures/spreadsheet")

    static func sheets(_ path: String) throws -> [SheetTable] {
        let (sheets, problems) = SpreadsheetReader.readAll(Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path)
        #expect(problems.isEmpty, "\(problems.map(\.rendered))")
        return sheets
    }

    @Test("roster import reads LibreOffice .xlsx files; the exported roster imports again unchanged")
    func rosterRoundTrip() throws {
        let ws = try TemporaryWorkspace()
        defer { ws.remove() }
        let units = Self.spreadsheets.appendingPathComponent("libreoffice-units.xlsx").path
        let people = Self.spreadsheets.appendingPathComponent("libreoffice-people.xlsx").path
        let imported = ws.run(["roster", "import", people, units])
        #expect(imported.code == 0, "\(imported.errors)")
        #expect(imported.output.contains("Đã nhập 6 đơn vị, 5 cá nhân"), "\(imported.output)")
        #expect(!imported.errors.contains("Unikey"))
        let before = try Data(contentsOf: ws.root.appendingPathComponent("roster/roster.json"))

        let out = ws.root.appendingPathComponent("out/danh-sach.xlsx").path
        let listed = ws.run(["roster", "list", "--format", "xlsx", "--out", out])
        #expect(listed.code == 0, "\(listed.errors)")
        #expect(listed.output.contains("«Đơn vị» (6 dòng), «Cá nhân» (5 dòng)"), "\(listed.output)")
        let sheets = try Self.sheets(out)
        #expect(sheets.map(\.name) == ["Đơn vị", "Cá nhân"])
        #expect(sheets[1].rows[0].cells[4] == .date(CivilDate(year: 1985, month: 3, day: 12)!))

        let fresh = try TemporaryWorkspace()
        defer { fresh.remove() }
        let again = fresh.run(["roster", "import", out])
        #expect(again.code == 0, "\(again.errors)")
        #expect(try Data(contentsOf: fresh.root.appendingPathComponent("roster/roster.json")) == before)
    }

    @Test("title lines above the header row are skipped, and places keep the sheet's row numbers")
    func titleLines() throws {
        let ws = try TemporaryWorkspace()
        defer { ws.remove() }
        let book = Workbook(sheets: [
            Worksheet(
                name: "Danh sách", header: ["DANH SÁCH ĐƠN VỊ THAM GIA PHONG TRÀO"],
                rows: [
                    [.text("(Kèm theo Kế hoạch số 12/KH-UBND)")], [.empty], [.text("Tên đơn vị"), .text("Loại")],
                    [.text("Tổ dân phố 9"), .text("tổ dân phố")], [.text("Tổ dân phố 10"), .text("hợp tác xã ma")],
                ])
        ])
        let file = ws.root.appendingPathComponent("tieu-de.xlsx")
        try Data(try SpreadsheetWriter.write(book)).write(to: file)
        let refused = ws.run(["roster", "import", file.path])
        #expect(refused.code == 1)
        #expect(refused.errors.contains("'Danh sách'!B6 (dòng 6, cột «Loại»)"), "\(refused.errors)")
        #expect(!refused.errors.contains("DANH SÁCH ĐƠN VỊ THAM GIA"), "\(refused.errors)")
        var fixed = book
        fixed.sheets[0].rows[4][1] = .text("tổ dân phố")
        try Data(try SpreadsheetWriter.write(fixed)).write(to: file)
        let imported = ws.run(["roster", "import", file.path])
        #expect(imported.code == 0, "\(imported.errors)")
        #expect(imported.output.contains("Đã nhập 2 đơn vị"), "\(imported.output)")
    }

    @Test("a bad .xlsx names the sheet and cell, and nothing is written")
    func badRoster() throws {
        let ws = try TemporaryWorkspace()
        defer { ws.remove() }
        let book = Workbook(sheets: [
            Worksheet(name: "Đơn vị", header: ["Tên đơn vị", "Loại"], rows: [[.text("Tổ dân phố 9"), .text("hợp tác xã ma")]])
        ])
        let file = ws.root.appendingPathComponent("sai.xlsx")
        try Data(try SpreadsheetWriter.write(book)).write(to: file)
        let before = ws.snapshot()
        let result = ws.run(["roster", "import", file.path])
        #expect(result.code == 1)
        #expect(result.errors.contains("'Đơn vị'!B2 (dòng 2, cột «Loại»)"), "\(result.errors)")
        #expect(ws.snapshot() == before)
        let bomb = ws.run(["roster", "import", Self.spreadsheets.appendingPathComponent("bomb.zip").path])
        #expect(bomb.code == 1)
        #expect(bomb.errors.contains("bom ZIP"), "\(bomb.errors)")
        #expect(ws.snapshot() == before)
    }

    @Test("a form submitted as .xlsx, then evaluation, awards, record, status and documents exported as .xlsx")
    func cycle() throws {
        let ws = try TemporaryWorkspace(campaigns: ["nam-gia-nghia-cchc-2026"])
        defer { ws.remove() }
        #expect(ws.run(["roster", "import", ws.fixture("units.csv"), ws.fixture("people.csv")]).code == 0)
        let campaign = "nam-gia-nghia-cchc-2026"
        let enrolled = ws.run(["enroll", campaign, "--units", "Văn phòng HĐND và UBND,Phòng Văn hóa – Xã hội"])
        #expect(enrolled.code == 0, "\(enrolled.errors)")
        let header = ["Cơ quan, đơn vị", "Tiêu chí", "Tự đánh giá đạt", "Điểm tự chấm", "Tài liệu, minh chứng"]
        let blank = ws.run(["form", campaign, "tu-danh-gia-tap-the", "--format", "xlsx", "--out", ws.root.appendingPathComponent("out").path])
        #expect(blank.code == 0, "\(blank.errors)")
        let blankSheets = try Self.sheets(ws.root.appendingPathComponent("out/\(campaign)-form-tu-danh-gia-tap-the.xlsx").path)
        #expect(blankSheets.first?.header == header)
        #expect(blankSheets.first?.rows.isEmpty == true)
        #expect(blankSheets.last?.name == "Hướng dẫn")
        func form(_ rows: [[WorkbookCell]]) throws -> String {
            let file = ws.root.appendingPathComponent("tu-danh-gia-\(UUID().uuidString).xlsx")
            try Data(try SpreadsheetWriter.write(Workbook(sheets: [Worksheet(name: "Tự đánh giá", header: header, rows: rows)]))).write(to: file)
            return file.path
        }
        let bad = try form([[.text("Văn phòng HĐND và UBND"), .text("ky-luat-ky-cuong"), .text("có"), .text("1,250"), .empty]])
        let refused = ws.run(["submit", campaign, "tu-danh-gia-tap-the", bad], today: "2026-11-05")
        #expect(refused.code == 1)
        #expect(refused.errors.contains("'Tự đánh giá'!D2 (dòng 2, cột «Điểm tự chấm»)"), "\(refused.errors)")
        #expect(refused.errors.contains("không rõ nghĩa"), "\(refused.errors)")
        let good = try form([
            [.text("Văn phòng HĐND và UBND"), .text("ky-luat-ky-cuong"), .text("có"), .empty, .empty],
            [.text("Văn phòng HĐND và UBND"), .text("sang-kien"), .text("có"), .empty, .text("Quyết định số 12/QĐ-UBND")],
            [.text("Phòng Văn hóa – Xã hội"), .text("ky-luat-ky-cuong"), .text("có"), .empty, .empty],
            [.text("Phòng Văn hóa – Xã hội"), .text("dan-dau"), .text("không"), .empty, .empty],
        ])
        let submitted = ws.run(["submit", campaign, "tu-danh-gia-tap-the", good], today: "2026-11-05")
        #expect(submitted.code == 0, "\(submitted.errors)")

        let out = ws.root.appendingPathComponent("out").path
        let evaluation = ws.run(["evaluate", campaign, "--period", "2026", "--format", "xlsx", "--out", out + "/danh-gia.xlsx"])
        #expect(evaluation.code == 0, "\(evaluation.errors)")
        let evaluated = try Self.sheets(out + "/danh-gia.xlsx")
        #expect(evaluated.first?.name == "Tập thể")
        #expect(evaluated.first?.header.first == "Hạng")
        #expect(evaluated.first?.rows.contains { $0.cells[2] == .text("Văn phòng HĐND và UBND") } == true)
        #expect(evaluated.contains { $0.name == "Tiêu chí" })

        let status = ws.run(["status", "--format", "xlsx", "--out", out + "/tinh-hinh.xlsx"])
        #expect(status.code == 0, "\(status.errors)")
        let statusSheets = try Self.sheets(out + "/tinh-hinh.xlsx")
        #expect(statusSheets.map(\.name) == ["Phong trào", "Theo mốc", "Chưa nộp"])
        #expect(statusSheets[0].rows[0].cells[4] == .number(2, percent: false))
        #expect(statusSheets[1].rows.allSatisfy { if case .date = $0.cells[2] { true } else { false } })

        let members = ws.write("hoi-dong.csv", AwardWorkflowTests.members)
        #expect(ws.run(["review", "open", campaign, "--period", "2026", "--members", members], today: "2026-11-20").code == 0)
        let ballots = ws.write(
            "phieu.csv",
            "Thành viên,Mã đề cử,Biểu quyết\nNguyễn Văn An,1,đồng ý\nTrần Thị Bình,1,đồng ý\nLê Văn Cường,1,đồng ý\nPhạm Thị Dung,1,đồng ý\nHoàng Văn Em,1,không đồng ý\n"
        )
        #expect(ws.run(["review", "vote", campaign, "--file", ballots], today: "2026-11-20").code == 0)
        let closed = ws.run(["review", "close", campaign, "--absent", "Vũ Thị Giang"], today: "2026-11-20")
        #expect(closed.code == 0, "\(closed.errors)\(closed.output)")
        let decided = ws.run(["decide", campaign, "--date", "01/12/2026", "--number", "35/QĐ-UBND"], today: "2026-12-01")
        #expect(decided.code == 0, "\(decided.errors)")

        #expect(ws.run(["awards", "--year", "2026", "--format", "xlsx", "--out", out + "/khen-thuong.xlsx"]).code == 0)
        let awards = try Self.sheets(out + "/khen-thuong.xlsx")
        #expect(awards.first?.name == "Khen thưởng 2026")
        let decidedRow = try #require(awards.first?.rows.first { $0.cells[5] == .text("quyết định") })
        #expect(decidedRow.cells[0] == .number(2026, percent: false))
        #expect(decidedRow.cells[7] == .date(CivilDate(year: 2026, month: 12, day: 1)!))
        #expect(decidedRow.cells[8] == .number(1_410_000, percent: false))

        #expect(ws.run(["record", "Văn phòng HĐND và UBND", "--format", "xlsx", "--out", out + "/qua-trinh.xlsx"]).code == 0)
        #expect(try Self.sheets(out + "/qua-trinh.xlsx").first?.rows.first?.cells[6] == .text("35/QĐ-UBND"))

        let decision = ws.run(["doc", campaign, "quyet-dinh", "--format", "xlsx", "--out", out])
        #expect(decision.code == 0, "\(decision.errors)")
        let decisionSheets = try Self.sheets(out + "/\(campaign)-quyet-dinh.xlsx")
        #expect(decisionSheets.flatMap(\.rows).flatMap(\.cells).contains(.number(1_410_000, percent: false)), "\(decisionSheets)")
        let year = ws.run(["doc", "--year", "2026", "--format", "xlsx", "--out", out])
        #expect(year.code == 0, "\(year.errors)")
        #expect(!(try Self.sheets(out + "/tong-hop-khen-thuong-2026.xlsx")).isEmpty)
        let screen = ws.run(["doc", campaign, "quyet-dinh", "--format", "xlsx"])
        #expect(screen.code != 0)
        #expect(screen.errors.contains("không in ra màn hình được"), "\(screen.errors)")
    }
}
