import Foundation
import Testing

@testable import ThiDuaCLI

@Suite("Command line")
struct CommandLineTests {
    @Test("help is printed in the argument-parser layout")
    func help() {
        let result = Harness.run(["--help"])
        #expect(result.code == 0)
        Harness.assertGolden(result.output, "help.txt")
    }

    @Test("each subcommand's help", arguments: ["types", "check", "show", "doc"])
    func subcommandHelp(_ name: String) {
        let result = Harness.run(["help", name])
        #expect(result.code == 0)
        Harness.assertGolden(result.output, "help-\(name).txt")
        #expect(Harness.run([name, "--help"]).output == result.output)
    }

    @Test("every command's help is Vietnamese and ends with at least one example that names the command")
    func examples() {
        for command in CLI.commands {
            #expect(!command.examples.isEmpty, "\(command.name) has no example")
            for example in command.examples { #expect(example.contains("thidua \(command.name)"), "\(example)") }
            let help = command.help
            #expect(help.contains("CÁCH DÙNG:") && help.contains("VÍ DỤ:"), "\(command.name)")
            #expect(!help.contains("USAGE") && !help.contains("OVERVIEW"), "\(command.name)")
        }
    }

    @Test("argument mistakes are told in Vietnamese, with a did-you-mean and exit code 64")
    func vietnameseUsageErrors() {
        let unknown = Harness.run(["statsu"])
        #expect(unknown.code == 64)
        #expect(unknown.errors.contains("Lỗi: Không có lệnh «statsu». Có phải ý bạn là «status»?"), "\(unknown.errors)")
        let option = Harness.run(["status", "--fromat", "json"])
        #expect(option.code == 64)
        #expect(option.errors.contains("Không có tùy chọn «--fromat». Có phải ý bạn là «--format»?"), "\(option.errors)")
        let missing = Harness.run(["enroll"])
        #expect(missing.code == 64)
        #expect(missing.errors.contains("Thiếu tham số «<campaign>»."), "\(missing.errors)")
        #expect(missing.errors.contains("Cách dùng: thidua enroll"), "\(missing.errors)")
        for text in [unknown.errors, option.errors, missing.errors] {
            #expect(!text.contains("Error") && !text.contains("Unknown") && !text.contains("Missing"), "\(text)")
        }
    }

    @Test("types lists the four types")
    func types() {
        let result = Harness.run(["types"])
        #expect(result.code == 0)
        Harness.assertGolden(result.output, "types.txt")
        let json = Harness.run(["types", "--format", "json"])
        let decoded = try? JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]]
        #expect(
            decoded?.compactMap { $0["id"] as? String } == [
                "dan-van-kheo", "cai-cach-hanh-chinh", "chinh-quyen-than-thien", "dan-van-chinh-quyen", "chuyen-doi-so",
            ])
    }

    @Test("check passes the bundled campaigns as drafts; the blank seed 000 leaves (the plan gives no rank thresholds) fails a final check")
    func check() {
        let result = Harness.run(["check", "--draft"])
        #expect(result.code == 0, "\(result.output)")
        Harness.assertGolden(result.output, "check.txt")
        let final = Harness.run(["check"])
        #expect(final.code == 1, "\(final.output)")
        #expect(final.output.contains("Còn 1 chỗ cần điền"), "\(final.output)")
        let json = Harness.run(["check", "--format", "json"])
        let decoded = try? JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]]
        // The six campaigns, the two example directives and the declared type.
        #expect(decoded?.count == 9)
        #expect(decoded?.allSatisfy { $0["valid"] as? Bool == true } == true)
    }

    @Test("show summarises a campaign", arguments: Harness.seedIDs)
    func show(_ id: String) {
        let result = Harness.run(["show", id])
        #expect(result.code == 0, "\(result.errors)")
        Harness.assertGolden(result.output, "\(id).show.txt")
        let json = Harness.run(["show", id, "--format", "json"])
        let decoded = try? JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect(decoded?["id"] as? String == id)
    }

    @Test("usage errors exit 64 with a did-you-mean")
    func usageErrors() {
        let unknown = Harness.run(["chek"])
        #expect(unknown.code == 64)
        #expect(unknown.errors.hasPrefix("Lỗi: Không có lệnh «chek». Có phải ý bạn là «check»?"))
        let option = Harness.run(["types", "--formt", "json"])
        #expect(option.code == 64)
        #expect(option.errors.contains("Không có tùy chọn «--formt». Có phải ý bạn là «--format»?"))
        let value = Harness.run(["types", "--format", "xml"])
        #expect(value.code == 64)
        #expect(value.errors.contains("Giá trị hợp lệ: text, json"))
        let missing = Harness.run(["doc", "minh-xuan-dvk-2026"])
        #expect(missing.code == 64)
        #expect(missing.errors.contains("Thiếu tham số «<kind>»"))
        let kind = Harness.run(["doc", "minh-xuan-dvk-2026", "plna"])
        #expect(kind.code == 64)
        #expect(kind.errors.contains("Có phải ý bạn là «plan»?"))
    }

    @Test("a missing campaign is a failure with a suggestion")
    func missingCampaign() {
        let result = Harness.run(["show", "minh-xuan-dvk-2025"])
        #expect(result.code == 1)
        #expect(result.errors.contains("Có phải ý bạn là «minh-xuan-dvk-2026»?"))
        let traversal = Harness.run(["show", "../etc"])
        #expect(traversal.code == 1)
    }

    @Test("check of a broken file exits 1 and names file, line and path")
    func brokenFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("campaigns"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try String(contentsOf: Harness.root.appendingPathComponent("campaigns/minh-xuan-dvk-2026.json"), encoding: .utf8)
        let broken = source.replacingOccurrences(of: "\"type\": \"dan-van-kheo\"", with: "\"type\": \"dan-van-keo\"")
        #expect(broken != source)
        try Data(broken.utf8).write(to: folder.appendingPathComponent("campaigns/minh-xuan-dvk-2026.json"))
        let result = Harness.run(["check", "--workspace", folder.path])
        #expect(result.code == 1)
        #expect(result.output.contains("campaigns/minh-xuan-dvk-2026.json:3:"))
        #expect(result.output.contains("lỗi: type: loại phong trào «dan-van-keo» không có"))
        #expect(result.output.contains("có phải ý bạn là «dan-van-kheo»?"))
    }

    @Test("doc writes a file with --out")
    func docOut() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Harness.run(["doc", "phu-ly-cqtt-2024", "plan", "--format", "html", "--out", folder.path])
        #expect(result.code == 0, "\(result.errors)")
        let html = try String(contentsOf: folder.appendingPathComponent("phu-ly-cqtt-2024-plan.html"), encoding: .utf8)
        #expect(html.contains("<html lang=\"vi\">"))
        #expect(html.contains("Nguyễn Hữu Bình"))
    }

    @Test("--version prints the version")
    func version() {
        #expect(Harness.run(["--version"]).output == "0.1.0\n")
    }
}
