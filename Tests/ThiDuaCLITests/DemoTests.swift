import Foundation
import Testing
import ThiDuaTestSupport

/// `thidua demo`, the README's first command, on the repository's own campaigns.
@Suite("The demo")
struct DemoTests {
    /// "  - <id>: <n> tệp văn bản trong <folder>" lines of the summary.
    static func listed(_ output: String) -> [(id: String, count: Int, folder: String)] {
        output.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  - "), let colon = line.firstIndex(of: ":"), let within = line.range(of: " tệp văn bản trong ") else {
                return nil
            }
            let id = String(line[line.index(line.startIndex, offsetBy: 4)..<colon])
            guard let count = Int(line[line.index(after: colon)..<within.lowerBound].trimmingCharacters(in: .whitespaces)) else {
                return nil
            }
            return (id, count, String(line[within.upperBound...]))
        }
    }

    @Test("completes on every bundled campaign; the files it lists exist, and each DOCX opens in LibreOffice")
    func demo() throws {
        let root = try ExternalTool.temporaryFolder("demo")
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = Harness.snapshotOfRepository()
        // A fixed day: the demo dates every step in the campaigns' years from it, so the run is the same every day.
        let result = Harness.run(["--today", "2026-12-01", "demo", "--quiet", "--out", root.appendingPathComponent("ws").path])
        #expect(result.code == 0, "\(result.output)\(result.errors)")
        #expect(result.output.contains(" bước, 0 bước lỗi."), "\(result.output)")
        #expect(Harness.snapshotOfRepository() == repository, "the demo wrote to the repository")

        let campaigns = Set(
            try FileManager.default.contentsOfDirectory(atPath: Harness.root.appendingPathComponent("campaigns").path)
                .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) })
        let listed = Self.listed(result.output)
        #expect(Set(listed.map(\.id)) == campaigns, "\(result.output)")
        var docx: [URL] = []
        for entry in listed {
            let files = try FileManager.default.contentsOfDirectory(atPath: entry.folder).sorted()
            #expect(files.count == entry.count, "\(entry.id): \(files.count) files, \(entry.count) listed")
            #expect(files.contains("\(entry.id)-plan.docx") && files.contains("\(entry.id)-plan.html"), "\(entry.id): \(files)")
            for name in files where name.hasSuffix(".html") {
                let html = try String(contentsOfFile: "\(entry.folder)/\(name)", encoding: .utf8)
                #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("</html>"), "\(name)")
            }
            docx += files.filter { $0.hasSuffix(".docx") }.map { URL(fileURLWithPath: "\(entry.folder)/\($0)") }
        }
        #expect(docx.count >= campaigns.count * 8, "only \(docx.count) DOCX files")

        guard ExternalTool.availableOrRequired("soffice", "pdftotext") else { return }
        let soffice = try ExternalTool.require("soffice")
        let pdftotext = try ExternalTool.require("pdftotext")
        let pdfs = root.appendingPathComponent("pdf")
        // One LibreOffice run converts them all (start-up is most of its cost).
        let convert = try ExternalTool.run(
            soffice,
            ["-env:UserInstallation=file://\(root.path)/profile", "--headless", "--convert-to", "pdf", "--outdir", pdfs.path]
                + docx.map(\.path),
            timeout: 900)
        #expect(convert.status == 0, "\(convert.output)")
        for file in docx {
            let pdf = pdfs.appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".pdf")
            let size = (try? FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? Int) ?? 0
            #expect(size > 1000, "LibreOffice made no PDF of \(file.lastPathComponent)")
            guard file.lastPathComponent.hasSuffix("-plan.docx") || file.lastPathComponent.hasSuffix("-quyet-dinh.docx") else { continue }
            let text = try ExternalTool.run(pdftotext, ["-enc", "UTF-8", pdf.path, "-"])
            #expect(text.output.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "\(file.lastPathComponent): \(text.output.prefix(300))")
        }
    }
}

extension Harness {
    /// The repository's workspace files (campaigns, directives, types, roster, data, out) with
    /// their sizes and dates, to show a command left them alone.
    static func snapshotOfRepository() -> [String: String] {
        var out: [String: String] = [:]
        for folder in ["campaigns", "directives", "types", "roster", "data", "out"] {
            let url = root.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(atPath: url.path) else { continue }
            for case let name as String in files {
                let path = url.appendingPathComponent(name).path
                let attributes = try? FileManager.default.attributesOfItem(atPath: path)
                out["\(folder)/\(name)"] = "\(attributes?[.size] ?? 0) \(attributes?[.modificationDate] ?? "")"
            }
        }
        return out
    }
}
