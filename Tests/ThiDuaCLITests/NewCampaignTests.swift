import Foundation
import Testing

/// A campaign type no code knows, declared in a temporary workspace's types/: the "Xanh - Sạch -
/// Đẹp" environment campaign, with one indicator, one form and its report layouts.
enum EnvironmentType {
    static let id = "xanh-sach-dep"

    static let file = """
        // Declared only in this test's workspace.
        {
          "version": 1,
          "id": "xanh-sach-dep",
          "title": "Xanh - Sạch - Đẹp",
          "summary": "Thi đua giữ gìn vệ sinh môi trường, xây dựng khu dân cư xanh, sạch, đẹp.",
          "legalBasis": ["Luật Bảo vệ môi trường số 72/2020/QH14 ngày 17/11/2020"],
          "fields": [{"id": "moi-truong", "title": "Vệ sinh môi trường"}],
          "indicators": [
            {"id": "phan-loai-rac", "title": "Tỷ lệ hộ gia đình phân loại rác tại nguồn", "measure": "percent",
             "defaultTarget": {"op": ">=", "value": 80}, "scope": "collective", "field": "moi-truong"}
          ],
          "criteria": [
            {"id": "phan-loai-rac-dat", "appliesTo": "collective", "field": "moi-truong",
             "text": "Từ 80% hộ gia đình trở lên phân loại rác tại nguồn.",
             "rule": {"indicator": "phan-loai-rac", "op": ">=", "value": 80}},
            {"id": "bao-cao-du", "appliesTo": "collective",
             "text": "Gửi phiếu báo cáo kết quả cả năm đúng hạn.",
             "rule": {"count": "bao-cao", "op": ">=", "value": 1}}
          ],
          "countedEvents": [{"id": "bao-cao", "title": "Phiếu báo cáo đã nộp", "form": "bao-cao-moi-truong"}],
          "forms": [
            {
              "id": "bao-cao-moi-truong",
              "title": "Phiếu báo cáo kết quả giữ gìn vệ sinh môi trường",
              "filledBy": "collective",
              "fields": [
                {"id": "don-vi", "label": "Tổ dân phố", "kind": "unit"},
                {"id": "ky", "label": "Kỳ báo cáo", "kind": "choice", "choices": ["6 tháng", "Cả năm"], "role": "term"},
                {"id": "phan-loai-rac", "label": "Tỷ lệ hộ phân loại rác tại nguồn (%)", "kind": "percent", "reports": "phan-loai-rac"}
              ]
            }
          ],
          "reports": [
            {"kind": "so-ket", "title": "Báo cáo sơ kết 6 tháng phong trào “Xanh - Sạch - Đẹp”", "sections": [
              {"id": "tham-gia", "heading": "Tình hình tham gia", "source": "participation"},
              {"id": "chi-tieu", "heading": "Kết quả thực hiện chỉ tiêu", "source": "indicators"}
            ]},
            {"kind": "tong-ket", "title": "Báo cáo tổng kết phong trào “Xanh - Sạch - Đẹp”", "sections": [
              {"id": "tham-gia", "heading": "Tình hình tham gia", "source": "participation"},
              {"id": "chi-tieu", "heading": "Kết quả thực hiện chỉ tiêu", "source": "indicators"},
              {"id": "xep-loai", "heading": "Kết quả đánh giá các đơn vị", "source": "standings"},
              {"id": "khen-thuong", "heading": "Kết quả bình xét, khen thưởng", "source": "awards"},
              {"id": "ton-tai", "heading": "Tồn tại, hạn chế", "source": "handwritten", "prompt": "Tồn tại, hạn chế"}
            ]}
          ]
        }

        """

