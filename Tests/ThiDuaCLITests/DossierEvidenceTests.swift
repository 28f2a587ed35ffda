import Foundation
import Testing

/// Evidence files in the dossier: the báo cáo thành tích of a unit and the tờ trình list the
/// files recorded for the unit (a withdrawn one not), only when there are any; the goldens of
/// the cycle without evidence (`DossierGoldenTests`) stay as they are.
@Suite("Evidence files in the dossier")
struct DossierEvidenceTests {
    static let pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

    @Test("the unit's achievement report and the tờ trình name its evidence files; a person's report and a withdrawn file do not")
    func evidenceListed() throws {
        let ws = try DossierCycle.run()
        defer { ws.remove() }
        let campaign = DossierCycle.campaign
        func step(_ arguments: [String], _ today: String) {
            let result = ws.run(arguments, today: today)
            #expect(result.code == 0, "\(arguments.joined(separator: " ")): \(result.errors)")
        }
        step(["evidence", "add", campaign, "van-phong", ws.write("Biên bản họp dân.pdf", Self.pdf), "--note", "Họp dân"], "2026-11-05")
        step(["evidence", "add", campaign, "van-phong", ws.write("Quyết định sáng kiến.pdf", Self.pdf + " ")], "2026-11-05")
        step(["evidence", "add", campaign, "van-phong", ws.write("Gửi nhầm.pdf", Self.pdf + "  ")], "2026-11-05")
        let listed = ws.run(["evidence", "list", campaign]).output
        let seq = try #require(
            listed.components(separatedBy: "\n").first { $0.contains("Gửi nhầm.pdf") }.flatMap { line in
                line.split(separator: "[").dropFirst().first?.split(separator: "]").first.map(String.init)
            })
        step(["evidence", "withdraw", campaign, seq, "--reason", "Gửi nhầm tệp"], "2026-11-06")
        for format in ["md", "html"] {
            let folder = ws.root.appendingPathComponent("out-minh-chung/\(format)")
            step(["doc", campaign, "--all", "--format", format, "--out", folder.path], "2026-12-16")
            let files = DossierCycle.dossierFiles(in: folder)
            for name in ["\(campaign)-thanh-tich-van-phong.\(format)", "\(campaign)-to-trinh.\(format)", "\(campaign)-to-trinh-cap-tren.\(format)"] {
                let text = try #require(files[name], "\(name) in \(files.keys.sorted())")
                #expect(text.contains("Tài liệu minh chứng kèm theo"), "\(name)")
                #expect(text.contains("Biên bản họp dân.pdf") && text.contains("Quyết định sáng kiến.pdf"), "\(name)")
                #expect(!text.contains("Gửi nhầm.pdf"), "\(name)")
                Harness.assertGolden(text, "dossier-minh-chung/\(name)")
            }
            // A person's report has no evidence of his own; every other document is as without evidence.
            for (name, text) in files where !name.contains("thanh-tich-van-phong") && !name.contains("to-trinh") {
                #expect(!text.contains("Tài liệu minh chứng kèm theo"), "\(name)")
                Harness.assertGolden(text, "dossier/\(name)")
            }
        }
    }
}
