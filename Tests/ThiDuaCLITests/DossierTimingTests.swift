import Foundation
import Testing
import ThiDuaCore

/// How long `thidua doc --all` takes for a whole ward's dossier: every campaign of the sample
/// ward, every kind, every format. The times are printed in the test's output, not asserted.
@Suite("Dossier timing")
struct DossierTimingTests {
    @Test("doc --all for every campaign of the sample ward in md, html, docx and csv: the time is printed")
    func wholeWard() throws {
        let ward = try DossierWard()
        defer { ward.remove() }
        let roster = try Workspace(root: ward.root).loadRoster()
        let campaigns = Workspace(root: ward.root).campaignIDs()
        let out = ward.root.appendingPathComponent("out/timing")
        var lines: [String] = []
        var total: TimeInterval = 0
        var files = 0
        for format in ["md", "html", "docx", "csv"] {
            var formatTime: TimeInterval = 0
            var formatFiles = 0
            for id in campaigns {
                let folder = out.appendingPathComponent("\(format)/\(id)")
                let started = Date()
                let result = ward.run(["doc", id, "--all", "--format", format, "--out", folder.path])
                let elapsed = Date().timeIntervalSince(started)
                #expect(result.code == 0, "\(id) \(format): \(result.errors)")
                let count = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).count
                lines.append("  \(id) \(format): \(count) tệp, \(String(format: "%.2f", elapsed)) s")
                formatTime += elapsed
                formatFiles += count
            }
            let started = Date()
            let year = ward.run(["doc", "--year", "2026", "--format", format, "--out", out.appendingPathComponent(format).path])
            #expect(year.code == 0, "\(year.errors)")
            formatTime += Date().timeIntervalSince(started)
            formatFiles +=
                ((try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(format).path)) ?? [])
                .filter { $0.hasPrefix("tong-hop-khen-thuong-") }.count
            lines.append("  \(format), cả phường: \(formatFiles) tệp, \(String(format: "%.2f", formatTime)) s")
            total += formatTime
            files += formatFiles
        }
        #expect(files > 100)
        print(
            "Hồ sơ cả phường (\(roster.units.count) đơn vị, \(roster.people.count) cá nhân, \(campaigns.count) phong trào, mọi loại văn bản, md/html/docx/csv): "
                + "\(files) tệp trong \(String(format: "%.2f", total)) s\n" + lines.joined(separator: "\n"))
    }
}
