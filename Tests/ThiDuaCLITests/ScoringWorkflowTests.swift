import Foundation
import Testing

/// The example plan `docs/examples/phuong-mau-cham-diem-tdp-2026.json` through the whole cycle:
/// enrol → submit figures and self-scores → appraise → evaluate → review → decide, with the
/// totals worked out by hand below.
@Suite("A plan scored on points, through the command line")
struct ScoringWorkflowTests {
    static let campaign = "phuong-mau-cham-diem-tdp-2026"

    static let units = """
        Mã,Tên đơn vị,Loại,Trực thuộc
        tdp-1,Tổ dân phố 1,tổ dân phố,
        tdp-2,Tổ dân phố 2,tổ dân phố,
        tdp-3,Tổ dân phố 3,tổ dân phố,
        tdp-4,Tổ dân phố 4,tổ dân phố,
        tdp-5,Tổ dân phố 5,tổ dân phố,

        """

    static let figures = """
        "Cơ quan, đơn vị (để trống nếu là số liệu chung)",Cá nhân (nếu chỉ tiêu tính cho cá nhân),Chỉ tiêu,Kết quả,Kết quả năm trước,Năm,"Tài liệu, minh chứng"
        Tổ dân phố 1,,ho-van-hoa,180,,2026,
        Tổ dân phố 1,,tong-so-ho,200,,2026,
        Tổ dân phố 1,,dong-gop,96,,2026,
        Tổ dân phố 1,,hoa-giai,92,,2026,
        Tổ dân phố 2,,ho-van-hoa,150,,2026,
        Tổ dân phố 2,,tong-so-ho,200,,2026,
        Tổ dân phố 2,,dong-gop,91,,2026,
        Tổ dân phố 2,,hoa-giai,75,,2026,
        Tổ dân phố 3,,ho-van-hoa,190,,2026,
        Tổ dân phố 3,,tong-so-ho,200,,2026,
        Tổ dân phố 3,,dong-gop,98,,2026,
        Tổ dân phố 3,,hoa-giai,95,,2026,
        Tổ dân phố 4,,ho-van-hoa,100,,2026,
        Tổ dân phố 4,,tong-so-ho,200,,2026,
        Tổ dân phố 4,,dong-gop,70,,2026,
        Tổ dân phố 4,,hoa-giai,60,,2026,
        Tổ dân phố 5,,ho-van-hoa,120,,2026,
        Tổ dân phố 5,,tong-so-ho,200,,2026,
        Tổ dân phố 5,,dong-gop,85,,2026,
        Tổ dân phố 5,,hoa-giai,80,,2026,

        """

    static let selfScores = """
        "Cơ quan, đơn vị",Tiêu chí,Tự đánh giá đạt,Điểm tự chấm,"Tài liệu, minh chứng"
        Tổ dân phố 1,hop-dan,có,19,Biên bản 12 cuộc họp
        Tổ dân phố 1,tuyen-truyen,có,18,
        Tổ dân phố 1,mo-hinh-dvk,có,3,Quyết định công nhận mô hình
        Tổ dân phố 1,bieu-duong,có,2,
        Tổ dân phố 1,khong-vi-pham,có,,
        Tổ dân phố 1,ve-sinh,có,9,
        Tổ dân phố 2,hop-dan,có,20,
        Tổ dân phố 2,tuyen-truyen,có,20,
        Tổ dân phố 2,mo-hinh-dvk,có,5,
        Tổ dân phố 2,khong-vi-pham,có,,
        Tổ dân phố 2,ve-sinh,có,"7,5",
        Tổ dân phố 3,hop-dan,có,20,
        Tổ dân phố 3,tuyen-truyen,có,20,
        Tổ dân phố 3,bieu-duong,có,2,
        Tổ dân phố 3,khong-vi-pham,không,,
        Tổ dân phố 3,ve-sinh,có,10,
        Tổ dân phố 4,hop-dan,có,10,
        Tổ dân phố 4,tuyen-truyen,có,10,
        Tổ dân phố 4,khong-vi-pham,có,,
        Tổ dân phố 4,ve-sinh,có,5,

        """

