import Foundation
import Testing
import ThiDuaCore

/// Issue 16, defects 2, 6 and 7, through the real command: a crafted journal's ids never name a
/// file, the same file or decision number is not recorded twice, and a plan changed after a
/// lock cannot change locked results silently.
@Suite("Journal trust: crafted ids, duplicates, plans pinned")
struct JournalTrustTests {
    static let campaign = "nam-gia-nghia-cchc-2026"
    static let other = "minh-xuan-dvk-2026"

    /// Appends a typed event the way a crafted workspace would: the chain stays valid.
    static func plant<P: EventPayload>(_ payload: P, in ws: FaultWorkspace, campaign: String) throws {
        let store = Workspace(root: ws.root).journal(for: campaign)
        let last = try store.read().events.last?.seq ?? 0
        _ = try store.append(
            [try payload.draft(actor: "kẻ gian", date: CivilDate(year: 2026, month: 11, day: 20)!)], time: "2026-11-20T00:00:00Z",
            expectingLastSeq: last)
    }

    @Test("defect 2: a review naming «../../x» replays into no file name; doc --all refuses, writes nothing, verify still passes")
    func craftedParticipantID() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let payload = ReviewOpenedPayload(
            review: "bx-2026-1", period: EvaluationPeriod(year: 2026), meetingDate: nil, place: nil,
            members: [CouncilMember(name: "A", role: "Chủ tịch Hội đồng")],
            nominees: [Nominee(id: "1", participant: .unit("../../../thoat-ra"), award: "giay-khen-chu-tich-phuong")], rules: [:])
        try Self.plant(payload, in: ws, campaign: Self.campaign)
        let verified = ws.run(["verify", Self.campaign])
        #expect(verified.code == 0, "the chain has no key, so a crafted line verifies: \(verified.text)")
        let before = ws.snapshot()
        let result = ws.run(["doc", Self.campaign, "--all", "--out", "ra"])
        #expect(result.code == 1, "\(result.text)")
        #expect(result.text.contains("dòng") && result.text.contains("không dùng được"), "\(result.text)")
        #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: ws.root.deletingLastPathComponent().appendingPathComponent("thoat-ra").path))
    }

    @Test("defect 6: the same file sent twice is refused with the line of the first; --again records it")
    func duplicateSubmission() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let file = try ws.write("inbox/dang-ky.csv", FaultSuite.registrations(3))
        #expect(ws.run(["submit", Self.other, "dang-ky-mo-hinh", file]).code == 0)
        let before = ws.snapshot()
        let again = ws.run(["submit", Self.other, "dang-ky-mo-hinh", file])
        #expect(again.code == 1)
        #expect(again.text.contains("giống hệt lần nộp ở dòng") && again.text.contains("--again"), "\(again.text)")
        #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty)
        #expect(ws.run(["submit", Self.other, "dang-ky-mo-hinh", file, "--again"]).code == 0)
    }

    @Test("defect 6: a decision number used by another campaign is refused")
    func duplicateDecisionNumber() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        let line = DecisionLine(participant: .unit("van-phong"), name: "Văn phòng HĐND và UBND", detail: "", award: "x", amount: 100)
        let signed = DecisionRecord(
            period: "2026", date: CivilDate(year: 2026, month: 12, day: 1)!, number: "35/QĐ-UBND", review: "bx-2026-1", upward: false,
            lines: [line], total: 100, totalInWords: nil, leftOut: [])
        try Self.plant(signed, in: ws, campaign: Self.other)
        var draft = signed
        draft.number = nil
        try Self.plant(draft, in: ws, campaign: Self.campaign)
        let before = ws.snapshot()
        let result = ws.run(["decide", Self.campaign, "--signed", "--number", "35/QĐ-UBND", "--date", "02/12/2026"])
        #expect(result.code == 1, "\(result.text)")
        #expect(result.text.contains("Số quyết định «35/QĐ-UBND» đã dùng"), "\(result.text)")
        #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty)
        #expect(ws.run(["decide", Self.campaign, "--signed", "--number", "36/QĐ-UBND", "--date", "02/12/2026"]).code == 0)
    }

    @Test("defect 7: the campaign file changed after a lock is refused until the change is recorded with a reason")
    func planPinned() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        #expect(ws.run(["launch", Self.campaign]).code == 0)
        #expect(ws.run(["lock", Self.campaign, "--period", "2026-6t", "--reason", "Đã sơ kết"]).code == 0)
        let file = "campaigns/\(Self.campaign).json"
        var text = try String(contentsOf: ws.root.appendingPathComponent(file), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"version\": 1,", with: "\"version\": 1, // sửa sau khi khóa\n")
        try ws.write(file, text)
        let before = ws.snapshot()
        let refused = ws.run(["enroll", Self.campaign, "--units", "Phòng Kinh tế"])
        #expect(refused.code == 1)
        #expect(refused.text.contains("đã thay đổi sau khi khóa kết quả") && refused.text.contains("thidua amend"), "\(refused.text)")
        #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty)
        #expect(ws.run(["amend", Self.campaign, "--reason", " "]).code == 1)
        #expect(ws.run(["amend", Self.campaign, "--reason", "Bổ sung ghi chú theo ý kiến Thường trực"]).code == 0)
        let journal = try String(contentsOf: ws.root.appendingPathComponent("data/\(Self.campaign).journal.jsonl"), encoding: .utf8)
        #expect(journal.contains("\"kind\":\"plan-amended\""), "the amendment is on the record")
    }

    @Test("doc --all on a disk that fills up mid-set: the files of that run are taken back, no partial set")
    func docAllRollsBack() throws {
        let (ws, cleanup) = try FaultSuite.enrolledWorkspace()
        defer { cleanup() }
        // RLIMIT_FSIZE caps each file: the small documents fit, the plan (the largest) does not.
        guard let outcome = try FaultSuite.runLimited(ws, bytes: 6_000, ["doc", Self.campaign, "--all", "--format", "html", "--out", "ra"]) else {
            return
        }
        #expect(outcome.status != 0, "\(outcome.summary)")
        #expect(outcome.errors.contains("Không giữ tệp nào của lần xuất này"), "\(outcome.summary)")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: ws.root.appendingPathComponent("ra").path)) ?? []
        #expect(left.filter { !$0.hasPrefix(".") }.isEmpty, "a partial set was left: \(left)")
    }
}
