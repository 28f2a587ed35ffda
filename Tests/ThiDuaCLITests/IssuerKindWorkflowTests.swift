import Foundation
import Testing

/// Plans of a Đảng ủy and of the Đoàn configured from files only (docs/examples/dang-uy-*,
/// doan-*): they name an issuer kind and get its header, heading, number style and signer.
struct IssuerKindWorkspace {
    let ws: TemporaryWorkspace
    let campaign: String

    init(_ campaign: String) throws {
        self.campaign = campaign
        ws = try TemporaryWorkspace(campaigns: [])
        let files = FileManager.default
        try files.createDirectory(at: ws.root.appendingPathComponent("tables"), withIntermediateDirectories: true)
        for path in ["types/chuyen-doi-so.json", "directives/tuyen-quang-cds-2026.json", "directives/minh-xuan-du-cds-2026.json"] {
            try files.copyItem(at: Harness.root.appendingPathComponent(path), to: ws.root.appendingPathComponent(path))
        }
        let examples = Harness.root.appendingPathComponent("docs/examples")
        try files.copyItem(
            at: examples.appendingPathComponent("\(campaign).json"), to: ws.root.appendingPathComponent("campaigns/\(campaign).json"))
        try files.copyItem(at: examples.appendingPathComponent("mttq-unit-kinds.json"), to: ws.root.appendingPathComponent("tables/unit-kinds.json"))
    }

    var planURL: URL { ws.root.appendingPathComponent("campaigns/\(campaign).json") }

    func example(_ name: String) -> String { Harness.root.appendingPathComponent("docs/examples/\(name)").path }

    /// check → roster → enrol → submit → evaluate, as a ward would run it.
    func runCycle() {
        let check = ws.run(["check"])
        #expect(check.code == 0, "\(check.output)\(check.errors)")
        #expect(check.output.contains("✓ campaigns/\(campaign).json"), "\(check.output)")
        #expect(ws.run(["roster", "import", example("mttq-don-vi.csv"), example("mttq-ca-nhan.csv")]).code == 0)
        let enrolled = ws.run(["enroll", campaign])
        #expect(enrolled.output.contains("Đã ghi danh 5 đơn vị, 3 cá nhân"), "\(enrolled.output)\(enrolled.errors)")
        let registration = ws.write("dk.csv", "\"Tổ chức, chi bộ\",Nội dung đăng ký\nChi bộ khu dân cư số 1,Vận động nhân dân cài đặt VNeID\n")
        #expect(ws.run(["submit", campaign, "dang-ky-mttq", registration], today: "2026-03-20").code == 0)
        let report = ws.write(
            "bc.csv", "\"Cơ quan, đơn vị, tổ dân phố\",Kỳ báo cáo,Số buổi tập huấn kỹ năng số đã tổ chức\nChi bộ khu dân cư số 1,Cả năm,6\n")
        #expect(ws.run(["submit", campaign, "bao-cao-chi-tieu", report], today: "2026-11-10").code == 0)
        let evaluation = ws.run(["evaluate", campaign, "--period", "2026"])
        #expect(evaluation.code == 0, "\(evaluation.errors)")
        #expect(evaluation.output.contains("Phiếu đăng ký thi đua chuyển đổi số đã nộp năm 2026 1 ≥ 1"), "\(evaluation.output)")
    }
}

@Suite("Issuer kinds: a Đảng ủy and a Đoàn plan from files only")
struct IssuerKindWorkflowTests {
    @Test("a Đảng ủy plan passes check, runs the cycle and prints the Party's header, number and signer")
    func partyCommittee() throws {
        let f = try IssuerKindWorkspace("dang-uy-minh-xuan-cds-2026")
        defer { f.ws.remove() }
        f.runCycle()
        let plan = f.ws.run(["doc", f.campaign, "plan"])
        #expect(plan.code == 0, "\(plan.errors)")
        for line in [
            "ĐẢNG BỘ TỈNH TUYÊN QUANG", "**ĐẢNG ỦY PHƯỜNG MINH XUÂN**", "\\*", "Số      -KH/ĐU", "**ĐẢNG CỘNG SẢN VIỆT NAM**",
            "**T/M ĐẢNG ỦY**", "**BÍ THƯ**", "**Nguyễn Văn Bình**",
        ] {
            #expect(plan.output.contains(line), "missing «\(line)» in the plan")
        }
        #expect(!plan.output.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(!plan.output.contains("ỦY BAN NHÂN DÂN"))
        let tongKet = f.ws.run(["doc", f.campaign, "tong-ket"])
        #expect(tongKet.output.contains("Số      -BC/ĐU"), "\(tongKet.output.prefix(400))")
        #expect(tongKet.output.contains("**T/M ĐẢNG ỦY**"))
        // The reminder letter in the công văn layout, for what is overdue on 20/4/2026.
        let letter = f.ws.run(["doc", f.campaign, "cong-van"], today: "2026-04-20")
        #expect(letter.code == 0, "\(letter.errors)")
        for line in [
            "Số      -CV/ĐU", "V/v đôn đốc đăng ký thi đua, gửi bản cam kết của chi bộ", "Kính gửi:", "\\- Chi bộ khu dân cư số 2;",
            "Kế hoạch số      -KH/ĐU", "(hạn chậm nhất ngày 15/4/2026; đã nhận 0/5)", "**T/M ĐẢNG ỦY**",
        ] {
            #expect(letter.output.contains(line), "missing «\(line)» in the letter:\n\(letter.output)")
        }
        #expect(!letter.output.contains("## "), "a công văn has no type name")
        #expect(f.ws.run(["verify"]).code == 0)
    }

