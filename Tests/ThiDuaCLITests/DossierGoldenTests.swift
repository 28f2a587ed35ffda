import Foundation
import Testing

/// One whole cycle of the Nam Gia Nghĩa plan (Cải cách hành chính, seed 004) through the command
/// line, every day given with `--today` and the same actor, so that every document of the
/// dossier comes out the same bytes on every run: roster, enrolment, launch, a type form, the
/// self-assessments and indicator results, an appraisal, the council review with a nominee
/// proposed upward, and the decision.
enum DossierCycle {
    static let campaign = "nam-gia-nghia-cchc-2026"

    static let units = """
        Mã,Tên đơn vị,Loại,Trực thuộc
        van-phong,Văn phòng HĐND và UBND,phòng/ban,
        phong-vhxh,Phòng Văn hóa – Xã hội,phòng/ban,
        tdp-1,Tổ dân phố 1,tổ dân phố,

        """

    static let people = """
        Họ và tên,Chức vụ,Đơn vị,Ngày sinh
        Nguyễn Thị Lan,Chánh Văn phòng,Văn phòng HĐND và UBND,12/03/1985
        Trần Văn Hùng,Chuyên viên,Văn phòng HĐND và UBND,
        Lê Thị Mai,Trưởng phòng,Phòng Văn hóa – Xã hội,
        Phạm Quốc Việt,Tổ trưởng,Tổ dân phố 1,

        """

    static let tthc = """
        "Cơ quan, đơn vị",Kỳ báo cáo,Tỷ lệ hồ sơ đúng hạn (%),Tỷ lệ dịch vụ công trực tuyến toàn trình (%),Tỷ lệ thanh toán trực tuyến (%),Tỷ lệ số hóa kết quả (%),Tỷ lệ luân chuyển điện tử (%),Mức độ hài lòng (%),Tỷ lệ không phải cung cấp lại giấy tờ (%)
        Văn phòng HĐND và UBND,6 tháng,99.2,82,100,98.5,86,97.8,96

        """

    static let collective = """
        "Cơ quan, đơn vị",Tiêu chí,Tự đánh giá đạt,Điểm tự chấm,"Tài liệu, minh chứng"
        Văn phòng HĐND và UBND,ky-luat-ky-cuong,có,,
        Văn phòng HĐND và UBND,sang-kien,có,,Quyết định công nhận sáng kiến số 12/QĐ-UBND ngày 15/9/2026
        Phòng Văn hóa – Xã hội,ky-luat-ky-cuong,có,,
        Phòng Văn hóa – Xã hội,dan-dau,không,,
        Văn phòng HĐND và UBND,doi-moi-giai-quyet-tthc,có,,Tiếp nhận hồ sơ không phụ thuộc địa giới hành chính từ 01/7/2026
        Văn phòng HĐND và UBND,cong-khai-luan-chuyen-thanh-toan,có,,
        Văn phòng HĐND và UBND,truc-tuyen-dung-han,có,,
        Văn phòng HĐND và UBND,so-hoa-ket-qua-tthc,có,,
        Văn phòng HĐND và UBND,hai-long-khong-cung-cap-lai,có,,Kết quả khảo sát tháng 10/2026
        Phòng Văn hóa – Xã hội,doi-moi-giai-quyet-tthc,có,,
        Phòng Văn hóa – Xã hội,cong-khai-luan-chuyen-thanh-toan,có,,
        Phòng Văn hóa – Xã hội,truc-tuyen-dung-han,không,,
        Phòng Văn hóa – Xã hội,so-hoa-ket-qua-tthc,có,,
        Phòng Văn hóa – Xã hội,hai-long-khong-cung-cap-lai,không,,

        """

    static let individual = """
        Họ và tên,Tiêu chí,Tự đánh giá đạt,Điểm tự chấm,"Tài liệu, minh chứng"
        Nguyễn Thị Lan,ky-luat-ky-cuong,có,,
        Trần Văn Hùng,ky-luat-ky-cuong,có,,
        Trần Văn Hùng,truc-tiep-tham-muu,có,,
        Lê Thị Mai,ky-luat-ky-cuong,có,,
        Lê Thị Mai,sang-kien,có,,

        """

