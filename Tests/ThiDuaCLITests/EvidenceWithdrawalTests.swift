import Foundation
import Testing

@testable import ThiDuaCLI
@testable import ThiDuaCore

/// Withdrawing an evidence file sent by mistake: an append-only event with the account and a
/// reason; the file stays on disk but is no longer listed, offered or withdrawn twice; a unit
/// head withdraws only his own unit's files; the state survives a new process's checkpoint.
@Suite("Withdrawing evidence files")
struct EvidenceWithdrawalTests {
    static let campaign = EvidenceTests.campaign

    /// Two enrolled units, one file each.
    static func prepared() throws -> (TemporaryWorkspace, BackOffice, own: EvidenceRecord, other: EvidenceRecord) {
        let (ws, office) = try EvidenceTests.prepared()
        _ = try office.enroll(campaign, EnrolmentRequest(units: ["phong-kinh-te"]), as: EvidenceTests.acting("canbo"))
        let own = try office.attachEvidence(
            campaign, EvidenceRequest(unit: "van-phong", file: InputFile(name: "nham.pdf", bytes: EvidenceTests.pdf)), as: EvidenceTests.acting()
        ).record
        let other = try office.attachEvidence(
            campaign, EvidenceRequest(unit: "phong-kinh-te", file: InputFile(name: "anh.png", bytes: EvidenceTests.png)),
            as: EvidenceTests.acting("kinhte")
        ).record
        return (ws, office, own, other)
    }