    static let members = """
        Họ và tên,Chức vụ trong Hội đồng
        Nguyễn Văn An,Chủ tịch Hội đồng
        Trần Thị Bình,Thư ký
        Lê Văn Cường,Ủy viên

        """

    func prepared() throws -> TemporaryWorkspace {
        let ws = try TemporaryWorkspace(example: Self.campaign)
        #expect(ws.run(["roster", "import", ws.write("units.csv", Self.units)]).code == 0)
        let enrolled = ws.run(["enroll", Self.campaign, "--units", (1...5).map { "Tổ dân phố \($0)" }.joined(separator: ",")])
        #expect(enrolled.code == 0, "\(enrolled.errors)")
        for (form, name, text) in [("ket-qua-chi-tieu", "chi-tieu.csv", Self.figures), ("tu-danh-gia-tap-the", "tu-cham.csv", Self.selfScores)] {
            let submitted = ws.run(["submit", Self.campaign, form, ws.write(name, text)], today: "2026-11-10")
            #expect(submitted.code == 0, "\(submitted.errors)")
        }
        return ws
    }

    @Test("the example plan checks with no error")
    func checks() throws {
        let ws = try TemporaryWorkspace(example: Self.campaign)
        defer { ws.remove() }
        let check = ws.run(["check"])
        #expect(check.code == 0, "\(check.output)")
        #expect(check.output.contains("1 tệp: 1 hợp lệ, 0 có lỗi, 0 cảnh báo."), "\(check.output)")
    }

