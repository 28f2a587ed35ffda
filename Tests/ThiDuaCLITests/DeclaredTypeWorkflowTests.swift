import Foundation
import Testing

/// A temporary workspace holding the example declared type, its directives and its campaign,
/// copied from the repository: no code knows the type.
struct DeclaredTypeWorkspace {
    let ws: TemporaryWorkspace

    init() throws {
        ws = try TemporaryWorkspace(campaigns: ["minh-xuan-cds-2026"])
        for name in ["types/chuyen-doi-so.json", "directives/tuyen-quang-cds-2026.json", "directives/minh-xuan-du-cds-2026.json"] {
            try FileManager.default.copyItem(at: Harness.root.appendingPathComponent(name), to: ws.root.appendingPathComponent(name))
        }
    }

    /// Replaces text in a file of the workspace.
    func edit(_ name: String, _ old: String, _ new: String) throws {
        let url = ws.root.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        try #require(text.contains(old), "«\(old)» is not in \(name)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }
}

@Suite("A campaign type declared in a workspace, through the command line")
struct DeclaredTypeWorkflowTests {
    @Test("the declared type is listed, and its campaign, directives and type check clean")
    func listedAndChecked() throws {
        let d = try DeclaredTypeWorkspace()
        defer { d.ws.remove() }
        let types = d.ws.run(["types"])
        #expect(types.code == 0)
        #expect(types.output.contains("chuyen-doi-so\n  Chuyển đổi số\n"), "\(types.output)")
        #expect(types.output.contains("  Khai báo trong: types/chuyen-doi-so.json\n"))
        #expect(types.output.hasSuffix("5 loại phong trào.\n"))
        let json = d.ws.run(["types", "--format", "json"])
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        let declared = try #require(listed.first { $0["id"] as? String == "chuyen-doi-so" })
        #expect(declared["source"] as? String == "types/chuyen-doi-so.json")
        #expect((declared["forms"] as? [Any])?.count == 2)
        #expect(listed.first { $0["id"] as? String == "dan-van-kheo" }?["source"] == nil)

        let check = d.ws.run(["check"])
        #expect(check.code == 0, "\(check.output)")
        for line in [
            "✓ campaigns/minh-xuan-cds-2026.json — minh-xuan-cds-2026 (chuyen-doi-so)",
            "✓ directives/minh-xuan-du-cds-2026.json — văn bản chỉ đạo minh-xuan-du-cds-2026",
            "✓ directives/tuyen-quang-cds-2026.json — văn bản chỉ đạo tuyen-quang-cds-2026",
            "✓ types/chuyen-doi-so.json — loại phong trào chuyen-doi-so (khai báo)",
            "4 tệp: 4 hợp lệ, 0 có lỗi, 0 cảnh báo.",
        ] {
            #expect(check.output.contains(line), "missing «\(line)» in \(check.output)")
        }
        let one = d.ws.run(["check", d.ws.root.appendingPathComponent("types").path])
        #expect(one.code == 0)
        #expect(one.output.contains("1 tệp: 1 hợp lệ"))
    }

