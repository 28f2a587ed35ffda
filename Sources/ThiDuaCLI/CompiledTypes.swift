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
}
