import Foundation
import Testing

/// Self-assessment → evaluation → review → decision → awards on the Nam Gia Nghĩa plan.
@Suite("Evaluation, review and awards through the command line")
struct AwardWorkflowTests {
    static let selfAssessment = """
        "Cơ quan, đơn vị",Tiêu chí,Tự đánh giá đạt,Điểm tự chấm,"Tài liệu, minh chứng"
        Văn phòng HĐND và UBND,ky-luat-ky-cuong,có,,
        Văn phòng HĐND và UBND,sang-kien,có,,Quyết định công nhận sáng kiến số 12/QĐ-UBND
        Phòng Văn hóa – Xã hội,ky-luat-ky-cuong,có,,
        Phòng Văn hóa – Xã hội,dan-dau,không,,

        """

    static let members = """
        Họ và tên,Chức vụ trong Hội đồng
        Nguyễn Văn An,Chủ tịch Hội đồng
        Trần Thị Bình,Thư ký
        Lê Văn Cường,Ủy viên
        Phạm Thị Dung,Ủy viên
        Hoàng Văn Em,Ủy viên
        Vũ Thị Giang,Ủy viên

        """

    func prepared() throws -> TemporaryWorkspace {
        let ws = try TemporaryWorkspace(campaigns: ["nam-gia-nghia-cchc-2026"])
        #expect(ws.run(["roster", "import", ws.fixture("units.csv"), ws.fixture("people.csv")]).code == 0)
        let enrolled = ws.run(["enroll", "nam-gia-nghia-cchc-2026", "--units", "Văn phòng HĐND và UBND,Phòng Văn hóa – Xã hội"])
        #expect(enrolled.code == 0, "\(enrolled.errors)")
        let file = ws.write("tu-danh-gia.csv", Self.selfAssessment)
        let submitted = ws.run(["submit", "nam-gia-nghia-cchc-2026", "tu-danh-gia-tap-the", file], today: "2026-11-05")
        #expect(submitted.code == 0, "\(submitted.errors)")
        return ws
    }

