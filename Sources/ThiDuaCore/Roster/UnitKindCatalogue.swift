import Foundation
import ThiDuaBase

/// The unit kinds a workspace or a plan knows: the built-in list plus declared kinds.
public struct UnitKindCatalogue: Sendable, Equatable {
    /// One kind with its label and accepted spellings.
    public struct Entry: Sendable, Equatable {
        public var kind: UnitKind
        public var label: String
        public var aliases: [String]
    }

    /// The kinds, built-in first, in declaration order.
    public private(set) var entries: [Entry]
    /// Whether any well-formed keyword reads as a kind: the stored roster stays readable when
    /// a declaration is later removed.
    public private(set) var acceptsAnyKeyword = false
    /// The figures units carry (`unitFigures` of `tables/unit-kinds.json`): extra columns of the units file.
    public var figures: [UnitFigure] = []

    /// This catalogue, reading any well-formed keyword too (for the stored roster).
    public var acceptingAnyKeyword: UnitKindCatalogue {
        var out = self
        out.acceptsAnyKeyword = true
        return out
    }

    /// A catalogue of exactly these entries.
    public init(entries: [Entry]) { self.entries = entries }

    /// The built-in kinds: phòng, ban; tổ dân phố; khóm; ấp; thôn; đoàn thể; Công an; Quân sự;
    /// trường học; trạm y tế; khác.
    public static let standard = UnitKindCatalogue(entries: [
        Entry(kind: .phongBan, label: "phòng, ban", aliases: ["phòng ban", "phòng/ban", "phòng", "ban", "phòng chuyên môn"]),
        Entry(kind: .toDanPho, label: "tổ dân phố", aliases: ["tổ", "tdp"]),
        Entry(kind: .khom, label: "khóm", aliases: []),
        Entry(kind: .ap, label: "ấp", aliases: []),
        Entry(kind: .thon, label: "thôn", aliases: []),
        Entry(
            kind: .doanThe, label: "đoàn thể",
            aliases: [
                "đoàn thể chính trị - xã hội", "đoàn thể chính trị xã hội", "mặt trận", "mặt trận tổ quốc", "mttq",
            ]),
        Entry(kind: .congAn, label: "Công an", aliases: []),
        Entry(kind: .quanSu, label: "Quân sự", aliases: []),
        Entry(kind: .truongHoc, label: "trường học", aliases: ["trường"]),
        Entry(kind: .tramYTe, label: "trạm y tế", aliases: ["trạm"]),
        Entry(kind: .khac, label: "khác", aliases: []),
    ])

    /// This catalogue with declared kinds added. A declaration whose id is already known
    /// relabels that kind (its aliases are added); `problems(in:path:)` checks the list.
    public func adding(_ declared: [UnitKindDeclaration]) -> UnitKindCatalogue {
        var out = self
        for declaration in declared {
            let entry = Entry(kind: UnitKind(rawValue: declaration.id), label: declaration.label, aliases: declaration.aliases ?? [])
            if let index = out.entries.firstIndex(where: { $0.kind == entry.kind }) {
                out.entries[index].label = entry.label
                out.entries[index].aliases += entry.aliases
            } else {
                out.entries.append(entry)
            }
        }
        return out
    }

    /// Whether the kind is known here.
    public func contains(_ kind: UnitKind) -> Bool { entries.contains { $0.kind == kind } }

    /// The label of a kind; a kind unknown here shows its keyword.
    public func label(of kind: UnitKind) -> String {
        entries.first { $0.kind == kind }?.label ?? kind.rawValue
    }

    /// Reads a kind as a ward official writes it: the keyword ("to-dan-pho"), the label
    /// ("Tổ dân phố", "Chi bộ khu dân cư") or an alias ("TDP", "tổ", "mặt trận"); NFC,
    /// case-insensitive, punctuation-insensitive. Nil when it is none of these.
    public func parse(_ text: String) -> UnitKind? {
        let key = VietnameseText.key(
            text.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-"))
        if let entry = entries.first(where: { $0.kind.rawValue == key }) { return entry.kind }
        let table = spellings
        if let kind = table[key] ?? table[Self.words(key)] { return kind }
        return acceptsAnyKeyword && Identifier.problem(text) == nil ? UnitKind(rawValue: text) : nil
    }

    /// Every accepted keyword and label, for messages.
    public var allowedDescription: String {
        entries.map { "«\($0.label)» (\($0.kind.rawValue))" }.joined(separator: ", ")
    }

    /// The labels and keywords, for did-you-mean suggestions.
    public var names: [String] { entries.map(\.label) + entries.map(\.kind.rawValue) }

    /// Labels and aliases in `VietnameseText.key` form, with punctuation-free variants.
    private var spellings: [String: UnitKind] {
        var table: [String: UnitKind] = [:]
        for entry in entries {
            for text in [entry.label] + entry.aliases {
                let key = VietnameseText.key(text)
                if table[key] == nil { table[key] = entry.kind }
                let words = Self.words(key)
                if table[words] == nil { table[words] = entry.kind }
            }
        }
        return table
    }

    /// "phòng/ban", "phòng , ban", "đoàn thể chính trị-xã hội": compared without punctuation.
    private static func words(_ key: String) -> String {
        key.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }

    /// Problems of a declared list at `path` ("unitKinds"): bad or repeated ids, empty labels.
    public static func problems(in declared: [UnitKindDeclaration], path: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen: Set<String> = []
        for (i, declaration) in declared.enumerated() {
            if let problem = Identifier.problem(declaration.id) {
                out.append(
                    Diagnostic(
                        .error, path: "\(path)[\(i)].id", message: problem,
                        hint: "ví dụ «\(VietnameseText.slug(declaration.label))»"))
            } else if !seen.insert(declaration.id).inserted {
                out.append(Diagnostic(.error, path: "\(path)[\(i)].id", message: "loại đơn vị «\(declaration.id)» khai báo hai lần"))
            }
            if declaration.label.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(
                    Diagnostic(
                        .error, path: "\(path)[\(i)].label", message: "tên loại đơn vị không được để trống",
                        hint: "ví dụ «Chi bộ khu dân cư»"))
            }
        }
        return out
    }
}
