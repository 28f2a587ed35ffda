import Foundation
import Testing

/// A workspace configured from files only (docs/examples/mttq-*): a plan issued by the ward's
/// Front committee for its member organisations and Party cells, with unit kinds of its own,
/// a form of its own with a deadline, and its own reviewing body and upward addressee.
struct FrontCommitteeWorkspace {
    let ws: TemporaryWorkspace
    static let campaign = "mttq-minh-xuan-cds-2026"

    init() throws {
        ws = try TemporaryWorkspace(campaigns: [])
        let files = FileManager.default
        let examples = Harness.root.appendingPathComponent("docs/examples")
        try files.createDirectory(at: ws.root.appendingPathComponent("tables"), withIntermediateDirectories: true)
        for (from, to) in [
            ("types/chuyen-doi-so.json", "types/chuyen-doi-so.json"),
            ("directives/tuyen-quang-cds-2026.json", "directives/tuyen-quang-cds-2026.json"),
            ("directives/minh-xuan-du-cds-2026.json", "directives/minh-xuan-du-cds-2026.json"),
        ] {
            try files.copyItem(at: Harness.root.appendingPathComponent(from), to: ws.root.appendingPathComponent(to))
        }
        try files.copyItem(
            at: examples.appendingPathComponent("\(Self.campaign).json"), to: ws.root.appendingPathComponent("campaigns/\(Self.campaign).json"))
        try files.copyItem(at: examples.appendingPathComponent("mttq-unit-kinds.json"), to: ws.root.appendingPathComponent("tables/unit-kinds.json"))
    }

    func example(_ name: String) -> String { Harness.root.appendingPathComponent("docs/examples/\(name)").path }
}

@Suite("A plan of the Front committee, configured from files only")
struct FrontCommitteeWorkflowTests {
    @Test("check passes; enrol → submit (own form before its deadline) → evaluate → documents print the committee's header and signer")
    func wholeCycle() throws {
        let f = try FrontCommitteeWorkspace()
        defer { f.ws.remove() }
        let ws = f.ws
        let campaign = FrontCommitteeWorkspace.campaign
        let check = ws.run(["check"])
        #expect(check.code == 0, "\(check.output)\(check.errors)")
        #expect(check.output.contains("✓ campaigns/\(campaign).json"), "\(check.output)")

        let imported = ws.run(["roster", "import", f.example("mttq-don-vi.csv"), f.example("mttq-ca-nhan.csv")])
        #expect(imported.code == 0, "\(imported.errors)")
        #expect(imported.output.contains("Đã nhập 6 đơn vị, 3 cá nhân"), "\(imported.output)")
        // By the plan's groups: member organisations and Party cells, not the tổ dân phố.
        let enrolled = ws.run(["enroll", campaign])
        #expect(enrolled.code == 0, "\(enrolled.errors)")
        #expect(enrolled.output.contains("Đã ghi danh 5 đơn vị, 3 cá nhân"), "\(enrolled.output)")
        let nobody = ws.run(["enroll", campaign, "--unit-kinds", "công an"])
        #expect(nobody.code != 0)
        #expect(nobody.errors.contains("không có đơn vị nào thuộc loại «Công an»"), "\(nobody.errors)")

        // The plan's own registration form, counted where the type's would be (countedForms).
        let registration = ws.write("dk.csv", "\"Tổ chức, chi bộ\",Nội dung đăng ký\nChi bộ khu dân cư số 1,Vận động nhân dân cài đặt VNeID\n")
        #expect(ws.run(["submit", campaign, "dang-ky-mttq", registration], today: "2026-03-20").code == 0)
        let pledge = ws.write(
            "ck.csv", "Chi bộ,Số đảng viên cam kết,Nội dung cam kết\nChi bộ Trường THCS Minh Xuân,12,Gương mẫu dùng dịch vụ công trực tuyến\n")
        let pledged = ws.run(["submit", campaign, "cam-ket-chi-bo", pledge], today: "2026-04-10")
        #expect(pledged.code == 0, "\(pledged.errors)")
        #expect(pledged.output.contains("Bản cam kết của chi bộ"), "\(pledged.output)")
        let report = ws.write(
            "bc.csv", "\"Cơ quan, đơn vị, tổ dân phố\",Kỳ báo cáo,Số buổi tập huấn kỹ năng số đã tổ chức\nChi bộ khu dân cư số 1,Cả năm,6\n")
        #expect(ws.run(["submit", campaign, "bao-cao-chi-tieu", report], today: "2026-11-10").code == 0)

        let evaluation = ws.run(["evaluate", campaign, "--period", "2026"])
        #expect(evaluation.code == 0, "\(evaluation.errors)")
        #expect(evaluation.output.contains("Chi bộ Trường THCS Minh Xuân"), "\(evaluation.output)")
        #expect(evaluation.output.contains("Hội Liên hiệp Phụ nữ phường"))
        #expect(evaluation.output.contains("Phiếu đăng ký thi đua chuyển đổi số đã nộp năm 2026 1 ≥ 1"), "\(evaluation.output)")
        #expect(evaluation.output.contains("1/5 đơn vị đã nộp «Phiếu đăng ký thi đua của tổ chức thành viên, chi bộ»"))

        let plan = ws.run(["doc", campaign, "plan"])
        #expect(plan.code == 0, "\(plan.errors)")
        for line in ["**ỦY BAN MTTQ VIỆT NAM**", "**BAN THƯỜNG TRỰC**", "Số:      /KH-MTTQ-BTT", "**TM. BAN THƯỜNG TRỰC**", "**Hoàng Thị Lan**"] {
            #expect(plan.output.contains(line), "missing «\(line)» in the plan")
        }
        #expect(!plan.output.contains("ỦY BAN NHÂN DÂN"))
        #expect(plan.output.contains("chậm nhất ngày 15/4/2026"))
        let tongKet = ws.run(["doc", campaign, "tong-ket"])
        #expect(tongKet.code == 0, "\(tongKet.errors)")
        #expect(tongKet.output.contains("/BC-MTTQ-BTT"), "\(tongKet.output.prefix(600))")
        #expect(tongKet.output.contains("**TM. BAN THƯỜNG TRỰC**"))
        #expect(ws.run(["verify"]).code == 0)
    }

