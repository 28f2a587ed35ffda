import Foundation
import Testing
import ThiDuaCore

@testable import ThiDuaCLI
@testable import ThiDuaWeb

/// The .xlsx downloads: each the workbook `thidua … --format xlsx` writes, byte for byte, read
/// back with ThiDua's reader and Python's zipfile; who may fetch them.
@Suite struct SpreadsheetPagesTests {
    static let campaign = "phuong-6-cchc-2023"

    /// The council ward with its review voted, closed and decided.
    static func decidedWard() throws -> TestWard {
        let ward = try CouncilPagesTests.ward()
        let office = BackOffice(workspace: ward.workspace, registry: ward.site.registry)
        let context = ActionContext(actor: "canbo", today: CivilDate(year: 2023, month: 11, day: 20)!, now: { "2023-11-20T01:00:00.000Z" })
        let nominees = try #require(try office.open(campaign).state.openReview?.nominees)
        let votes = Dictionary(uniqueKeysWithValues: nominees.map { ($0.id, Vote.agree) })
        _ = try office.vote(campaign, ballots: [("Nguyễn Văn An", votes), ("Trần Thị Bình", votes)], sheet: nil, as: context)
        _ = try office.closeReview(campaign, absent: [], meetingDate: nil, as: context)
        _ = try office.decide(campaign, date: CivilDate(year: 2023, month: 11, day: 25)!, number: nil, as: context)
        return ward
    }

    /// Path, the CLI arguments writing the same workbook (nil: no CLI twin), a sheet it must have.
    static func downloads(today: String) -> [(String, [String]?, String)] {
        [
            ("/bang-tinh/danh-sach", ["roster", "list", "--format", "xlsx"], "Đơn vị"),
            ("/bang-tinh/tinh-hinh", ["status", "--format", "xlsx"], "Chưa nộp"),
            ("/bang-tinh/khen-thuong/2023", ["awards", "--year", "2023", "--format", "xlsx"], "Khen thưởng 2023"),
            ("/bang-tinh/tong-hop/2023", ["doc", "--year", "2023", "--format", "xlsx"], ""),
            ("/bang-tinh/qua-trinh?doi-tuong=van%20phong", ["record", "van phong", "--format", "xlsx"], "Quá trình khen thưởng"),
            ("/bang-tinh/phong-trao/\(campaign)/danh-gia?ky=2023", ["evaluate", campaign, "--period", "2023", "--format", "xlsx"], "Tập thể"),
            ("/bang-tinh/phong-trao/\(campaign)/quyet-dinh/0", ["doc", campaign, "quyet-dinh", "--format", "xlsx"], ""),
        ]
    }

