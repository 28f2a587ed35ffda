import Foundation
import Testing

/// A workspace in a temporary folder with the Minh Xuân campaign and a small roster.
struct TemporaryWorkspace {
    let root: URL

    init(campaigns: [String] = ["minh-xuan-dvk-2026"]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-ws-\(UUID().uuidString)")
        _ = Harness.run(["init", root.path])
        for id in campaigns {
            try FileManager.default.copyItem(
                at: Harness.root.appendingPathComponent("campaigns/\(id).json"), to: root.appendingPathComponent("campaigns/\(id).json"))
        }
    }

    /// A workspace holding one example plan of `docs/examples/` as its only campaign.
    init(example id: String) throws {
        try self.init(campaigns: [])
        try FileManager.default.copyItem(
            at: Harness.root.appendingPathComponent("docs/examples/\(id).json"), to: root.appendingPathComponent("campaigns/\(id).json"))
    }

    func run(_ arguments: [String], today: String = "2026-11-22") -> Harness.Result {
        Harness.run(["--workspace", root.path, "--today", today, "--actor", "Cán bộ Văn phòng"] + arguments)
    }

    func write(_ name: String, _ text: String) -> String {
        let url = root.appendingPathComponent(name)
        try? Data(text.utf8).write(to: url)
        return url.path
    }

    func fixture(_ name: String) -> String { Harness.testsFolder.appendingPathComponent("Fixtures/\(name)").path }

    /// Every file of the workspace with its bytes, to show a failed command changed nothing. Lock
    /// files (empty, made by the first writer that waits for them, ignored by git) are not data.
    func snapshot() -> [String: Data] {
        var out: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.path.hasSuffix(".lock") { continue }
            // The cache (`.thidua/`) may be written by any command; it is not the workspace's content.
            if url.path.contains("/.thidua/") || url.lastPathComponent == ".thidua" { continue }
            if let data = FileManager.default.contents(atPath: url.path) { out[url.path] = data }
        }
        return out
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite("Workspace, roster, forms and status")
struct WorkflowTests {
    // Minh Xuân's plan is issued in May 2026, so its first 15/02 registration round is 2027's.
    @Test("init, roster, enrol, submit, correct, status and verify work together")
    func wholeCycle() throws {
        let ws = try TemporaryWorkspace()
        defer { ws.remove() }
        for folder in ["campaigns", "directives", "types", "roster", "data", "out"] {
            #expect(FileManager.default.fileExists(atPath: ws.root.appendingPathComponent(folder).path))
        }
        let imported = ws.run(["roster", "import", ws.fixture("units.csv"), ws.fixture("people.csv")])
        #expect(imported.code == 0, "\(imported.errors)")
        #expect(imported.output.contains("Đã nhập 6 đơn vị, 5 cá nhân"))

        let enrolled = ws.run(["enroll", "minh-xuan-dvk-2026", "--unit-kinds", "to-dan-pho,phong-ban"])
        #expect(enrolled.code == 0, "\(enrolled.errors)")
        #expect(enrolled.output.contains("Đã ghi danh 4 đơn vị"))

        let blank = ws.run(["form", "minh-xuan-dvk-2026", "dang-ky-mo-hinh", "--blank", "--format", "csv"])
        #expect(blank.code == 0)
        #expect(blank.output.hasPrefix("\u{FEFF}\"Cơ quan, đơn vị, tổ dân phố đăng ký\",Tên mô hình,Lĩnh vực"))
        let html = ws.run(["form", "minh-xuan-dvk-2026", "dang-ky-mo-hinh", "--blank", "--format", "html"])
        #expect(html.output.contains("Phiếu đăng ký mô hình “Dân vận khéo”"))

        let filled = ws.write(
            "dang-ky.csv",
            """
            "Cơ quan, đơn vị, tổ dân phố đăng ký",Tên mô hình,Lĩnh vực,Địa bàn thực hiện,"Mục tiêu, nội dung chủ yếu",Lực lượng tham gia,Thời gian bắt đầu,Người phụ trách
            Tổ dân phố 1,Tuyến phố văn minh,Kinh tế - đô thị,Tổ dân phố 1,"Chỉnh trang, giữ vệ sinh",Đoàn thanh niên,01/02/2027,Phạm Quốc Việt
            Văn phòng HĐND và UBND,Một cửa thân thiện,Xây dựng Đảng và hệ thống chính trị,Trụ sở UBND,Hướng dẫn người dân,Cán bộ văn phòng,10/02/2027,

            """)
        let submitted = ws.run(["submit", "minh-xuan-dvk-2026", "dang-ky-mo-hinh", filled], today: "2027-02-10")
        #expect(submitted.code == 0, "\(submitted.errors)")
        #expect(submitted.output.contains("Đã ghi nhận 2 dòng"))
        #expect(!submitted.output.contains("Nộp muộn"))

        let lateFile = ws.write(
            "muon.csv",
            """
            "Cơ quan, đơn vị, tổ dân phố đăng ký",Tên mô hình,Lĩnh vực,Địa bàn thực hiện,"Mục tiêu, nội dung chủ yếu",Lực lượng tham gia,Thời gian bắt đầu
            Tổ dân phố 2,Khu dân cư an toàn,Quốc phòng - an ninh,Tổ dân phố 2,Tuần tra,Dân quân,01/03/2027

            """)
        let late = ws.run(["submit", "minh-xuan-dvk-2026", "dang-ky-mo-hinh", lateFile], today: "2027-03-02")
        #expect(late.code == 0, "\(late.errors)")
        #expect(late.output.contains("Nộp muộn: hạn «"))
        #expect(late.output.contains("15/02/2027"))

        let corrected = ws.run([
            "correct", "minh-xuan-dvk-2026", "--submission", "2", "--row", "1", "--field", "ten-mo-hinh", "--value", "Tuyến phố văn minh, sạch đẹp",
            "--reason", "Tổ dân phố đề nghị sửa tên",
        ])
        #expect(corrected.code == 0, "\(corrected.errors)")
        #expect(corrected.output.contains("Tuyến phố văn minh → Tuyến phố văn minh, sạch đẹp"))

        let status = ws.run(["status", "--format", "json"], today: "2027-03-02")
        #expect(status.code == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any])
        let campaign = try #require((report["campaigns"] as? [[String: Any]])?.first)
        #expect(campaign["units"] as? Int == 4)
        #expect(campaign["submissions"] as? Int == 2)
        let milestones = campaign["milestones"] as? [[String: Any]] ?? []
        let registration = milestones.first { $0["milestone"] as? String == "dang-ky" && $0["due"] as? String == "15/02/2027" }
        #expect(registration?["received"] as? Int == 3)
        #expect(registration?["expected"] as? Int == 4)
        #expect(registration?["late"] as? Int == 1)
        #expect(registration?["state"] as? String == "overdue")

        let verified = ws.run(["verify"])
        #expect(verified.code == 0)
        #expect(verified.output.contains("✓ data/minh-xuan-dvk-2026.journal.jsonl: 4 dòng"))
    }