    /// The Văn phòng proposes Nguyễn Thị Lan (3.2 b, "được đơn vị xét chọn, đề xuất"): the CCHC
    /// type's proposal form, sent by the unit, not a line of her self-assessment.
    static let proposal = """
        "Cơ quan, đơn vị",Họ và tên người được đề xuất,"Thành tích xuất sắc, tiêu biểu trong thực hiện tham mưu cải cách hành chính","Văn bản xét chọn, đề xuất của đơn vị (số, ngày)"
        Văn phòng HĐND và UBND,Nguyễn Thị Lan,"Tham mưu triển khai tiếp nhận, trả kết quả hồ sơ thủ tục hành chính không phụ thuộc địa giới hành chính",Công văn số 45/VP ngày 02/11/2026

        """

    static let indicators = """
        "Cơ quan, đơn vị (để trống nếu là số liệu chung)",Cá nhân (nếu chỉ tiêu tính cho cá nhân),Chỉ tiêu,Kết quả,Kết quả năm trước,Năm,"Tài liệu, minh chứng"
        ,,dung-han,99.4,98.1,2026,Báo cáo của Trung tâm Phục vụ hành chính công
        ,,hai-long,97.5,,2026,Kết quả khảo sát tháng 10/2026
        ,,cong-khai-tthc,100,,2026,
        ,,luan-chuyen-dien-tu,85,,2026,

        """

    static let council = """
        Họ và tên,Chức vụ trong Hội đồng
        Phan Văn Quốc,Chủ tịch Hội đồng
        Trần Văn Hùng,Thư ký
        Lê Văn Cường,Ủy viên
        Phạm Thị Dung,Ủy viên
        Hoàng Văn Em,Ủy viên
        Vũ Thị Giang,Ủy viên

        """

    static let nominees = """
        Đối tượng,Hình thức
        Văn phòng HĐND và UBND,Giấy khen của Chủ tịch Ủy ban nhân dân phường
        Lê Thị Mai,Giấy khen của Chủ tịch Ủy ban nhân dân phường
        Nguyễn Thị Lan,Giấy khen của Chủ tịch Ủy ban nhân dân phường
        Trần Văn Hùng,Giấy khen của Chủ tịch Ủy ban nhân dân phường
        Văn phòng HĐND và UBND,Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh

        """

