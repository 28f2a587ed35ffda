import CaiCachHanhChinh
import ChinhQuyenThanThien
import DanVanChinhQuyen
import DanVanKheo
import Foundation
import ThiDuaCore

/// What every fuzz entry point reads against: the compiled campaign types, the repository's
/// directives, a small roster, two seed campaigns and their forms. Built once, on the first
/// input; the fuzzers run from the repository root (`.ci/fuzz` changes to it).
enum FuzzFixtures {
    static let registry = CampaignTypeRegistry(types: [
        DanVanKheoType(), CaiCachHanhChinhType(), ChinhQuyenThanThienType(), DanVanChinhQuyenType(),
    ])

    static let directives = DirectiveLibrary.load(
        folder: URL(fileURLWithPath: "directives"), display: { "directives/" + $0.lastPathComponent })

    static let roster: Roster = {
        let units = """
            Mã,Tên đơn vị,Loại,Trực thuộc
            van-phong,Văn phòng HĐND và UBND,phòng/ban,
            phong-vhxh,Phòng Văn hóa – Xã hội,phòng/ban,
            tdp-1,Tổ dân phố 1,tổ dân phố,
            tdp-2,Tổ dân phố 2,tổ dân phố,

            """
        let people = """
            Họ và tên,Chức vụ,Đơn vị,Ngày sinh
            Nguyễn Thị Lan,Chánh Văn phòng,Văn phòng HĐND và UBND,12/03/1985
            Phạm Quốc Việt,Tổ trưởng,Tổ dân phố 1,

            """
        let (u, uProblems) = RosterImporter.units(csv: Array(units.utf8), file: "units.csv", existing: Roster())
        let (p, pProblems) = RosterImporter.people(csv: Array(people.utf8), file: "people.csv", existing: Roster(units: u), units: u)
        precondition(!uProblems.hasErrors && !pProblems.hasErrors, "the fuzz roster does not import")
        return Roster(units: u, people: p)
    }()

    /// A seed campaign, loaded and resolved; stops with a clear message when run from elsewhere.
    static func campaign(_ id: String) -> ResolvedCampaign {
        let result = CampaignLoader(registry: registry, directives: directives).load(path: "campaigns/\(id).json")
        guard let plan = result.plan, let type = registry.type(plan.type) else {
            fatalError(
                "campaigns/\(id).json does not load; run the fuzzer from the repository root (\(result.diagnostics.map(\.rendered)))")
        }
        return ResolvedCampaign(plan: plan, type: type)
    }

    static let campaigns = [campaign("nam-gia-nghia-cchc-2026"), campaign("minh-xuan-dvk-2026")]

    /// Every form of the two campaigns: the CSV fuzzer picks one by the input's first byte.
    static let forms: [FormSpec] = campaigns.flatMap { $0.definition.forms }

    /// Bytes of one fuzz input.
    static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}