    @Test("a submission with errors reports every one and records nothing")
    func badSubmission() throws {
        let ws = try TemporaryWorkspace()
        defer { ws.remove() }
        _ = ws.run(["roster", "import", ws.fixture("units.csv"), ws.fixture("people.csv")])
        _ = ws.run(["enroll", "minh-xuan-dvk-2026"])
        let before = ws.snapshot()
        let bad = ws.write(
            "bad.csv",
            """
            "Cơ quan, đơn vị, tổ dân phố đăng ký",Tên mô hình,Lĩnh vực,Địa bàn thực hiện,"Mục tiêu, nội dung chủ yếu",Lực lượng tham gia,Thời gian bắt đầu
            Tổ dân phố 9,Mô hình A,Kinh tế - đô thị,TDP,Nội dung,Đoàn viên,31/02/2026
            Tổ dân phố 1,,Văn hóa,TDP,Nội dung,Đoàn viên,01/02/2026

            """)
        let snapshotBefore = ws.snapshot()
        let result = ws.run(["submit", "minh-xuan-dvk-2026", "dang-ky-mo-hinh", bad])
        #expect(result.code == 1)
        #expect(result.errors.contains("Tổ dân phố 9"))
        #expect(result.errors.contains("31/02/2026"))
        #expect(result.errors.contains("Tên mô hình"))
        #expect(result.errors.contains("Văn hóa"))
        #expect(result.errors.contains("Không ghi nhận gì: 4 lỗi"))
        #expect(ws.snapshot() == snapshotBefore)
        #expect(before.count + 1 == snapshotBefore.count)
    }

    @Test("ids that would leave the workspace are refused", arguments: ["../x", "a/b", "..", "bad\u{01}id", "/etc/passwd"])
    func pathTraversal(_ id: String) throws {
        let ws = try TemporaryWorkspace()
        defer { ws.remove() }
        let before = ws.snapshot()
        #expect(ws.run(["verify", id]).code != 0)
        #expect(ws.run(["enroll", id]).code != 0)
        #expect(ws.run(["form", "minh-xuan-dvk-2026", id]).code != 0)
        #expect(ws.snapshot() == before)
    }
}

@Suite("Status of the repository workspace")
struct RepositoryStatusTests {
    @Test("status on 22/11/2026 shows the five campaigns and their phases")
    func status() throws {
        let result = Harness.run(["status", "--today", "2026-11-22"])
        #expect(result.code == 0, "\(result.errors)")
        Harness.assertGolden(result.output, "status-2026-11-22.txt")
        let json = Harness.run(["status", "--today", "2026-11-22", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let campaigns = report["campaigns"] as? [[String: Any]] ?? []
        let phases = Dictionary(uniqueKeysWithValues: campaigns.map { ($0["campaign"] as? String ?? "", $0["phase"] as? String ?? "") })
        #expect(phases["phuong-6-cchc-2023"] == "closed")
        #expect(phases["phu-ly-cqtt-2024"] == "closed")
        #expect(phases["minh-xuan-dvk-2026"] == "running")
        #expect(phases["nam-gia-nghia-cchc-2026"] == "running")
        #expect(phases["phung-chi-kien-dvcq-2024"] == "running")
        let minhXuan = campaigns.first { $0["campaign"] as? String == "minh-xuan-dvk-2026" }
        let tongKet = (minhXuan?["milestones"] as? [[String: Any]])?.first { $0["milestone"] as? String == "tong-ket" && $0["due"] as? String == "15/11/2026" }
        #expect(tongKet?["state"] as? String == "overdue")
        #expect(result.output.contains("Quá hạn: "))
    }

    @Test("deadlines lists what falls due in the next N days")
    func deadlines() {
        let result = Harness.run(["deadlines", "--today", "2026-11-22", "--days", "400"])
        #expect(result.code == 0)
        Harness.assertGolden(result.output, "deadlines-2026-11-22.txt")
        #expect(result.output.contains("15/02/2027"))
        #expect(Harness.run(["deadlines", "--days", "-1"]).code == 64)
    }
}