    @Test("a participant group naming an undeclared kind fails check with the key, the allowed kinds and a did-you-mean")
    func unknownKind() throws {
        let f = try FrontCommitteeWorkspace()
        defer { f.ws.remove() }
        let url = f.ws.root.appendingPathComponent("campaigns/\(FrontCommitteeWorkspace.campaign).json")
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"chi-bo-truong-hoc\"\n", with: "\"chi-bo-truong-hocc\"\n").utf8).write(to: url)
        let check = f.ws.run(["check"])
        #expect(check.code != 0)
        let all = check.output + check.errors
        #expect(all.contains("participants[1].unitKinds[1]"), "\(all)")
        #expect(all.contains("loại đơn vị «chi-bo-truong-hocc» không có"), "\(all)")
        #expect(all.contains("«Chi bộ trường học» (chi-bo-truong-hoc)"), "\(all)")
        #expect(all.contains("có phải ý bạn là «chi-bo-truong-hoc»?"), "\(all)")
    }

    @Test("countedForms naming an event or a form that does not exist fails check with what is allowed")
    func unknownCountedForm() throws {
        let f = try FrontCommitteeWorkspace()
        defer { f.ws.remove() }
        let url = f.ws.root.appendingPathComponent("campaigns/\(FrontCommitteeWorkspace.campaign).json")
        let text = try String(contentsOf: url, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "\"event\": \"dang-ky\"", with: "\"event\": \"dang-kyy\"")
            .replacingOccurrences(of: "\"form\": \"dang-ky-mttq\"\n", with: "\"form\": \"dang-ky-mtq\"\n")
        try Data(broken.utf8).write(to: url)
        let check = f.ws.run(["check"])
        #expect(check.code != 0)
        let all = check.output + check.errors
        #expect(all.contains("countedForms[0].event: loại «chuyen-doi-so» không đếm «dang-kyy»; có thể đếm: dang-ky, bao-cao-chi-tieu"), "\(all)")
        #expect(all.contains("có phải ý bạn là «dang-ky»?"))
        #expect(all.contains("countedForms[0].form: không có biểu mẫu «dang-ky-mtq»"), "\(all)")
    }
}
