import Foundation
import Testing
import ThiDuaCLI

/// The council's CSV sheets on a plan the corpus workspaces do not have: an award kind for
/// collectives only, and a secret ballot. Every refusal names the file, the row and the
/// column, says what was found and what is allowed, and changes nothing.
@Suite("Review sheets: row and column in every refusal")
struct ReviewSheetTests {
    static let campaign = "campaigns/nam-gia-nghia-cchc-2026.json"

    /// The `assessed` workspace with the plan edited: the Giấy khen for collectives only, the
    /// Bằng khen by secret ballot, and one person enrolled.
    static func workspace() throws -> (FaultWorkspace, cleanup: () -> Void) {
        let setups = try FaultWorkspaces.build(through: "assessed")
        let ws = try setups["assessed"]!.copy("review-sheets")
        let cleanup = {
            setups.values.forEach { $0.remove() }
            ws.remove()
        }
        let url = ws.root.appendingPathComponent(campaign)
        var plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var awards = try #require(plan["awards"] as? [[String: Any]])
        for index in awards.indices {
            switch awards[index]["id"] as? String {
            case "giay-khen-chu-tich-phuong":
                awards[index]["recipients"] = ["collective"]
                let standards = awards[index]["standards"] as? [[String: Any]] ?? []
                awards[index]["standards"] = standards.filter { $0["appliesTo"] as? String != "individual" }
            case "bang-khen-chu-tich-tinh": awards[index]["council"] = ["secret": true, "approval": "90%"]
            default: break
            }
        }
        plan["awards"] = awards
        try JSONSerialization.data(withJSONObject: plan, options: [.prettyPrinted, .sortedKeys]).write(to: url)
        let enrolled = ws.run(["enroll", "nam-gia-nghia-cchc-2026", "--people", "Nguyễn Thị Lan"])
        #expect(enrolled.code == 0, "\(enrolled.text)")
        return (ws, cleanup)
    }

    @Test("a nominee for an award not given to its kind: the row and the «Hình thức» column")
    func awardNotForKind() throws {
        let (ws, cleanup) = try Self.workspace()
        defer { cleanup() }
        let members = try ws.write("inbox/hoi-dong.csv", FaultWorkspaces.members)
        let nominees = try ws.write(
            "inbox/de-cu.csv",
            """
            Đối tượng,Hình thức
            Văn phòng HĐND và UBND,Giấy khen của Chủ tịch Ủy ban nhân dân phường
            Nguyễn Thị Lan,giay-khen-chu-tich-phuong

            """)
        let before = ws.snapshot()
        let result = ws.run(["review", "open", "nam-gia-nghia-cchc-2026", "--period", "2026", "--members", members, "--nominees", nominees])
        #expect(result.code == 1)
        #expect(
            result.text.contains(
                "inbox/de-cu.csv:3: lỗi: dòng 3, cột «Hình thức»: «Giấy khen của Chủ tịch Ủy ban nhân dân phường» không dành cho cá nhân («Nguyễn Thị Lan»); hình thức này dành cho: tập thể"
            ), "\(result.text)")
        #expect(!result.text.contains("de-cu.csv:2"), "row 2 is a valid nomination:\n\(result.text)")
        #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty)
    }

    @Test("a ballots file on a secret review: refused naming the file, pointing to the tally")
    func secretReviewRefusesBallotsFile() throws {
        let (ws, cleanup) = try Self.workspace()
        defer { cleanup() }
        let members = try ws.write("inbox/hoi-dong.csv", FaultWorkspaces.members)
        let nominees = try ws.write(
            "inbox/de-cu.csv",
            """
            Đối tượng,Hình thức
            Văn phòng HĐND và UBND,Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh

            """)
        let opened = ws.run(["review", "open", "nam-gia-nghia-cchc-2026", "--period", "2026", "--members", members, "--nominees", nominees])
        #expect(opened.code == 0, "\(opened.text)")
        let ballots = try ws.write("inbox/phieu.csv", FaultWorkspaces.ballots)
        let before = ws.snapshot()
        let vote = ws.run(["review", "vote", "nam-gia-nghia-cchc-2026", "--file", ballots])
        #expect(vote.code == 1)
        #expect(
            vote.text.contains(
                "inbox/phieu.csv: lỗi: phiên «bx-2026-1» bỏ phiếu kín nên không nhận phiếu ghi tên. Gợi ý: nhập kết quả kiểm phiếu bằng `thidua review tally`"
            ),
            "\(vote.text)")
        #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty)

        // Every problem of a tally sheet at once, each at its row and column.
        let sheet = try ws.write(
            "inbox/kiem-phieu.csv",
            """
            Mã đề cử,Đồng ý,Không đồng ý,Không biểu quyết
            1,4,,0
            2,1,0,0
            1,3,1,0

            """)
        let tally = ws.run(["review", "tally", "nam-gia-nghia-cchc-2026", sheet])
        #expect(tally.code == 1)
        for line in [
            "inbox/kiem-phieu.csv:2: lỗi: dòng 2, cột «Không đồng ý»: ô để trống; cần số phiếu, số nguyên từ 0 đến 5 (số thành viên Hội đồng)",
            "inbox/kiem-phieu.csv:3: lỗi: dòng 3, cột «Mã đề cử»: không có đề cử mã «2» trong phiên «bx-2026-1»; các mã: 1",
            "inbox/kiem-phieu.csv:4: lỗi: dòng 4: đề cử «1» có hai dòng (dòng 2 và dòng 4)",
        ] {
            #expect(tally.text.contains(line), "\(tally.text)")
        }
        #expect(FaultWorkspace.changes(before, ws.snapshot()).count == 1, "only the new sheet file is new")

        // The same sheet corrected is taken.
        let good = try ws.write("inbox/kiem-phieu.csv", "Mã đề cử,Đồng ý,Không đồng ý\n1,5,0\n")
        let taken = ws.run(["review", "tally", "nam-gia-nghia-cchc-2026", good])
        #expect(taken.code == 0, "\(taken.text)")
    }

    @Test("ballots by name: a member written in another letter case is the same member")
    func ballotsGroupByMember() throws {
        let setups = try FaultWorkspaces.build(through: "review-open")
        defer { setups.values.forEach { $0.remove() } }
        let ws = setups["review-open"]!
        let file = try ws.write(
            "inbox/phieu.csv",
            """
            Thành viên,Mã đề cử,Biểu quyết
            Nguyễn Văn An,1,đồng ý
            nguyễn văn an,1,đồng ý
            Trần Thị Bình,1,không đồng ý

            """)
        let result = ws.run(["review", "vote", "nam-gia-nghia-cchc-2026", "--file", file])
        #expect(result.code == 0, "\(result.text)")
        #expect(result.output.contains("Đã ghi 2 phiếu biểu quyết vào phiên bx-2026-1."), "\(result.output)")
    }
}