    @Test("a Đoàn plan passes check, runs the cycle, prints the Đoàn's header and its own deputy signer")
    func youthUnion() throws {
        let f = try IssuerKindWorkspace("doan-minh-xuan-cds-2026")
        defer { f.ws.remove() }
        f.runCycle()
        let plan = f.ws.run(["doc", f.campaign, "plan"])
        for line in [
            "BCH TỈNH TUYÊN QUANG", "**BCH ĐOÀN PHƯỜNG MINH XUÂN**", "\\*\\*\\*", "Số:      -KH/ĐTN", "**ĐOÀN TNCS HỒ CHÍ MINH**",
            "**TM. BAN THƯỜNG VỤ**", "**PHÓ BÍ THƯ**", "**Lê Minh Tuấn**",
        ] {
            #expect(plan.output.contains(line), "missing «\(line)» in the plan")
        }
        #expect(!plan.output.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        let soKet = f.ws.run(["doc", f.campaign, "so-ket", "--period", "2026-6t"])
        #expect(soKet.output.contains("Số:      -BC/ĐTN"), "\(soKet.output.prefix(400))")
    }

    @Test("the công văn renders as HTML and DOCX: V/v under the number, Kính gửi, no type name")
    func letterFormats() throws {
        let f = try IssuerKindWorkspace("dang-uy-minh-xuan-cds-2026")
        defer { f.ws.remove() }
        #expect(f.ws.run(["roster", "import", f.example("mttq-don-vi.csv"), f.example("mttq-ca-nhan.csv")]).code == 0)
        #expect(f.ws.run(["enroll", f.campaign]).code == 0)
        let out = f.ws.root.appendingPathComponent("cv")
        let html = f.ws.run(["doc", f.campaign, "cong-van", "--format", "html", "--out", out.path], today: "2026-04-20")
        #expect(html.code == 0, "\(html.errors)")
        let page = try String(contentsOf: out.appendingPathComponent("\(f.campaign)-cong-van-don-doc.html"), encoding: .utf8)
        #expect(page.contains("<div class=\"subject\">V/v đôn đốc đăng ký thi đua"), "\(page.prefix(1500))")
        #expect(page.contains("<div class=\"mark\">*</div>"))
        #expect(page.contains("<div class=\"national\">ĐẢNG CỘNG SẢN VIỆT NAM</div>"))
        #expect(!page.contains("Độc lập - Tự do - Hạnh phúc"))
        #expect(page.contains("Kính gửi:"))
        let docx = f.ws.run(["doc", f.campaign, "cong-van", "--format", "docx", "--out", out.path], today: "2026-04-20")
        #expect(docx.code == 0, "\(docx.errors)")
        let data = try Data(contentsOf: out.appendingPathComponent("\(f.campaign)-cong-van-don-doc.docx"))
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a DOCX is a ZIP archive")
        // Nothing overdue yet: no letter, and a Vietnamese reason.
        let early = f.ws.run(["doc", f.campaign, "cong-van"], today: "2026-03-10")
        #expect(early.code != 0)
        #expect(early.errors.contains("chưa cần công văn đôn đốc"), "\(early.errors)")
    }

