import Foundation
import Testing

/// Plan variants that remove, relabel and replace a type's fields (`formChanges`), on the Front
/// committee's plan (docs/examples/mttq-*), from files only.
@Suite("Plan variants: remove, relabel, replace fields")
struct FormChangeWorkflowTests {
    static let campaign = FrontCommitteeWorkspace.campaign

    /// The workspace with `formChanges` written into the plan.
    static func workspace(_ changes: String) throws -> FrontCommitteeWorkspace {
        let f = try FrontCommitteeWorkspace()
        let url = f.ws.root.appendingPathComponent("campaigns/\(campaign).json")
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"countedForms\": [", with: "\"formChanges\": \(changes),\n  \"countedForms\": [").utf8)
            .write(to: url)
        return f
    }

    static let variant = """
        [{"form": "bao-cao-chi-tieu", "removeFields": ["kho-khan", "so-nguoi-duoc-huong-dan"],
          "relabel": {"ket-qua-noi-bat": "Mô hình, cách làm hay về chuyển đổi số"},
          "replaceFields": [{"id": "tap-huan-to-cnsc", "label": "Số lớp “Bình dân học vụ số” đã mở", "kind": "integer",
                             "reports": "tap-huan-to-cnsc"}]}]
        """

    @Test("a variant removing, relabelling and replacing fields passes check; the form, submissions and evaluation follow it")
    func variantRuns() throws {
        let f = try Self.workspace(Self.variant)
        defer { f.ws.remove() }
        let ws = f.ws
        let check = ws.run(["check"])
        #expect(check.code == 0, "\(check.output)\(check.errors)")
        let form = ws.run(["doc", Self.campaign, "form", "--form", "bao-cao-chi-tieu"])
        #expect(form.code == 0, "\(form.errors)")
        #expect(form.output.contains("Mô hình, cách làm hay về chuyển đổi số"), "\(form.output)")
        #expect(form.output.contains("Số lớp “Bình dân học vụ số” đã mở"))
        #expect(!form.output.contains("Khó khăn"), "\(form.output)")
        #expect(!form.output.contains("Kết quả nổi bật"))
        #expect(ws.run(["roster", "import", f.example("mttq-don-vi.csv"), f.example("mttq-ca-nhan.csv")]).code == 0)
        #expect(ws.run(["enroll", Self.campaign]).code == 0)
        let report = ws.write(
            "bc.csv", "\"Cơ quan, đơn vị, tổ dân phố\",Kỳ báo cáo,Số lớp “Bình dân học vụ số” đã mở\nChi bộ khu dân cư số 1,Cả năm,6\n")
        let sent = ws.run(["submit", Self.campaign, "bao-cao-chi-tieu", report], today: "2026-11-10")
        #expect(sent.code == 0, "\(sent.errors)")
        let evaluation = ws.run(["evaluate", Self.campaign, "--period", "2026"])
        #expect(evaluation.code == 0, "\(evaluation.errors)")
        #expect(evaluation.output.contains("6 ≥ 4"), "\(evaluation.output)")
    }

    @Test("removing a field a rule needs is an error naming the field, the indicator and the criterion")
    func ruleNeedsField() throws {
        let f = try Self.workspace(#"[{"form": "bao-cao-chi-tieu", "removeFields": ["van-ban-ky-so"]}]"#)
        defer { f.ws.remove() }
        let check = f.ws.run(["check"])
        #expect(check.code != 0)
        let all = check.output + check.errors
        #expect(all.contains("formChanges[0].removeFields"), "\(all)")
        #expect(all.contains("không thể bỏ trường «van-ban-ky-so» của biểu mẫu «bao-cao-chi-tieu»"), "\(all)")
        #expect(all.contains("chỉ tiêu «van-ban-ky-so» mà tiêu chí «tc-tap-the-chi-tieu»"), "\(all)")
    }

    @Test("removing who sent the row of a counted form, or a field a report tallies by, names the counted event and the section")
    func countedEventNeedsField() throws {
        let f = try Self.workspace(#"[{"form": "bao-cao-chi-tieu", "removeFields": ["don-vi", "ky-bao-cao"]}]"#)
        defer { f.ws.remove() }
        let all = {
            let r = f.ws.run(["check"]); return r.output + r.errors
        }()
        #expect(all.contains("sự kiện đếm «bao-cao-chi-tieu» (dùng trong tiêu chí «tc-tap-the-bao-cao») cần"), "\(all)")
        #expect(all.contains("vai trò «term»"), "\(all)")
        #expect(all.contains("mục «bao-cao-theo-don-vi» của mẫu báo cáo «tong-ket»"), "\(all)")
    }

    @Test("an unknown form or field gets the allowed list and a did-you-mean; an empty label is refused")
    func unknownNames() throws {
        let f = try Self.workspace(
            #"[{"form": "bao-cao-chi-tieuu", "removeFields": ["x"]}, {"form": "dang-ky-thi-dua", "removeFields": ["mo-hinh-soo"], "relabel": {"cam-ket": " "}}]"#
        )
        defer { f.ws.remove() }
        let all = {
            let r = f.ws.run(["check"]); return r.output + r.errors
        }()
        #expect(all.contains("formChanges[0].form: biểu mẫu «bao-cao-chi-tieuu» không có"), "\(all)")
        #expect(all.contains("có phải ý bạn là «bao-cao-chi-tieu»?"))
        #expect(all.contains("formChanges[1].removeFields[0]: biểu mẫu «dang-ky-thi-dua» không có trường «mo-hinh-soo»"), "\(all)")
        #expect(all.contains("có phải ý bạn là «mo-hinh-so»?"))
        #expect(all.contains("formChanges[1].relabel.cam-ket: nhãn mới không được để trống"), "\(all)")
    }

    @Test("a whole form replaced under the same id: its fields are the plan's; a different id is refused")
    func replaceForm() throws {
        let f = try Self.workspace(
            #"[{"form": "dang-ky-thi-dua", "replaceForm": {"id": "dang-ky-thi-dua", "title": "Phiếu đăng ký của chi bộ", "filledBy": "collective", "fields": [{"id": "don-vi", "label": "Chi bộ", "kind": "unit"}, {"id": "noi-dung", "label": "Việc đăng ký làm", "kind": "text"}]}}]"#
        )
        defer { f.ws.remove() }
        #expect(f.ws.run(["check"]).code == 0)
        let form = f.ws.run(["doc", Self.campaign, "form", "--form", "dang-ky-thi-dua"])
        #expect(form.output.contains("Phiếu đăng ký của chi bộ"), "\(form.output)")
        #expect(form.output.contains("Việc đăng ký làm"))
        #expect(!form.output.contains("Mô hình"), "\(form.output)")
        let url = f.ws.root.appendingPathComponent("campaigns/\(Self.campaign).json")
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"id\": \"dang-ky-thi-dua\", \"title\"", with: "\"id\": \"dang-ky-khac\", \"title\"").utf8).write(to: url)
        let all = {
            let r = f.ws.run(["check"]); return r.output + r.errors
        }()
        #expect(all.contains("biểu mẫu thay thế phải giữ mã «dang-ky-thi-dua»"), "\(all)")
    }
}