    @Test("self-scores, appraisal, evaluation, review and decision give the hand-computed totals, bands, ranks and quota")
    func cycle() throws {
        let ws = try prepared()
        defer { ws.remove() }
        let appraisals = [
            ("Tổ dân phố 1", "tuyen-truyen", "17", "Thiếu biên bản họp tháng 6"),
            ("Tổ dân phố 4", "vu-viec-phuc-tap", "6", "Có 01 vụ khiếu kiện đông người"),
        ]
        for (who, item, points, reason) in appraisals {
            let appraised = ws.run(
                ["appraise", Self.campaign, "--participant", who, "--item", item, "--points", points, "--reason", reason, "--period", "2026"])
            #expect(appraised.code == 0, "\(appraised.errors)")
        }
        // Over the item's maximum: refused, nothing recorded.
        let over = ws.run(["appraise", Self.campaign, "--participant", "Tổ dân phố 2", "--item", "mo-hinh-dvk", "--points", "4", "--reason", "x"])
        #expect(over.code != 0)
        #expect(over.errors.contains("vượt điểm tối đa 3 của tiêu chí «mo-hinh-dvk»"), "\(over.errors)")

        let evaluation = ws.run(["evaluate", Self.campaign, "--period", "2026"])
        #expect(evaluation.code == 0, "\(evaluation.errors)")
        let out = evaluation.output
        // TDP 1: dân vận 19 + 17 (appraised from 18) + 180/200 × 10 = 9 → 45; bonus 3 + 2 = 5 over the block's 4 → 4;
        // kinh tế: 96% ≥ 95 → 20, 92% ≥ 90 → 10 → 30; xây dựng: yes → 10, 9 → 19. 45 + 30 + 19 + 4 = 98; self 99.
        #expect(out.contains("tổng 98/100 điểm (điểm các phần 94 + thưởng 4); tự chấm 99, chênh lệch -1"), "\(out)")
        #expect(out.contains("điểm thưởng phần «Công tác dân vận, dân chủ ở cơ sở» 5 vượt mức tối đa 4, chỉ tính 4"))
        #expect(out.contains("tổng 98 điểm (từ 90 điểm trở lên) → Hoàn thành xuất sắc nhiệm vụ"))
        // TDP 2: 20 + 20 + 150/200 × 10 = 7,5 → 47,5; bonus 5 claimed, item cap 3; 91% → 16, 75% → 6; 10 + 7,5.
        // 47,5 + 22 + 17,5 + 3 = 90,0: exactly on the edge of «xuất sắc».
        #expect(out.contains("tổng 90/100 điểm (điểm các phần 87 + thưởng 3)"), "\(out)")
        #expect(out.contains("tổng 90 điểm (từ 90 điểm trở lên) → Hoàn thành xuất sắc nhiệm vụ"))
        // TDP 3: 20 + 20 + 9,5 = 49,5; 98% → 20, 95% → 10; «không vi phạm»: no → 0, 10. 49,5 + 30 + 10 + 2 = 91,5,
        // but the gate demotes it to «Hoàn thành nhiệm vụ».
        #expect(out.contains("tổng 91,5/100 điểm (điểm các phần 89,5 + thưởng 2)"), "\(out)")
        #expect(out.contains("không đạt điều kiện «Không có hộ vi phạm pháp luật nghiêm trọng»"))
        #expect(out.contains("→ hạ xuống Hoàn thành nhiệm vụ"))
        // TDP 4: 10 + 10 + 5 = 25; 70% → 0, 60% → 0, so the appraised 6-point deduction stops at 0; 10 + 5. Total 40.
        #expect(out.contains("tổng 40/100 điểm (điểm các phần 40)"), "\(out)")
        #expect(out.contains("phần không dưới 0 nên chỉ trừ 0"))
        #expect(out.contains("tổng 40 điểm (từ 0 đến dưới 50 điểm) → Không hoàn thành nhiệm vụ"))
        // TDP 5 sent figures but no self-score: not rated, not ranked.
        #expect(out.contains("Tổ dân phố 5 (chưa xếp hạng)"))
        #expect(out.contains("«Bảng chấm điểm thi đua tổ dân phố năm 2026»: không xếp loại (chưa gửi bảng tự chấm điểm)"))
        #expect(out.contains("  1    Tổ dân phố 1  —         98/100      Giấy khen của Chủ tịch UBND phường\n"), "\(out)")
        #expect(out.contains("  —    Tổ dân phố 5  —         không xếp loại —\n"))
        #expect(
            out.hasSuffix(
                "Tập thể xếp hạng theo tổng điểm «Bảng chấm điểm thi đua tổ dân phố năm 2026» từ cao xuống thấp; bằng điểm thì xét lần lượt: điểm phần «Công tác dân vận, dân chủ ở cơ sở» cao hơn, ít điểm trừ hơn, tỷ lệ phiếu đồng ý của Hội đồng cao hơn; vẫn bằng nhau thì đồng hạng. Không xếp loại hoặc chưa đủ điểm thì chưa xếp hạng.\n"
            ))
        for (rank, name) in [(1, "Tổ dân phố 1"), (2, "Tổ dân phố 3"), (3, "Tổ dân phố 2"), (4, "Tổ dân phố 4")] {
            #expect(out.contains("  \(name) (hạng \(rank))"), "\(name)")
        }

        let json = ws.run(["evaluate", Self.campaign, "--period", "2026", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let standings = try #require(report["standings"] as? [[String: Any]])
        let totals = standings.map { ($0["name"] as? String ?? "", $0["total"] as? Double) }
        let names: [String] = totals.map(\.0)
        #expect(names == ["Tổ dân phố 1", "Tổ dân phố 3", "Tổ dân phố 2", "Tổ dân phố 4", "Tổ dân phố 5"])
        let values: [Double?] = totals.map(\.1)
        #expect(values == [98, 91.5, 90, 40, nil])

        let opened = ws.run(["review", "open", Self.campaign, "--period", "2026", "--members", ws.write("hd.csv", Self.members)], today: "2026-11-25")
        #expect(opened.code == 0, "\(opened.errors)")
        // Eligible: rated «xuất sắc» only (TDP 1 and 2; TDP 3 was demoted).
        #expect(opened.output.contains("3 thành viên, 2 đề cử"), "\(opened.output)")
        for member in ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"] {
            #expect(ws.run(["review", "vote", Self.campaign, "--member", member, "--agree", "all"], today: "2026-11-25").code == 0)
        }
        #expect(ws.run(["review", "close", Self.campaign], today: "2026-11-25").code == 0)
        let proposal = ws.run(["doc", Self.campaign, "to-trinh"], today: "2026-11-26")
        #expect(
            proposal.output.contains(
                "Chỉ tiêu “Giấy khen của Chủ tịch UBND phường” (tập thể): không quá 30% của 5 đối tượng thuộc nhóm “Các tổ dân phố thuộc phường” = 1,5, làm tròn xuống được 1."
            ), "\(proposal.output)")