    /// Fills every blank `thidua new` left, as an official would: header lines in capitals.
    static func fill(_ text: String) -> String {
        var out = text
        while let start = out.range(of: "[CẦN ĐIỀN: "), let end = out.range(of: "]", range: start.upperBound..<out.endIndex) {
            let what = String(out[start.upperBound..<end.lowerBound])
            let filled: String
            if what.contains("CHỮ IN HOA") {
                filled = "PHƯỜNG AN BÌNH"
            } else if what.hasPrefix("họ và tên") {
                filled = "Lê Văn Chủ"
            } else if what.hasPrefix("xã") || what.hasPrefix("tên xã") || what.hasPrefix("địa danh") {
                filled = "phường An Bình"
            } else {
                filled = "Nội dung do phường An Bình viết (\(what))"
            }
            out.replaceSubrange(start.lowerBound..<end.upperBound, with: filled)
        }
        return out
    }
}

@Suite("thidua new: a campaign file from a type and a directive")
struct NewCampaignTests {
    @Test(
        "every type, compiled or declared, gives a file that checks with only its blanks to fill",
        arguments: [
            "dan-van-kheo", "cai-cach-hanh-chinh", "chinh-quyen-than-thien", "dan-van-chinh-quyen", "chuyen-doi-so",
        ])
    func everyType(type: String) throws {
        let d = try DeclaredTypeWorkspace()
        defer { d.ws.remove() }
        let id = "an-binh-\(type)-2027"
        let made = d.ws.run(["new", type, "--id", id, "--year", "2027"])
        #expect(made.code == 0, "\(made.errors)")
        #expect(made.output.hasPrefix("Đã tạo campaigns/\(id).json: kế hoạch «"), "\(made.output)")
        // Blanks left: not ready to issue (exit 1, saying how many), unless checked as a draft.
        let final = d.ws.run(["check", id])
        #expect(final.code == 1, "\(final.output)")
        #expect(final.output.contains("chỗ cần điền") && final.output.contains("--draft"), "\(final.output)")
        let check = d.ws.run(["check", id, "--draft"])
        #expect(check.code == 0, "\(check.output)")
        #expect(check.output.contains("✓ campaigns/\(id).json — \(id) (\(type))"), "\(check.output)")
        #expect(!check.output.contains("lỗi:"))
        // Every warning is a marked blank, and there is one for the signer and the issuer.
        let warnings = check.output.split(separator: "\n").filter { $0.contains("cảnh báo:") }
        #expect(!warnings.isEmpty)
        #expect(warnings.allSatisfy { $0.contains("còn chỗ cần điền") }, "\(warnings)")
        #expect(check.output.contains("cảnh báo: signer.name: còn chỗ cần điền: «[CẦN ĐIỀN: họ và tên người ký]»"))
        let text = try String(contentsOf: d.ws.root.appendingPathComponent("campaigns/\(id).json"), encoding: .utf8)
        #expect(text.hasPrefix("// Kế hoạch "))
        #expect(text.contains("\"date\": {\"year\": 2027}"))
        #expect(text.contains("\"end\": \"31/12/2027\""))

        // Filled in, it checks clean and issues its plan.
        try Data(EnvironmentType.fill(text).utf8).write(to: d.ws.root.appendingPathComponent("campaigns/\(id).json"))
        let clean = d.ws.run(["check", id])
        #expect(clean.code == 0)
        #expect(clean.output.contains("1 tệp: 1 hợp lệ, 0 có lỗi, 0 cảnh báo."), "\(clean.output)")
        let plan = d.ws.run(["doc", id, "plan"])
        #expect(plan.code == 0, "\(plan.errors)")
        #expect(plan.output.contains("PHƯỜNG AN BÌNH"))
    }