    @Test("evaluate explains each standard, review votes, decide pays by ND 152/2025 and records the award")
    func cycle() throws {
        let ws = try prepared()
        defer { ws.remove() }
        let evaluation = ws.run(["evaluate", "nam-gia-nghia-cchc-2026", "--period", "2026"])
        #expect(evaluation.code == 0, "\(evaluation.errors)")
        #expect(evaluation.output.contains("Văn phòng HĐND và UBND"))
        #expect(evaluation.output.contains("minh chứng: Quyết định công nhận sáng kiến số 12/QĐ-UBND"), "\(evaluation.output)")
        #expect(evaluation.output.contains("Dẫn đầu các phòng, đơn vị trong thực hiện nhiệm vụ CCHC không hoặc"), "\(evaluation.output)")
        let json = ws.run(["evaluate", "nam-gia-nghia-cchc-2026", "--period", "2026", "--format", "json"])
        #expect(json.output.contains("\"qualifies\""))
        let csv = ws.run(["evaluate", "nam-gia-nghia-cchc-2026", "--period", "2026", "--format", "csv"])
        #expect(csv.output.hasPrefix("\u{FEFF}Kỳ,Loại,Mã,Tên,Hạng"))

        let membersFile = ws.write("hoi-dong.csv", Self.members)
        let opened = ws.run(["review", "open", "nam-gia-nghia-cchc-2026", "--period", "2026", "--members", membersFile], today: "2026-11-20")
        #expect(opened.code == 0, "\(opened.errors)")
        #expect(opened.output.contains("6 thành viên, 1 đề cử"), "\(opened.output)")
        #expect(opened.output.contains("1. Văn phòng HĐND và UBND — Giấy khen"))

        let ballots = ws.write(
            "phieu.csv",
            """
            Thành viên,Mã đề cử,Biểu quyết
            Nguyễn Văn An,1,đồng ý
            Trần Thị Bình,1,đồng ý
            Lê Văn Cường,1,đồng ý
            Phạm Thị Dung,1,xung đột lợi ích
            Hoàng Văn Em,1,không đồng ý

            """)
        let voted = ws.run(["review", "vote", "nam-gia-nghia-cchc-2026", "--file", ballots], today: "2026-11-20")
        #expect(voted.code == 0, "\(voted.errors)")
        let short = ws.run(["review", "close", "nam-gia-nghia-cchc-2026", "--absent", "Vũ Thị Giang;Hoàng Văn Em"], today: "2026-11-20")
        #expect(short.code == 1)
        #expect(short.errors.contains("«Hoàng Văn Em» được ghi vắng mặt nhưng có phiếu"), "\(short.errors)")
        let closed = ws.run(["review", "close", "nam-gia-nghia-cchc-2026", "--absent", "Vũ Thị Giang"], today: "2026-11-20")
        #expect(closed.code == 0, "\(closed.errors)")
        // 5 present, 1 conflict → 4 voting, 3 agree = 75% ≥ 70%.
        #expect(closed.output.contains("3/4 thành viên biểu quyết đồng ý = 75% ≥ 70% → đề nghị khen thưởng"), "\(closed.output)")

        let decided = ws.run(["decide", "nam-gia-nghia-cchc-2026", "--date", "01/12/2026", "--number", "35/QĐ-UBND"], today: "2026-12-01")
        #expect(decided.code == 0, "\(decided.errors)")
        #expect(decided.output.contains("1.410.000 đồng (2 × 0,3 × 2.340.000 đồng (Nghị định 152/2025/NĐ-CP))"), "\(decided.output)")
        #expect(decided.output.contains("Một triệu bốn trăm mười nghìn đồng"))
        let again = ws.run(["decide", "nam-gia-nghia-cchc-2026", "--date", "01/12/2026"], today: "2026-12-01")
        #expect(again.code == 1)

        let awards = ws.run(["awards", "--year", "2026"])
        #expect(awards.output.contains("Văn phòng HĐND và UBND — Giấy khen"), "\(awards.output)")
        let record = ws.run(["record", "Văn phòng HĐND và UBND"])
        #expect(record.output.contains("Năm 2026: Giấy khen"), "\(record.output)")
        #expect(record.output.contains("35/QĐ-UBND"))
        let decision = ws.run(["doc", "nam-gia-nghia-cchc-2026", "quyet-dinh"])
        #expect(decision.code == 0, "\(decision.errors)")
        #expect(decision.output.contains("Điều 1."), "\(decision.output)")
        #expect(decision.output.contains("1.410.000"))
        #expect(decision.output.contains("Một triệu bốn trăm mười nghìn đồng"))
        #expect(decision.output.contains("Số: 35/QĐ-UBND"))
        let minutes = ws.run(["doc", "nam-gia-nghia-cchc-2026", "bien-ban"])
        #expect(minutes.output.contains("có mặt: 5; vắng mặt: 1 (Vũ Thị Giang)"), "\(minutes.output)")
        #expect(minutes.output.contains("BIÊN BẢN"))
        let achievement = ws.run(["doc", "nam-gia-nghia-cchc-2026", "thanh-tich"])
        #expect(achievement.output.contains("Mẫu số 02"), "\(achievement.output)")
        let out = ws.root.appendingPathComponent("out/ho-so").path
        for format in ["html", "docx", "md"] {
            let all = ws.run(["doc", "nam-gia-nghia-cchc-2026", "--all", "--format", format, "--out", out])
            #expect(all.code == 0, "\(all.errors)")
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        for name in ["plan", "bien-ban", "to-trinh", "quyet-dinh", "giay-khen", "tong-ket", "so-ket", "thanh-tich-van-phong"] {
            #expect(files.contains("nam-gia-nghia-cchc-2026-\(name).docx"), "missing \(name).docx in \(files.sorted())")
            #expect(files.contains("nam-gia-nghia-cchc-2026-\(name).html"), "missing \(name).html")
        }
        let verified = ws.run(["verify"])
        #expect(verified.code == 0, "\(verified.output)\(verified.errors)")
    }

    @Test("after a lock, submissions, corrections and appraisals of that period are refused and nothing is written")
    func lock() throws {
        let ws = try prepared()
        defer { ws.remove() }
        let locked = ws.run(["lock", "nam-gia-nghia-cchc-2026", "--period", "2026", "--reason", "Đã tổng kết"], today: "2026-11-30")
        #expect(locked.code == 0, "\(locked.errors)")
        let before = ws.snapshot()
        let file = ws.write("them.csv", Self.selfAssessment)
        let snapshotWithFile = ws.snapshot()
        #expect(snapshotWithFile.count == before.count + 1)

        let submit = ws.run(["submit", "nam-gia-nghia-cchc-2026", "tu-danh-gia-tap-the", file], today: "2026-12-02")
        #expect(submit.code == 1)
        #expect(submit.errors.contains("năm 2026, kỳ đã khóa"), "\(submit.errors)")
        let appraise = ws.run(
            [
                "appraise", "nam-gia-nghia-cchc-2026", "--participant", "Phòng Văn hóa – Xã hội", "--item", "dan-dau", "--met", "yes",
                "--reason", "Bổ sung minh chứng", "--period", "2026",
            ], today: "2026-12-02")
        #expect(appraise.code == 1)
        #expect(appraise.errors.contains("đã khóa"), "\(appraise.errors)")
        let correct = ws.run(
            ["correct", "nam-gia-nghia-cchc-2026", "--submission", "2", "--row", "4", "--field", "dat", "--value", "có", "--reason", "Nhầm"],
            today: "2026-12-02")
        #expect(correct.code == 1)
        #expect(correct.errors.contains("đã khóa"), "\(correct.errors)")
        let relock = ws.run(["lock", "nam-gia-nghia-cchc-2026", "--period", "2026"], today: "2026-12-02")
        #expect(relock.code == 1)
        #expect(ws.snapshot() == snapshotWithFile, "a refused command changed a file")
    }

    @Test("an appraisal needs a reason, is journaled old → new, and changes the evaluation")
    func appraisal() throws {
        let ws = try prepared()
        defer { ws.remove() }
        let noReason = ws.run(["appraise", "nam-gia-nghia-cchc-2026", "--participant", "Phòng Văn hóa – Xã hội", "--item", "dan-dau", "--met", "yes"])
        #expect(noReason.code == 64)
        let appraised = ws.run(
            [
                "appraise", "nam-gia-nghia-cchc-2026", "--participant", "Phòng Văn hóa – Xã hội", "--item", "dan-dau", "--met", "yes",
                "--evidence", "Biên bản kiểm tra CCHC ngày 10/11/2026", "--reason", "Đoàn kiểm tra xác nhận dẫn đầu khối", "--period", "2026",
            ], today: "2026-11-12")
        #expect(appraised.code == 0, "\(appraised.errors)")
        #expect(appraised.output.contains("dan-dau: không đạt → đạt"), "\(appraised.output)")
        let evaluation = ws.run(["evaluate", "nam-gia-nghia-cchc-2026", "--period", "2026"])
        #expect(evaluation.output.contains("đã thẩm định: Đoàn kiểm tra xác nhận dẫn đầu khối"), "\(evaluation.output)")
        let unknown = ws.run(
            ["appraise", "nam-gia-nghia-cchc-2026", "--participant", "Phòng Văn hóa – Xã hội", "--item", "dan-dauu", "--met", "yes", "--reason", "x"])
        #expect(unknown.code == 1)
        #expect(unknown.errors.contains("Có phải ý bạn là «dan-dau»?"), "\(unknown.errors)")
    }
}
