import CaiCachHanhChinh
import ChinhQuyenThanThien
import DanVanChinhQuyen
import DanVanKheo
import ThiDuaCore

/// The one list of campaign types compiled into ThiDua, with the Plugins/ folder of each.
/// A test fails when a folder under Plugins/ is missing here.
public enum CompiledTypes {
    /// Each compiled type and the folder under `Plugins/` that holds it.
    public static let modules: [(folder: String, type: any CampaignType)] = [
        ("DanVanKheo", DanVanKheoType()),
        ("CaiCachHanhChinh", CaiCachHanhChinhType()),
        ("ChinhQuyenThanThien", ChinhQuyenThanThienType()),
        ("DanVanChinhQuyen", DanVanChinhQuyenType()),
    ]

    /// The registry of compiled types, built once.
    public static let registry = CampaignTypeRegistry(types: modules.map(\.type))

    /// Where each compiled type lives, by id ("Plugins/DanVanKheo"), for messages about clashes.
    public static let origins: [String: String] = Dictionary(
        modules.map { ($0.type.id, "Plugins/\($0.folder)") }, uniquingKeysWith: { first, _ in first })

    /// The types declared in a workspace's `types/`, read against `base` (ids they may not take).
    public static func declaredTypes(in workspace: Workspace, base: CampaignTypeRegistry = registry) -> DeclaredTypeSet {
        DeclaredTypeSet.load(workspace: workspace, compiled: base, origins: origins)
    }

    /// The registry of one workspace: `base` (the compiled types) plus the types declared in its
    /// `types/`. A broken type file is registered as an `UnavailableDeclaredType`, so campaigns of
    /// that type fail with a message pointing at the file.
    public static func registry(for workspace: Workspace, base: CampaignTypeRegistry = registry) -> CampaignTypeRegistry {
        base.adding(declaredTypes(in: workspace, base: base).types)
    }
}