    @Test("a directive's floors raise the type's default targets, its chain is cited, and the plan meets it")
    func directiveFloors() throws {
        let d = try DeclaredTypeWorkspace()
        defer { d.ws.remove() }
        let made = d.ws.run(["new", "chuyen-doi-so", "--id", "an-binh-cds-2026", "--directive", "minh-xuan-du-cds-2026"], today: "2026-02-20")
        #expect(made.code == 0, "\(made.errors)")
        #expect(
            made.output.contains("thực hiện Kế hoạch số 25-KH/ĐU của Đảng ủy phường Minh Xuân, Kế hoạch số 68/KH-UBND của Ủy ban nhân dân tỉnh Tuyên Quang."),
            "\(made.output)")
        let text = try String(contentsOf: d.ws.root.appendingPathComponent("campaigns/an-binh-cds-2026.json"), encoding: .utf8)
        // The type's default ≥ 80% is below the Đảng ủy's floor of 85%; the province's 80% is weaker still.
        #expect(text.contains("\"catalogue\": \"ho-so-truc-tuyen-toan-trinh\""))
        #expect(text.contains("\"target\": {\"op\": \">=\", \"value\": 85}"), "\(text)")
        // The type's 90% for VNeID already meets both floors and stays.
        #expect(text.contains("\"target\": {\"op\": \">=\", \"value\": 90}"))
        #expect(text.contains("\"directive\": \"minh-xuan-du-cds-2026\""))
        #expect(text.contains("\"parent\": {\"name\": \"Ủy ban nhân dân tỉnh Tuyên Quang\", \"level\": \"tinh\"}"))
        // Milestones no later than the province requires (registration by 31/03, sơ kết by 15/06).
        #expect(text.contains("\"due\": \"31/3/2026\""), "\(text)")
        #expect(text.contains("\"due\": \"15/6/2026\""))
        #expect(text.contains("\"start\": \"20/02/2026\""))
        let check = d.ws.run(["check", "an-binh-cds-2026", "--draft"])
        #expect(check.code == 0, "\(check.output)")
        #expect(!check.output.contains("Kế hoạch số 25-KH/ĐU yêu cầu"), "\(check.output)")
        let plan = d.ws.run(["doc", "an-binh-cds-2026", "plan"])
        #expect(plan.output.contains("Thực hiện Kế hoạch số 25-KH/ĐU ngày 02/3/2026 của Đảng ủy phường Minh Xuân"), "\(plan.output)")
        // The issuer's wording (UBND or another body) is a blank too: the ward must choose.
        #expect(plan.errors.contains("còn 32 chỗ cần điền"), "\(plan.errors)")
    }

    @Test("bad input is refused with a clear message and writes nothing")
    func refusals() throws {
        let d = try DeclaredTypeWorkspace()
        defer { d.ws.remove() }
        let before = d.ws.snapshot()
        let cases: [([String], Int32, String)] = [
            (["new", "chuyen-doi-so"], 64, "--id <id>"),
            (["new", "chuyen-doi-so", "--id", "Phường An Bình"], 1, "chỉ được gồm chữ thường không dấu"),
            (["new", "chuyen-doi-s", "--id", "x"], 1, "Có phải ý bạn là «chuyen-doi-so»?"),
            (["new", "chuyen-doi-so", "--id", "x", "--directive", "tuyen-quang"], 1, "Các văn bản: minh-xuan-du-cds-2026, tuyen-quang-cds-2026."),
            (["new", "chuyen-doi-so", "--id", "x", "--year", "26"], 64, "Cần một năm từ 2000 đến 2100"),
            (["new", "chuyen-doi-so", "--id", "minh-xuan-cds-2026"], 1, "Đã có campaigns/minh-xuan-cds-2026.json; không ghi đè."),
        ]
        for (arguments, code, message) in cases {
            let result = d.ws.run(arguments)
            #expect(result.code == code, "\(arguments): \(result.errors)")
            #expect(result.errors.contains(message), "\(arguments): \(result.errors)")
        }
        #expect(d.ws.snapshot() == before, "a refused `new` changed a file")
    }

    @Test("a type declared in the workspace runs the whole cycle with no code change")
    func declaredTypeWholeCycle() throws {
        let ws = try TemporaryWorkspace(campaigns: [])
        defer { ws.remove() }
        let id = "an-binh-xsd-2026"
        _ = ws.write("types/\(EnvironmentType.id).json", EnvironmentType.file)
        let types = ws.run(["types"])
        #expect(types.output.contains("xanh-sach-dep\n  Xanh - Sạch - Đẹp\n"), "\(types.output)")

        #expect(ws.run(["new", EnvironmentType.id, "--id", id], today: "2026-01-05").code == 0)
        let url = ws.root.appendingPathComponent("campaigns/\(id).json")
        try Data(EnvironmentType.fill(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
        let check = ws.run(["check"])
        #expect(check.code == 0, "\(check.output)")
        #expect(check.output.contains("2 tệp: 2 hợp lệ, 0 có lỗi, 0 cảnh báo."), "\(check.output)")

        #expect(ws.run(["roster", "import", ws.fixture("units.csv"), ws.fixture("people.csv")]).code == 0)
        let enrolled = ws.run(["enroll", id, "--units", "Tổ dân phố 1,Tổ dân phố 2"])
        #expect(enrolled.code == 0, "\(enrolled.errors)")
        let header = "Tổ dân phố,Kỳ báo cáo,Tỷ lệ hộ phân loại rác tại nguồn (%)"
        // The form takes one row: each unit sends its own, for each term.
        for (term, date, first, second) in [("6 tháng", "2026-06-10", "78", "60"), ("Cả năm", "2026-11-10", "92", "75")] {
            for (unit, value) in [("Tổ dân phố 1", first), ("Tổ dân phố 2", second)] {
                let file = ws.write("bao-cao.csv", "\(header)\n\(unit),\(term),\(value)\n")
                let submitted = ws.run(["submit", id, "bao-cao-moi-truong", file], today: date)
                #expect(submitted.code == 0, "\(submitted.errors)")
            }
        }
        let evaluation = ws.run(["evaluate", id, "--period", "2026"])
        #expect(evaluation.code == 0, "\(evaluation.errors)")
        #expect(evaluation.output.contains("92,0% ≥ 80% → đạt"), "\(evaluation.output)")
        #expect(evaluation.output.contains("75,0% (cần ≥ 80%)"), "\(evaluation.output)")

        let members = ws.write("hoi-dong.csv", AwardWorkflowTests.members)
        let opened = ws.run(["review", "open", id, "--period", "2026", "--members", members], today: "2026-11-20")
        #expect(opened.code == 0, "\(opened.errors)")
        #expect(opened.output.contains("1. Tổ dân phố 1 — Giấy khen"), "\(opened.output)")
        #expect(!opened.output.contains("Tổ dân phố 2 —"))
        let ballots = ws.write(
            "phieu.csv",
            "Thành viên,Mã đề cử,Biểu quyết\n"
                + ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang"]
                .map { "\($0),1,đồng ý" }.joined(separator: "\n") + "\n")
        #expect(ws.run(["review", "vote", id, "--file", ballots], today: "2026-11-20").code == 0)
        let closed = ws.run(["review", "close", id], today: "2026-11-20")
        #expect(closed.code == 0, "\(closed.errors)")
        #expect(closed.output.contains("6/6 thành viên biểu quyết đồng ý = 100% ≥ 70% → đề nghị khen thưởng"), "\(closed.output)")
        let decided = ws.run(["decide", id, "--date", "01/12/2026", "--number", "40/QĐ-UBND"], today: "2026-12-01")
        #expect(decided.code == 0, "\(decided.errors)")
        #expect(decided.output.contains("Tổ dân phố 1"), "\(decided.output)")
        #expect(decided.output.contains("1.410.000 đồng"), "\(decided.output)")

        let out = ws.root.appendingPathComponent("out/ho-so").path
        for format in ["docx", "html"] {
            let all = ws.run(["doc", id, "--all", "--format", format, "--out", out])
            #expect(all.code == 0, "\(all.errors)")
        }
        let files = Set((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? [])
        for kind in ["plan", "so-ket", "tong-ket", "bien-ban", "to-trinh", "quyet-dinh", "giay-khen"] {
            #expect(files.contains("\(id)-\(kind).docx"), "missing \(kind).docx in \(files.sorted())")
            #expect(files.contains("\(id)-\(kind).html"), "missing \(kind).html")
        }
        let decision = try String(contentsOfFile: "\(out)/\(id)-quyet-dinh.html", encoding: .utf8)
        #expect(decision.contains("Tổ dân phố 1"))
        #expect(decision.contains("PHƯỜNG AN BÌNH"))
        #expect(ws.run(["verify"]).code == 0)
    }
}