    /// Every member votes on every nominee: Trần Văn Hùng does not vote on himself, Hoàng Văn Em
    /// disagrees with Lê Thị Mai.
    static var ballots: String {
        var lines = ["Thành viên,Mã đề cử,Biểu quyết"]
        for member in ["Phan Văn Quốc", "Trần Văn Hùng", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"] {
            for nominee in 1...5 {
                let vote =
                    member == "Trần Văn Hùng" && nominee == 4
                    ? "xung đột lợi ích" : member == "Hoàng Văn Em" && nominee == 2 ? "không đồng ý" : "đồng ý"
                lines.append("\(member),\(nominee),\(vote)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A fresh workspace with the whole cycle run; a failed step is recorded as an issue.
    static func run(sourceLocation: SourceLocation = #_sourceLocation) throws -> TemporaryWorkspace {
        let ws = try TemporaryWorkspace(campaigns: [campaign])
        func step(_ arguments: [String], _ today: String) {
            let result = ws.run(arguments, today: today)
            #expect(result.code == 0, "\(arguments.joined(separator: " ")): \(result.errors)", sourceLocation: sourceLocation)
        }
        step(["roster", "import", ws.write("don-vi.csv", units), ws.write("ca-nhan.csv", people)], "2026-03-09")
        step(["enroll", campaign, "--units", "Văn phòng HĐND và UBND,Phòng Văn hóa – Xã hội", "--people-of-units"], "2026-03-10")
        step(["launch", campaign], "2026-03-10")
        step(["submit", campaign, "so-lieu-tthc", ws.write("tthc.csv", tthc)], "2026-06-10")
        step(["submit", campaign, "tu-danh-gia-tap-the", ws.write("tap-the.csv", collective)], "2026-11-05")
        step(["submit", campaign, "tu-danh-gia-ca-nhan", ws.write("ca-nhan-tu-danh-gia.csv", individual)], "2026-11-05")
        step(["submit", campaign, "ket-qua-chi-tieu", ws.write("chi-tieu.csv", indicators)], "2026-11-05")
        step(["submit", campaign, "de-xuat-ca-nhan", ws.write("de-xuat.csv", proposal)], "2026-11-05")
        step(
            [
                "appraise", campaign, "--participant", "Lê Thị Mai", "--item", "sang-kien", "--met", "yes", "--evidence",
                "Quyết định công nhận sáng kiến số 15/QĐ-UBND ngày 20/10/2026", "--reason", "Phòng Văn hóa – Xã hội bổ sung minh chứng",
                "--period", "2026",
            ], "2026-11-12")
        step(
            [
                "review", "open", campaign, "--period", "2026", "--members", ws.write("hoi-dong.csv", council), "--nominees",
                ws.write("de-cu.csv", nominees), "--date", "20/11/2026", "--place", "Phòng họp Ủy ban nhân dân phường",
            ], "2026-11-20")
        step(["review", "vote", campaign, "--file", ws.write("phieu.csv", ballots)], "2026-11-20")
        step(["review", "close", campaign, "--absent", "Vũ Thị Giang"], "2026-11-20")
        step(["decide", campaign, "--date", "01/12/2026", "--number", "35/QĐ-UBND"], "2026-12-01")
        return ws
    }

    /// The documents of one `doc --all` run in `folder`, by file name, without the plan and the
    /// blank forms (they have golden files of their own or none to check).
    static func dossierFiles(in folder: URL) -> [String: String] {
        var out: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            guard !name.contains("-plan."), !name.contains("-form-"),
                let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            else { continue }
            out[name] = text
        }
        return out
    }
}

@Suite("Dossier documents against golden files")
struct DossierGoldenTests {
    static let goldenFolder = Harness.golden.appendingPathComponent("dossier")

    /// Kinds whose files must be among the goldens, by the part of the file name after the campaign.
    static let kinds = [
        "nop-", "so-ket", "tong-ket", "bien-ban", "to-trinh.", "to-trinh-cap-tren", "thanh-tich-", "quyet-dinh", "giay-khen",
    ]

    @Test("every dossier kind of one cycle, and the year's report, match their golden files in Markdown and HTML")
    func goldens() throws {
        let ws = try DossierCycle.run()
        defer { ws.remove() }
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
        }
        var produced: Set<String> = []
        for format in ["md", "html"] {
            let folder = ws.root.appendingPathComponent("out/\(format)")
            let all = ws.run(["doc", DossierCycle.campaign, "--all", "--format", format, "--out", folder.path], today: "2026-12-16")
            #expect(all.code == 0, "\(all.errors)")
            let year = ws.run(["doc", "--year", "2026", "--format", format, "--out", folder.path], today: "2026-12-16")
            #expect(year.code == 0, "\(year.errors)")
            #expect(year.output.contains("tong-hop-khen-thuong-2026.\(format)"), "\(year.output)")
            let files = DossierCycle.dossierFiles(in: folder)
            for kind in Self.kinds + ["tong-hop-khen-thuong-2026"] {
                #expect(
                    files.keys.contains { $0.contains(kind) && $0.hasSuffix(".\(format)") }, "no \(kind) file in \(files.keys.sorted())")
            }
            for (name, text) in files.sorted(by: { $0.key < $1.key }) {
                Harness.assertGolden(text, "dossier/\(name)")
                produced.insert(name)
                // Journal times are never printed: documents carry the days given with --today.
                #expect(text.range(of: #"\d{4}-\d{2}-\d{2}T\d{2}:"#, options: .regularExpression) == nil, "\(name) prints an event time")
            }
        }
        let recorded = (try? FileManager.default.contentsOfDirectory(atPath: Self.goldenFolder.path)) ?? []
        let stale = recorded.filter { !produced.contains($0) }
        #expect(stale.isEmpty, "golden files no document produces any more: \(stale.sorted())")
    }

    @Test("the year's report: campaigns, decision with number and date, amounts, total, and the participant proposed twice")
    func yearReport() throws {
        let ws = try DossierCycle.run()
        defer { ws.remove() }
        let report = ws.run(["doc", "--year", "2026"], today: "2026-12-16")
        #expect(report.code == 0, "\(report.errors)")
        let md = report.output
        for expected in [
            "Số:      /BC-UBND", "ngày … tháng … năm 2026*", "## BÁO CÁO", "**Tổng hợp kết quả thi đua, khen thưởng năm 2026**",
            "Phong trào thi đua “Đẩy mạnh công tác cải cách hành chính nhà nước trên địa bàn phường Nam Gia Nghĩa” năm 2026",
            "Quyết định số 35/QĐ-UBND ngày 01/12/2026", "Quyết định 35/QĐ-UBND",
            "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Đề nghị cấp trên", "Văn phòng HĐND và UBND", "1.410.000", "Ba triệu",
            "IV. ĐỐI TƯỢNG ĐƯỢC ĐỀ NGHỊ KHEN THƯỞNG NHIỀU LẦN", "Cùng loại phong trào", "**Phan Văn Quốc**", "***Nơi nhận:***",
        ] {
            #expect(md.contains(expected), "the year's report lacks «\(expected)»")
        }
        // `awards --year` keeps working and warns about the same participant.
        let awards = ws.run(["awards", "--year", "2026"], today: "2026-12-16")
        #expect(awards.code == 0)
        #expect(awards.output.contains("! Văn phòng HĐND và UBND: 2 lần"), "\(awards.output)")
        // CSV: one file per table, with a BOM.
        let csv = ws.run(["doc", "--year", "2026", "--format", "csv"], today: "2026-12-16")
        #expect(csv.code == 0, "\(csv.errors)")
        #expect(csv.output.hasPrefix("\u{FEFF}TT,Phong trào thi đua"), "\(csv.output.prefix(80))")
        // Errors: a year without campaigns, an argument too many, a bad year.
        let empty = ws.run(["doc", "--year", "2019"])
        #expect(empty.code == 1)
        #expect(empty.errors.contains("Không có phong trào nào diễn ra trong năm 2019"), "\(empty.errors)")
        #expect(ws.run(["doc", DossierCycle.campaign, "--year", "2026"]).code == 64)
        #expect(ws.run(["doc", "--year", "năm nay"]).code == 64)
        #expect(ws.run(["doc", "--year", "2026", "--all", "--out", "x"]).code == 64)
    }

    @Test("sơ kết and tổng kết cite a plan whose number and date are drafts the way the header prints them")
    func draftPlanCitation() {
        for kind in ["so-ket", "tong-ket"] {
            let report = Harness.run(["--today", "2026-12-16", "doc", "nam-gia-nghia-cchc-2026", kind])
            #expect(report.code == 0, "\(report.errors)")
            #expect(
                report.output.contains(
                    "Thực hiện Kế hoạch số      /KH-UBND ngày … tháng … năm 2026 của Ủy ban nhân dân phường Nam Gia Nghĩa về"),
                "\(report.output)")
            #expect(!report.output.contains("ngày năm"))
            let dvk = Harness.run(["--today", "2026-12-16", "doc", "minh-xuan-dvk-2026", kind])
            #expect(
                dvk.output.contains("Kế hoạch số      /KH-UBND ngày … tháng 5 năm 2026 của Ủy ban nhân dân phường Minh Xuân"),
                "\(dvk.output)")
            let dated = Harness.run(["--today", "2026-12-16", "doc", "phung-chi-kien-dvcq-2024", kind])
            #expect(
                dated.output.contains("Kế hoạch số 04/KH-UBND ngày 03/01/2025 của Ủy ban nhân dân phường Phùng Chí Kiên"), "\(dated.output)"
            )
        }
        // HTML keeps the room for the number instead of folding it to one space.
        let html = Harness.run(["--today", "2026-12-16", "doc", "nam-gia-nghia-cchc-2026", "tong-ket", "--format", "html"])
        #expect(html.output.contains("Kế hoạch số &nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/KH-UBND ngày … tháng … năm 2026"))
    }

    @Test("a blank form is dated in the year it is filled, within the campaign's years, not the year the campaign ends")
    func blankFormYear() {
        // Dân vận khéo runs 2026–2030: its forms are filled every year.
        for (today, year) in [("2026-05-20", 2026), ("2028-02-01", 2028), ("2031-01-10", 2030), ("2025-12-01", 2026)] {
            let form = Harness.run(["--today", today, "doc", "minh-xuan-dvk-2026", "form", "--form", "dang-ky-mo-hinh", "--format", "html"])
            #expect(form.code == 0, "\(form.errors)")
            #expect(form.output.contains("Minh Xuân, ngày … tháng … năm \(year)</div>"), "today \(today): \(form.output.prefix(3000))")
        }
        for today in ["2026-03-01", "2030-06-01"] {
            let cds = Harness.run(["--today", today, "doc", "minh-xuan-cds-2026", "form", "--form", "dang-ky-thi-dua", "--format", "html"])
            #expect(cds.code == 0, "\(cds.errors)")
            #expect(cds.output.contains("ngày … tháng … năm 2026</div>"))
            #expect(!cds.output.contains("năm 2030</div>"))
        }
        // `thidua form` (no --today in the builder) prints the campaign's first year.
        let blank = Harness.run(["form", "minh-xuan-dvk-2026", "dang-ky-mo-hinh", "--format", "html"])
        #expect(blank.output.contains("ngày … tháng … năm 2026</div>"))
    }
}
