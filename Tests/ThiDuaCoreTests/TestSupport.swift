import Foundation
import ThiDuaCore

/// A registry with one small declared type, so core tests need no plugin.
enum CoreFixtures {
    static let type = DeclaredCampaignType(
        definition: CampaignTypeDefinition(
            id: "kiem-tra", title: "Kiểm tra", summary: "Loại dùng trong kiểm thử.", legalBasis: ["Luật Thi đua, khen thưởng"],
            attestedChecks: [AttestedCheck(id: "ky-cam-ket", title: "Đã ký cam kết")],
            countedEvents: [CountedEvent(id: "dang-ky", title: "Đăng ký", form: "dang-ky")],
            forms: [FormSpec(id: "dang-ky", title: "Phiếu đăng ký", fields: [FieldSpec(id: "don-vi", label: "Đơn vị", kind: .unit)])]))

    static let registry = CampaignTypeRegistry(types: [
        type,
        DeclaredCampaignType(
            definition: CampaignTypeDefinition(id: "dan-van-kheo", title: "Dân vận khéo", summary: "x", legalBasis: ["x"])),
    ])

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var validText: String {
        (try? String(contentsOf: fixtures.appendingPathComponent("valid-minimal.json"), encoding: .utf8)) ?? ""
    }

    static func load(_ text: String, expectedID: String? = "valid-minimal") -> CampaignLoadResult {
        CampaignLoader(registry: registry).load(bytes: Array(text.utf8), file: "valid-minimal.json", expectedID: expectedID)
    }
}
