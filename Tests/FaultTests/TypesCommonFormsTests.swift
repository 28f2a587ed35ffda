import Foundation
import Testing
import ThiDuaCLI
import ThiDuaCore

/// `thidua types` lists the forms the host adds to every campaign (`HostForms`), marked as
/// common to every type, in text and in JSON.
@Suite("Types: the forms common to every type")
struct TypesCommonFormsTests {
    static let ids = [HostForms.collectiveSelfAssessment, HostForms.individualSelfAssessment, HostForms.indicatorResults]

    /// `thidua types` on the repository's own workspace (read only).
    static func types(_ extra: [String] = []) -> (code: Int32, output: String) {
        let capture = CapturingConsole()
        let code = CLI.run(
            ["--workspace", Corpus.repository.path, "types"] + extra, console: capture.console, currentDirectory: Corpus.repository.path)
        return (code, capture.output)
    }

    @Test("text: one block after the types, before the count")
    func text() {
        let (code, output) = Self.types()
        #expect(code == 0)
        let block = """
            Biểu mẫu chung của mọi loại phong trào (lập từ tiêu chí, chỉ tiêu trong kế hoạch của từng phong trào):
              tu-danh-gia-tap-the (Phiếu tự đánh giá của tập thể): khi kế hoạch có tiêu chí (hoặc nội dung cần xác nhận) cho tập thể
              tu-danh-gia-ca-nhan (Phiếu tự đánh giá của cá nhân): khi kế hoạch có tiêu chí (hoặc nội dung cần xác nhận) cho cá nhân
              ket-qua-chi-tieu (Biểu tổng hợp kết quả thực hiện chỉ tiêu): khi kế hoạch có chỉ tiêu

            5 loại phong trào.

            """
        #expect(output.hasSuffix(block), "\(output)")
    }

    @Test("json: every type has commonForms, each marked common, titles as the host builds them")
    func json() throws {
        let (code, output) = Self.types(["--format", "json"])
        #expect(code == 0)
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        #expect(listed.count == 5)
        var titles: [String: String] = [:]
        for type in listed {
            let common = try #require(type["commonForms"] as? [[String: Any]], "\(type["id"] ?? "?")")
            #expect(common.compactMap { $0["id"] as? String } == Self.ids)
            #expect(common.allSatisfy { $0["common"] as? Bool == true })
            #expect(common.map { $0["filledBy"] as? String } == ["collective", "individual", nil])
            for form in common { titles[form["id"] as? String ?? ""] = form["title"] as? String }
            // The type's own forms are listed as before, without the host's.
            let own = (type["forms"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(Set(own).isDisjoint(with: Self.ids))
        }

        // The titles are the ones HostForms gives the bundled plans.
        var built: [String: String] = [:]
        let folder = Corpus.repository.appendingPathComponent("campaigns")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".json") {
            guard let plan = CampaignLoader(registry: CompiledTypes.registry).load(path: folder.appendingPathComponent(name).path).plan
            else { continue }
            for form in HostForms.forms(for: plan) { built[form.id] = form.title }
        }
        #expect(Set(built.keys) == Set(Self.ids), "the bundled plans build every host form")
        #expect(built == titles)
    }
}