        // 30% of the 5 tổ dân phố = 1,5, rounded down: 1. TDP 1 ranks first; TDP 2 is left out.
        let decided = ws.run(["decide", Self.campaign, "--date", "01/12/2026"], today: "2026-12-01")
        #expect(decided.code == 0, "\(decided.errors)")
        #expect(decided.output.contains("  - Tổ dân phố 1 — Giấy khen của Chủ tịch UBND phường: 1.410.000 đồng"), "\(decided.output)")
        #expect(decided.output.contains("Không đưa vào: Tổ dân phố 2 — Giấy khen của Chủ tịch UBND phường: vượt chỉ tiêu 1 tập thể."))

        let rating = ws.run(["doc", Self.campaign, "xep-loai", "--period", "2026"], today: "2026-12-01")
        #expect(rating.code == 0, "\(rating.errors)")
        #expect(rating.output.contains("| 1 | Tổ dân phố 1 | 99 | 94 | 4 | 0 | 98 | Hoàn thành xuất sắc nhiệm vụ |"), "\(rating.output)")
        #expect(rating.output.contains("| — | Tổ dân phố 5 | — | — | 0 | 0 | — | Không xếp loại |"))
        let report2 = ws.run(["doc", Self.campaign, "tong-ket", "--period", "2026"], today: "2026-12-01")
        #expect(report2.output.contains("Kết quả chấm điểm theo “Bảng chấm điểm thi đua tổ dân phố năm 2026”"), "\(report2.output)")
    }

    @Test("the blank sheet and a filled sheet show self-score and appraised columns")
    func sheets() throws {
        let ws = try prepared()
        defer { ws.remove() }
        _ = ws.run([
            "appraise", Self.campaign, "--participant", "Tổ dân phố 1", "--item", "tuyen-truyen", "--points", "17", "--reason", "Thiếu biên bản họp tháng 6",
        ])
        let out = ws.root.appendingPathComponent("out-sheets")
        let written = ws.run(["doc", Self.campaign, "bang-diem", "--period", "2026", "--out", out.path])
        #expect(written.code == 0, "\(written.errors)")
        let blank = try String(contentsOf: out.appendingPathComponent("\(Self.campaign)-bang-diem-bang-diem-tdp.md"), encoding: .utf8)
        #expect(blank.contains("| TT | Nội dung, tiêu chí | Điểm tối đa | Điểm tự chấm | Điểm thẩm định | Chênh lệch | Lý do, tài liệu kiểm chứng |"))
        #expect(blank.contains("| 2.1 | Hoàn thành các khoản đóng góp (từ 95 → 20; từ 90 → 16; từ 80 → 10) | 20 |  |  |  |  |"), "\(blank)")
        #expect(blank.contains("Đơn vị: …"))
        let filled = try String(contentsOf: out.appendingPathComponent("\(Self.campaign)-bang-diem-bang-diem-tdp-tdp-1.md"), encoding: .utf8)
        #expect(filled.contains("| 1.2 | Tuyên truyền chủ trương, chính sách đến hộ dân | 20 | 18 | 17 | \\-1 | Thiếu biên bản họp tháng 6 |"), "\(filled)")
        #expect(filled.contains("|  | TỔNG ĐIỂM | 100 | 99 | 98 |  |  |"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("\(Self.campaign)-bang-diem-bang-diem-tdp-tdp-5.md").path))
    }
}
