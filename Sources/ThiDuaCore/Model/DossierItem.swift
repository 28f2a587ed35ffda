import ThiDuaBase

/// The kinds of document in a commendation dossier.
public enum DossierDocument: String, Codable, Sendable, CaseIterable {
    case toTrinh = "to-trinh"
    case bienBan = "bien-ban"
    case baoCaoThanhTich = "bao-cao-thanh-tich"
    case other
}

/// One document the dossier must hold (hồ sơ đề nghị khen thưởng).
public struct DossierItem: Hashable, Sendable, Codable {
    public var id: String
    public var document: DossierDocument
    /// The plan's sentence: "Tờ trình kèm theo danh sách tập thể, cá nhân của đơn vị trình khen."
    public var text: String

    public init(id: String, document: DossierDocument, text: String) {
        self.id = id
        self.document = document
        self.text = text
    }
}
