import Foundation
import Testing
import ThiDuaCLI

/// `thidua appraise` says what the appraisal changed against the assessment it replaces: the
/// result only when it changes ("không đạt → đạt"), else "giữ nguyên: đạt", then the points and
/// the evidence when given — never "đạt → đạt".
@Suite("Appraise: what changed")
struct AppraiseMessageTests {
    static func appraise(_ ws: FaultWorkspace, _ participant: String, _ item: String, _ extra: [String]) -> FaultWorkspace.Result {
        ws.run(
            [
                "appraise", "nam-gia-nghia-cchc-2026", "--participant", participant, "--item", item, "--period", "2026", "--reason",
                "Đoàn thẩm định",
            ]
                + extra)
    }

    @Test("evidence only: the result is kept and the evidence is said updated, old and new")
    func evidenceOnly() throws {
        let setups = try FaultWorkspaces.build(through: "assessed")
        defer { setups.values.forEach { $0.remove() } }
        let ws = setups["assessed"]!
        let result = Self.appraise(ws, "Văn phòng HĐND và UBND", "sang-kien", ["--evidence", "Quyết định số 15/QĐ-UBND"])
        #expect(result.code == 0, "\(result.text)")
        #expect(
            result.output.contains(
                "Văn phòng HĐND và UBND, sang-kien: giữ nguyên: đạt; minh chứng cập nhật: «Quyết định số 15/QĐ-UBND» (trước: «Quyết định công nhận sáng kiến số 12/QĐ-UBND»). Lý do: Đoàn thẩm định."
            ), "\(result.output)")
        #expect(!result.output.contains("đạt → đạt"), "\(result.output)")

        // The same result given again: kept, said so.
        let confirmed = Self.appraise(ws, "Văn phòng HĐND và UBND", "ky-luat-ky-cuong", ["--met", "yes"])
        #expect(confirmed.code == 0, "\(confirmed.text)")
        #expect(confirmed.output.contains("ky-luat-ky-cuong: giữ nguyên: đạt. Lý do:"), "\(confirmed.output)")
    }

    @Test("a changed result, points and new evidence; then points alone")
    func resultPointsEvidence() throws {
        let setups = try FaultWorkspaces.build(through: "assessed")
        defer { setups.values.forEach { $0.remove() } }
        let ws = setups["assessed"]!
        let changed = Self.appraise(
            ws, "Phòng Văn hóa – Xã hội", "dan-dau", ["--met", "yes", "--points", "2", "--evidence", "Biên bản kiểm tra"])
        #expect(changed.code == 0, "\(changed.text)")
        #expect(
            changed.output.contains("dan-dau: không đạt → đạt; điểm: chưa chấm → 2; bổ sung minh chứng: «Biên bản kiểm tra». Lý do:"),
            "\(changed.output)")
        let points = Self.appraise(ws, "Phòng Văn hóa – Xã hội", "dan-dau", ["--points", "2,5"])
        #expect(points.code == 0, "\(points.text)")
        #expect(points.output.contains("dan-dau: giữ nguyên: đạt; điểm 2 → 2,5. Lý do:"), "\(points.output)")
        let same = Self.appraise(ws, "Phòng Văn hóa – Xã hội", "dan-dau", ["--points", "2.5", "--evidence", "Biên bản kiểm tra"])
        #expect(same.output.contains("dan-dau: giữ nguyên: đạt; điểm giữ nguyên: 2,5; minh chứng giữ nguyên. Lý do:"), "\(same.output)")
    }
}
