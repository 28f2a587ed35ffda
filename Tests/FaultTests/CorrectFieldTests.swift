import Foundation
import Testing
import ThiDuaCLI

/// `thidua correct --field` takes the field's code or its label (exact NFC, or in any letter
/// case); when nothing matches, the error lists every code with its label and changes nothing.
@Suite("Correct: --field by code or label")
struct CorrectFieldTests {
    static func correct(_ ws: FaultWorkspace, field: String, row: String = "4") -> FaultWorkspace.Result {
        ws.run(
            [
                "correct", "nam-gia-nghia-cchc-2026", "--submission", "2", "--row", row, "--field", field, "--value", "có", "--reason",
                "Nhập nhầm",
            ])
    }

    @Test("the code, the label, the label in capitals or typed decomposed (NFD) all name the field")
    func accepted() throws {
        let setups = try FaultWorkspaces.build(through: "assessed")
        defer { setups.values.forEach { $0.remove() } }
        let ws = setups["assessed"]!
        for field in [
            "dat", "Tự đánh giá đạt", "TỰ ĐÁNH GIÁ ĐẠT", "tự đánh giá đạt".decomposedStringWithCanonicalMapping, "  Tự đánh giá đạt ",
        ] {
            let result = Self.correct(ws, field: field)
            #expect(result.code == 0, "«\(field)»: \(result.text)")
            #expect(result.output.contains(": Tự đánh giá đạt: "), "«\(field)»: \(result.output)")
        }
        let journal = try String(contentsOf: ws.root.appendingPathComponent("data/nam-gia-nghia-cchc-2026.journal.jsonl"), encoding: .utf8)
        #expect(journal.components(separatedBy: "\"field\":\"dat\"").count - 1 == 5, "every correction is journaled with the code")
    }

    @Test("no match: usage error listing each code with its label, a did-you-mean, nothing written")
    func unknown() throws {
        let setups = try FaultWorkspaces.build(through: "assessed")
        defer { setups.values.forEach { $0.remove() } }
        let ws = setups["assessed"]!
        let before = ws.snapshot()
        let result = Self.correct(ws, field: "Tu danh gia dat")
        #expect(result.code == 64)
        #expect(
            result.errors.contains(
                "Trường «Tu danh gia dat» không có trong «tu-danh-gia-tap-the»; ghi mã hoặc tên trường. Các trường (mã và tên): don-vi («Cơ quan, đơn vị»), tieu-chi («Tiêu chí»), dat («Tự đánh giá đạt»), diem («Điểm tự chấm»), minh-chung («Tài liệu, minh chứng»). Có phải ý bạn là «Tự đánh giá đạt»?"
            ), "\(result.errors)")
        #expect(FaultWorkspace.changes(before, ws.snapshot()).isEmpty)
    }
}
