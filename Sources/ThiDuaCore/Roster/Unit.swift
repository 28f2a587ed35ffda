import Foundation
import ThiDuaBase

/// The kind of a unit (đơn vị) in the ward's roster.
public enum UnitKind: String, Codable, Sendable, CaseIterable, KeywordEnum {
    case phongBan = "phong-ban"
    case toDanPho = "to-dan-pho"
    case khom
    case ap
    case thon
    case doanThe = "doan-the"
    case congAn = "cong-an"
    case quanSu = "quan-su"
    case truongHoc = "truong-hoc"
    case tramYTe = "tram-y-te"
    case khac

    /// The Vietnamese label: "phòng, ban", "tổ dân phố", "Công an"…
    public var vietnamese: String {
        switch self {
        case .phongBan: return "phòng, ban"
        case .toDanPho: return "tổ dân phố"
        case .khom: return "khóm"
        case .ap: return "ấp"
        case .thon: return "thôn"
        case .doanThe: return "đoàn thể"
        case .congAn: return "Công an"
        case .quanSu: return "Quân sự"
        case .truongHoc: return "trường học"
        case .tramYTe: return "trạm y tế"
        case .khac: return "khác"
        }
    }

    /// Reads a kind as a ward official writes it: the keyword ("to-dan-pho"), the label
    /// ("Tổ dân phố"), or a usual short form ("TDP", "tổ", "phòng", "mặt trận"); NFC,
    /// case-insensitive. Nil when it is none of these.
    public static func parse(_ text: String) -> UnitKind? {
        let key = VietnameseText.key(
            text.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-"))
        if let kind = UnitKind(rawValue: key) { return kind }
        if let kind = aliases[key] { return kind }
        // "phòng/ban", "phòng , ban", "đoàn thể chính trị-xã hội": compare without punctuation.
        let words = key.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
        return aliases[words]
    }

    /// Accepted spellings, in `VietnameseText.key` form, punctuation-free variants included.
    private static let aliases: [String: UnitKind] = {
        var table: [String: UnitKind] = [:]
        for kind in allCases { table[VietnameseText.key(kind.vietnamese)] = kind }
        let extra: [(String, UnitKind)] = [
            ("phòng ban", .phongBan), ("phòng/ban", .phongBan), ("phòng", .phongBan), ("ban", .phongBan),
            ("phòng chuyên môn", .phongBan),
            ("tổ", .toDanPho), ("tdp", .toDanPho),
            ("đoàn thể chính trị - xã hội", .doanThe), ("đoàn thể chính trị xã hội", .doanThe),
            ("mặt trận", .doanThe), ("mặt trận tổ quốc", .doanThe), ("mttq", .doanThe),
            ("trường", .truongHoc), ("trạm", .tramYTe),
        ]
        for (text, kind) in extra { table[VietnameseText.key(text)] = kind }
        return table
    }()

    /// Every accepted keyword and label, for messages.
    static var allowedDescription: String {
        allCases.map { "«\($0.vietnamese)» (\($0.rawValue))" }.joined(separator: ", ")
    }
}

/// A unit of the ward: a phòng, ban, tổ dân phố, đoàn thể, Công an, Quân sự…
public struct Unit: Codable, Sendable, Equatable, Hashable {
    /// Kebab-case ASCII id: "to-dan-pho-1".
    public var id: String
    /// "Tổ dân phố 1", in NFC.
    public var name: String
    /// Phòng, ban, tổ dân phố, đoàn thể…
    public var kind: UnitKind
    /// The id of the unit this one belongs to (trực thuộc), if any.
    public var parent: String?

    /// A unit; the name should be NFC (the importers make it so).
    public init(id: String, name: String, kind: UnitKind, parent: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parent = parent
    }
}

/// `Unit` under a name Foundation does not also use. A file that imports both Foundation and
/// ThiDuaCore finds `Unit` ambiguous (Foundation has a `Unit` class); write `RosterUnit`,
/// `ThiDuaCore.Unit`, or add `import struct ThiDuaCore.Unit`.
public typealias RosterUnit = Unit