    @Test("a unit head withdraws his own file: recorded with the account and reason, no longer listed, the file kept")
    func unitWithdrawsOwn() throws {
        let (ws, office, own, other) = try Self.prepared()
        defer { ws.remove() }
        let before = EvidenceTests.journal(ws)
        let refusals: [(EvidenceAudience, Int, String, String)] = [
            (.unit("van-phong"), own.seq, "  ", "phải có lý do"),
            (.unit("van-phong"), own.seq, String(repeating: "ă", count: 501), "tối đa 500 ký tự"),
            (.unit("van-phong"), other.seq, "Nhầm", "Không có minh chứng số \(other.seq)"),
            (.unit("van-phong"), 1, "Nhầm", "Không có minh chứng số 1"),
            (.council, own.seq, "Nhầm", "Thành viên Hội đồng không rút được"),
        ]
        for (audience, seq, reason, message) in refusals {
            #expect {
                try office.withdrawEvidence(Self.campaign, seq: seq, reason: reason, by: audience, as: EvidenceTests.acting())
            } throws: { error in
                (error as? OfficeError)?.message.contains(message) == true
            }
        }
        #expect(EvidenceTests.journal(ws) == before)
        let done = try office.withdrawEvidence(Self.campaign, seq: own.seq, reason: " Gửi nhầm tệp ", by: .unit("van-phong"), as: EvidenceTests.acting())
        #expect(done.record == own && done.actor == "vanphong" && done.reason == "Gửi nhầm tệp" && done.seq == other.seq + 1)
        let journal = String(decoding: EvidenceTests.journal(ws), as: UTF8.self)
        #expect(journal.contains("\"kind\":\"evidence-withdrawn\""))
        #expect(journal.contains("\"evidence\":\(own.seq)"))
        let campaign = try office.open(Self.campaign)
        #expect(campaign.state.evidence == [other])
        #expect(campaign.state.withdrawnEvidence == [done])
        #expect(campaign.state.otherEvents == 0)
        #expect(office.evidence(in: campaign, for: .unit("van-phong")).isEmpty)
        #expect(office.withdrawnEvidence(in: campaign, for: .unit("van-phong")) == [done])
        #expect(office.withdrawnEvidence(in: campaign, for: .unit("phong-kinh-te")).isEmpty)
        #expect(throws: OfficeError.self) { try office.evidenceFile(in: campaign, seq: own.seq, for: .office) }
        // The bytes stay on disk, named by hash.
        #expect(EvidenceTests.stored(ws).contains("\(own.sha256).pdf"))
        // Not twice; the office withdraws any unit's file.
        #expect {
            try office.withdrawEvidence(Self.campaign, seq: own.seq, reason: "Lần nữa", by: .office, as: EvidenceTests.acting("canbo"))
        } throws: { error in
            (error as? OfficeError)?.message.contains("đã được rút ngày 03/6/2024 (tài khoản vanphong, lý do: Gửi nhầm tệp)") == true
        }
        let second = try office.withdrawEvidence(Self.campaign, seq: other.seq, reason: "Ảnh mờ", by: .office, as: EvidenceTests.acting("canbo"))
        #expect(second.actor == "canbo")
        // The same bytes may be sent again once withdrawn.
        _ = try office.attachEvidence(
            Self.campaign, EvidenceRequest(unit: "van-phong", file: InputFile(name: "dung.pdf", bytes: EvidenceTests.pdf)), as: EvidenceTests.acting())
        #expect(try office.open(Self.campaign).state.evidence.map(\.name) == ["dung.pdf"])
    }

    @Test("a withdrawn file stays withdrawn in a new process that reads the checkpoint")
    func survivesCheckpoint() throws {
        let (ws, office, own, _) = try Self.prepared()
        defer { ws.remove() }
        let done = try office.withdrawEvidence(Self.campaign, seq: own.seq, reason: "Nhầm", by: .office, as: EvidenceTests.acting("canbo"))
        let workspace = Workspace(root: ws.root)
        func fresh() -> BackOffice {
            var office = BackOffice(workspace: workspace, registry: CompiledTypes.registry(for: workspace), memory: OfficeMemory())
            office.checkpointMinimumLines = 1
            return office
        }
        let full = try fresh().open(Self.campaign).state
        let plan = try fresh().plan(Self.campaign).plan
        let read = try fresh().stateAndSource(of: plan)
        #expect(read.source == .checkpoint)
        #expect(read.state == full)
        #expect(read.state.withdrawnEvidence == [done])
        #expect(!read.state.evidence.contains { $0.seq == own.seq })
        // The checkpoint's own round trip, and a crafted hash in a withdrawn record refused.
        var writer = CheckpointWriter()
        try full.encode(to: &writer)
        var reader = try CheckpointReader(writer.finished(), from: 0)
        #expect(try CampaignState(from: &reader) == full)
        var crafted = full
        crafted.withdrawnEvidence[0].record.sha256 = "../../x"
        var badWriter = CheckpointWriter()
        try crafted.encode(to: &badWriter)
        #expect(throws: CheckpointReader.Damaged.self) {
            var r = try CheckpointReader(badWriter.finished(), from: 0)
            _ = try CampaignState(from: &r)
        }
    }

    @Test("thidua evidence withdraw, and list shows what was withdrawn")
    func command() throws {
        let (ws, _, own, _) = try Self.prepared()
        defer { ws.remove() }
        #expect(ws.run(["evidence", "withdraw", Self.campaign, "\(own.seq)"]).code == 64)
        #expect(ws.run(["evidence", "withdraw", Self.campaign, "x", "--reason", "a"]).errors.contains("Số minh chứng «x» không hợp lệ"))
        let done = ws.run(["evidence", "withdraw", Self.campaign, "\(own.seq)", "--reason", "Gửi nhầm"], today: "2024-06-03")
        #expect(done.code == 0, "\(done.errors)")
        #expect(done.output.contains("Đã rút minh chứng «nham.pdf» của đơn vị van-phong"))
        let listed = ws.run(["evidence", "list", Self.campaign])
        #expect(listed.output.contains("(1 tệp)"))
        #expect(listed.output.contains("Đã rút (1 tệp)"))
        #expect(listed.output.contains("«nham.pdf» — rút ngày 03/6/2024"))
        #expect(listed.output.contains("lý do: Gửi nhầm"))
        #expect(ws.run(["evidence", "withdraw", Self.campaign, "\(own.seq)", "--reason", "x"]).errors.contains("đã được rút"))
    }
}