    @Test("an unknown issuer kind fails check with the key, the kinds allowed and a did-you-mean")
    func unknownKind() throws {
        let f = try IssuerKindWorkspace("dang-uy-minh-xuan-cds-2026")
        defer { f.ws.remove() }
        let text = try String(contentsOf: f.planURL, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"kind\": \"dang-uy\"", with: "\"kind\": \"dang-uyy\"").utf8).write(to: f.planURL)
        let check = f.ws.run(["check"])
        #expect(check.code != 0)
        let all = check.output + check.errors
        #expect(all.contains("issuer.kind"), "\(all)")
        #expect(all.contains("loại cơ quan ban hành «dang-uyy» không có"), "\(all)")
        #expect(all.contains("«Đoàn TNCS Hồ Chí Minh xã, phường» (doan)"), "\(all)")
        #expect(all.contains("có phải ý bạn là «dang-uy»?"), "\(all)")
    }

    @Test("a kind whose wording needs the locality: a plan without one fails check naming issuer.locality")
    func missingLocality() throws {
        let f = try IssuerKindWorkspace("dang-uy-minh-xuan-cds-2026")
        defer { f.ws.remove() }
        let text = try String(contentsOf: f.planURL, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"locality\": \"phường Minh Xuân\",", with: "").utf8).write(to: f.planURL)
        let check = f.ws.run(["check"])
        #expect(check.code != 0)
        #expect((check.output + check.errors).contains("issuer.locality"), "\(check.output)\(check.errors)")
    }

    @Test("a workspace declares a kind of its own in tables/issuer-kinds.json and a plan field overrides it")
    func workspaceKind() throws {
        let f = try IssuerKindWorkspace("dang-uy-minh-xuan-cds-2026")
        defer { f.ws.remove() }
        let table = """
            {"issuerKinds": [{"id": "cong-doan", "label": "Công đoàn cơ sở", "name": "Công đoàn cơ sở {địa bàn}",
              "upperLine": "LĐLĐ {CẤP TRÊN}", "headerLines": ["CÔNG ĐOÀN CƠ SỞ", "{ĐỊA BÀN}"], "symbol": "CĐCS",
              "signer": {"authority": "TM. BAN CHẤP HÀNH", "title": "CHỦ TỊCH"}}]}
            """
        _ = f.ws.write("tables/issuer-kinds.json", table)
        var text = try String(contentsOf: f.planURL, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"kind\": \"dang-uy\"", with: "\"kind\": \"cong-doan\", \"upperLine\": \"LIÊN ĐOÀN LAO ĐỘNG TỈNH TUYÊN QUANG\"")
        try Data(text.utf8).write(to: f.planURL)
        let check = f.ws.run(["check"])
        #expect(check.code == 0, "\(check.output)\(check.errors)")
        #expect(check.output.contains("✓ tables/issuer-kinds.json — danh mục 8 loại cơ quan ban hành"), "\(check.output)")
        let plan = f.ws.run(["doc", f.campaign, "plan"])
        for line in [
            "LIÊN ĐOÀN LAO ĐỘNG TỈNH TUYÊN QUANG", "**CÔNG ĐOÀN CƠ SỞ**", "**PHƯỜNG MINH XUÂN**", "Số:      /KH-CĐCS", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**",
        ] {
            #expect(plan.output.contains(line), "missing «\(line)»:\n\(plan.output.prefix(500))")
        }
    }

    @Test("thidua new --issuer dang-uy writes a plan that names the kind and prints the Party's header; an unknown kind is refused")
    func newWithIssuer() throws {
        let f = try IssuerKindWorkspace("dang-uy-minh-xuan-cds-2026")
        defer { f.ws.remove() }
        let made = f.ws.run(["new", "chuyen-doi-so", "--id", "an-binh-du-cds-2026", "--issuer", "dang-uy", "--directive", "minh-xuan-du-cds-2026"])
        #expect(made.code == 0, "\(made.errors)")
        let text = try String(contentsOf: f.ws.root.appendingPathComponent("campaigns/an-binh-du-cds-2026.json"), encoding: .utf8)
        #expect(text.contains("\"kind\": \"dang-uy\""))
        #expect(text.contains("\"upperLocality\": \"tỉnh Tuyên Quang\""))
        #expect(!text.contains("\"symbol\""), "the kind gives the symbol")
        #expect(text.contains("Đảng ủy [CẦN ĐIỀN: xã hoặc phường và tên, ví dụ phường Minh Xuân] ban hành Kế hoạch"))
        #expect(f.ws.run(["check", "an-binh-du-cds-2026", "--draft"]).code == 0)
        let plan = f.ws.run(["doc", "an-binh-du-cds-2026", "plan"])
        for line in ["ĐẢNG BỘ TỈNH TUYÊN QUANG", "**ĐẢNG CỘNG SẢN VIỆT NAM**", "Số      -KH/ĐU", "**T/M ĐẢNG ỦY**"] {
            #expect(plan.output.contains(line), "missing «\(line)»")
        }
        let wrong = f.ws.run(["new", "chuyen-doi-so", "--id", "x-2026", "--issuer", "dang-uyy"])
        #expect(wrong.code != 0)
        #expect(wrong.errors.contains("Có phải ý bạn là «dang-uy»?"), "\(wrong.errors)")
        #expect(!FileManager.default.fileExists(atPath: f.ws.root.appendingPathComponent("campaigns/x-2026.json").path))
    }

    @Test("a faulty tables/issuer-kinds.json is reported by check with the key and line")
    func faultyTable() throws {
        let f = try IssuerKindWorkspace("dang-uy-minh-xuan-cds-2026")
        defer { f.ws.remove() }
        _ = f.ws.write(
            "tables/issuer-kinds.json",
            #"{"issuerKinds": [{"id": "Cong Doan", "label": "Công đoàn", "name": "Công đoàn {xã}", "headerLines": [], "symbol": "CĐ", "signer": {"title": "CHỦ TỊCH"}}]}"#
        )
        let check = f.ws.run(["check"])
        #expect(check.code != 0)
        let all = check.output + check.errors
        #expect(all.contains("✗ tables/issuer-kinds.json"), "\(all)")
        #expect(all.contains("issuerKinds[0].id"), "\(all)")
        #expect(all.contains("issuerKinds[0].headerLines: cần ít nhất một dòng tên cơ quan ban hành"), "\(all)")
        #expect(all.contains("chỗ điền «{xã}» không có"), "\(all)")
    }
}