    @Test("the plan prints the directive chain, and the plan's variants reach its forms")
    func documentsAndForms() throws {
        let d = try DeclaredTypeWorkspace()
        defer { d.ws.remove() }
        let plan = d.ws.run(["doc", "minh-xuan-cds-2026", "plan"])
        #expect(plan.code == 0, "\(plan.errors)")
        #expect(
            plan.output.contains(
                "Thực hiện Kế hoạch số 25-KH/ĐU ngày 02/3/2026 của Đảng ủy phường Minh Xuân về lãnh đạo thực hiện phong trào thi đua “Đẩy mạnh chuyển đổi số, xây dựng chính quyền số” trên địa bàn phường năm 2026; Kế hoạch số 68/KH-UBND ngày 10/02/2026 của Ủy ban nhân dân tỉnh Tuyên Quang về phát động"
            ), "\(plan.output)")
        let blank = d.ws.run(["form", "minh-xuan-cds-2026", "dang-ky-thi-dua", "--blank", "--format", "csv"])
        #expect(blank.code == 0, "\(blank.errors)")
        #expect(blank.output.contains("\"Mô hình, cách làm số tiêu biểu đăng ký xây dựng\",Số thành viên Tổ công nghệ số cộng đồng,"))
        let own = d.ws.run(["form", "minh-xuan-cds-2026", "khao-sat-ky-nang-so", "--blank", "--format", "csv"])
        #expect(own.code == 0, "\(own.errors)")
        #expect(own.output.contains("Họ và tên chủ hộ"))
        let noFolder = d.ws.run(["form", "minh-xuan-cds-2026", "dang-ky-thi-dua", "--format", "docx"])
        #expect(noFolder.code == 64)
        #expect(noFolder.errors.contains("thêm --out <thư mục>"), "\(noFolder.errors)")
        let out = d.ws.root.appendingPathComponent("out/mau")
        let docx = d.ws.run(["form", "minh-xuan-cds-2026", "dang-ky-thi-dua", "--format", "docx", "--out", out.path])
        #expect(docx.code == 0, "\(docx.errors)")
        let data = try Data(contentsOf: out.appendingPathComponent("minh-xuan-cds-2026-form-dang-ky-thi-dua.docx"))
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]), "not a ZIP container")
    }

    @Test("enrol, register and report on the declared type, then evaluate")
    func cycle() throws {
        let d = try DeclaredTypeWorkspace()
        defer { d.ws.remove() }
        let ws = d.ws
        #expect(ws.run(["roster", "import", ws.fixture("units.csv"), ws.fixture("people.csv")]).code == 0)
        let enrolled = ws.run(["enroll", "minh-xuan-cds-2026", "--units", "Tổ dân phố 1,Tổ dân phố 2"])
        #expect(enrolled.code == 0, "\(enrolled.errors)")
        // One registration and one report per unit and term: the forms take one row each.
        let header =
            "\"Cơ quan, đơn vị, tổ dân phố\",Năm đăng ký,Nội dung đăng ký thi đua,\"Mô hình, cách làm số tiêu biểu đăng ký xây dựng\",Số thành viên Tổ công nghệ số cộng đồng,Cam kết của người đứng đầu"
        for (unit, members) in [("Tổ dân phố 1", "5"), ("Tổ dân phố 2", "4")] {
            let file = ws.write(
                "dang-ky.csv",
                "\(header)\n\(unit),2026,Hướng dẫn người dân cài đặt VNeID,Chợ 4.0,\(members),Hoàn thành các chỉ tiêu được giao\n")
            let registered = ws.run(["submit", "minh-xuan-cds-2026", "dang-ky-thi-dua", file], today: "2026-03-20")
            #expect(registered.code == 0, "\(registered.errors)")
            #expect(registered.output.contains("Đã ghi nhận 1 dòng"), "\(registered.output)")
        }
        for (term, date) in [("6 tháng", "2026-06-05"), ("Cả năm", "2026-11-10")] {
            for (unit, sessions) in [("Tổ dân phố 1", term == "6 tháng" ? 3 : 6), ("Tổ dân phố 2", term == "6 tháng" ? 1 : 3)] {
                let report = ws.write(
                    "bao-cao.csv",
                    "\"Cơ quan, đơn vị, tổ dân phố\",Kỳ báo cáo,Số buổi tập huấn kỹ năng số đã tổ chức\n\(unit),\(term),\(sessions)\n")
                let submitted = ws.run(["submit", "minh-xuan-cds-2026", "bao-cao-chi-tieu", report], today: date)
                #expect(submitted.code == 0, "\(submitted.errors)")
            }
        }
        let evaluation = ws.run(["evaluate", "minh-xuan-cds-2026", "--period", "2026"])
        #expect(evaluation.code == 0, "\(evaluation.errors)")
        #expect(evaluation.output.contains("Tổ dân phố 1"), "\(evaluation.output)")
        #expect(evaluation.output.contains("Tổ dân phố 2"))
        // The declared catalogue's rule, read from the declared form's reported values.
        #expect(evaluation.output.contains("6 ≥ 4 → đạt"), "\(evaluation.output)")
        #expect(evaluation.output.contains("3 (cần ≥ 4)"))
        let report = ws.run(["doc", "minh-xuan-cds-2026", "tong-ket"])
        #expect(report.code == 0, "\(report.errors)")
        // The section the plan adds to its type's tổng kết layout.
        #expect(report.output.lowercased().contains("bình dân học vụ số"), "\(report.output)")
        #expect(ws.run(["verify"]).code == 0)
    }

    @Test("a plan below its directive's floor fails check, naming both files; raising the target passes")
    func belowFloor() throws {
        let d = try DeclaredTypeWorkspace()
        defer { d.ws.remove() }
        try d.edit(
            "campaigns/minh-xuan-cds-2026.json", "\"target\": {\"op\": \">=\", \"value\": 92}",
            "\"target\": {\"op\": \">=\", \"value\": 88}")
        let low = d.ws.run(["check"])
        #expect(low.code == 1)
        #expect(low.output.contains("campaigns/minh-xuan-cds-2026.json:"), "\(low.output)")
        #expect(
            low.output.contains(
                "lỗi: indicators[3].target: chỉ tiêu «dinh-danh-muc-2» đặt mục tiêu «≥ 88%», thấp hơn mức Kế hoạch số 25-KH/ĐU yêu cầu «≥ 90%» (directives/minh-xuan-du-cds-2026.json:"
            ))
        try d.edit(
            "campaigns/minh-xuan-cds-2026.json", "\"target\": {\"op\": \">=\", \"value\": 88}",
            "\"target\": {\"op\": \">=\", \"value\": 90}")
        #expect(d.ws.run(["check"]).code == 0)
    }

    @Test("a broken type file fails check and its campaigns, pointing at the type file")
    func brokenType() throws {
        let d = try DeclaredTypeWorkspace()
        defer { d.ws.remove() }
        try d.edit("types/chuyen-doi-so.json", "\"kind\": \"choice\", \"choices\": [\"6 tháng\", \"Cả năm\"]", "\"kind\": \"choice\"")
        let check = d.ws.run(["check"])
        #expect(check.code == 1)
        #expect(check.output.contains("✗ types/chuyen-doi-so.json"), "\(check.output)")
        #expect(check.output.contains("trường kiểu «choice» cần «choices»"))
        #expect(check.output.contains("✗ campaigns/minh-xuan-cds-2026.json"))
        #expect(check.output.contains("loại phong trào «chuyen-doi-so» khai báo trong types/chuyen-doi-so.json nhưng tệp đó có lỗi"))
        let types = d.ws.run(["types"])
        #expect(types.code == 0)
        #expect(types.output.contains("(khai báo trong types/chuyen-doi-so.json: tệp có 1 lỗi nên chưa dùng được"), "\(types.output)")
        let show = d.ws.run(["show", "minh-xuan-cds-2026"])
        #expect(show.code == 1)
        #expect(show.errors.contains("types/chuyen-doi-so.json"))
    }

    @Test("a declared type with a compiled type's id is refused, naming both")
    func clash() throws {
        let d = try DeclaredTypeWorkspace()
        defer { d.ws.remove() }
        let text = try String(contentsOf: Harness.root.appendingPathComponent("types/chuyen-doi-so.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"id\": \"chuyen-doi-so\"", with: "\"id\": \"cai-cach-hanh-chinh\"")
        _ = d.ws.write("types/cai-cach-hanh-chinh.json", text)
        let check = d.ws.run(["check"])
        #expect(check.code == 1)
        #expect(check.output.contains("types/cai-cach-hanh-chinh.json:"), "\(check.output)")
        #expect(check.output.contains("trùng với loại có sẵn «Cải cách hành chính» (cai-cach-hanh-chinh, Plugins/CaiCachHanhChinh)"))
        let types = d.ws.run(["types", "--format", "json"])
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(types.output.utf8)) as? [[String: Any]])
        #expect(listed.filter { $0["id"] as? String == "cai-cach-hanh-chinh" }.count == 1)
    }
}