    /// Runs the command line in the ward and returns the one .xlsx it wrote.
    static func cli(_ ward: TestWard, _ arguments: [String], today: String) throws -> [UInt8] {
        let folder = ward.root.appendingPathComponent("cli-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let doc = arguments.first == "doc"
        let out = doc ? ["--out", folder.path] : ["--out", folder.appendingPathComponent("bang.xlsx").path]
        let capture = CapturingConsole()
        let code = CLI.run(["--workspace", ward.root.path, "--today", today] + arguments + out, console: capture.console, currentDirectory: ward.root.path)
        #expect(code == 0, "\(arguments): \(capture.errors)")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".xlsx") })
        return Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    @Test func everyListDownloadsAsTheWorkbookTheCommandWrites() throws {
        let ward = try Self.decidedWard()
        let today = WebClock.civilDate(ward.clock.now).iso
        for login in ["canbo", "xem"] {
            let browser = TestBrowser(ward.app)
            try browser.logIn(login)
            let index = try browser.get("/bang-tinh")
            #expect(index.status.code == 200)
            for (path, arguments, sheet) in Self.downloads(today: today) {
                let plain = String(path.split(separator: "?").first ?? "")
                #expect(index.bodyText.contains(plain) || path.contains("qua-trinh"), "\(path) linked from /bang-tinh")
                let response = try browser.get(path)
                #expect(response.status.code == 200, "\(path): \(response.bodyText.prefix(300))")
                #expect(response.headers["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                let disposition = response.headers["Content-Disposition"] ?? ""
                #expect(disposition.hasPrefix("attachment; filename=\"") && disposition.hasSuffix(".xlsx\""), "\(disposition)")
                #expect(response.headers["X-Content-Type-Options"] == "nosniff")
                // It opens with ThiDua's own reader, with the sheet the command's workbook has.
                let (tables, problems) = SpreadsheetReader.readAll(response.body, file: path)
                #expect(!problems.hasErrors, "\(path): \(problems.map(\.rendered))")
                #expect(!tables.isEmpty)
                if !sheet.isEmpty { #expect(tables.map(\.name).contains(sheet), "\(path): \(tables.map(\.name))") }
                // And it is the very file the command line writes.
                if let arguments, login == "canbo" {
                    #expect(response.body == (try Self.cli(ward, arguments, today: today)), "\(path) differs from thidua \(arguments.joined(separator: " "))")
                }
            }
        }
        // The decision's list has the decided unit on it.
        let browser = TestBrowser(ward.app)
        try browser.logIn("canbo")
        let decision = try browser.get("/bang-tinh/phong-trao/\(Self.campaign)/quyet-dinh/0").body
        let (tables, _) = SpreadsheetReader.readAll(decision, file: "quyet-dinh.xlsx")
        #expect(tables.contains { $0.rows.contains { $0.cells.contains { $0.text.contains("Văn phòng HĐND và UBND") } } })
    }

    @Test func pythonZipfileOpensTheDownload() throws {
        let ward = try Self.decidedWard()
        let browser = TestBrowser(ward.app)
        try browser.logIn("xem")
        let book = try browser.get("/bang-tinh/khen-thuong/2023")
        let file = ward.root.appendingPathComponent("khen-thuong.xlsx")
        try Data(book.body).write(to: file)
        let script = """
            import sys, zipfile, xml.dom.minidom
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            names = z.namelist()
            for name in names:
                if name.endswith(".xml") or name.endswith(".rels"):
                    xml.dom.minidom.parseString(z.read(name))
            print(" ".join(sorted(names)))
            """
        let names = try python(["-c", script, file.path])
        #expect(names.contains("xl/workbook.xml") && names.contains("[Content_Types].xml") && names.contains("xl/worksheets/sheet1.xml"))
    }

    @Test func recordFormErrorsAndWrongYears() throws {
        let ward = try Self.decidedWard()
        let browser = TestBrowser(ward.app)
        try browser.logIn("canbo")
        let empty = try browser.get("/bang-tinh/qua-trinh?doi-tuong=")
        #expect(empty.status.code == 422)
        #expect(empty.bodyText.contains("<title>Lỗi: ") && empty.bodyText.contains("Nhập mã hoặc tên đơn vị, cá nhân"))
        let unknown = try browser.get("/bang-tinh/qua-trinh?doi-tuong=kh%C3%B4ng%20c%C3%B3%20ai")
        #expect(unknown.status.code == 422)
        #expect(unknown.bodyText.contains("Không tìm thấy đơn vị hay cá nhân «không có ai»"))
        #expect(unknown.bodyText.contains("value=\"không có ai\""))
        for path in [
            "/bang-tinh/khen-thuong/20x3", "/bang-tinh/tong-hop/99", "/bang-tinh/phong-trao/khong-co/danh-gia",
            "/bang-tinh/phong-trao/\(Self.campaign)/quyet-dinh/5",
        ] {
            #expect(try browser.get(path).status.code == 404, "\(path)")
        }
        #expect(try browser.get("/bang-tinh/phong-trao/\(Self.campaign)/danh-gia?ky=sai").status.code == 404)
    }

    /// Every spreadsheet route × every role: readers get it, the others 403, signed out 303.
    @Test func spreadsheetRoutesByRole() throws {
        let ward = try Self.decidedWard()
        let paths = ["/bang-tinh"] + Self.downloads(today: "").map(\.0)
        for (login, code) in [("", 303), ("quantri", 200), ("canbo", 200), ("xem", 200), ("vanphong", 403), ("hoidong", 403)] {
            let browser = TestBrowser(ward.app)
            if !login.isEmpty { try browser.logIn(login) }
            for path in paths {
                #expect(try browser.get(path).status.code == code, "\(login.isEmpty ? "khách" : login) GET \(path)")
            }
        }
    }
}
