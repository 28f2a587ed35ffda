import ThiDuaBase

/// The issuer kinds a workspace or a plan knows: the built-in list (`standard`) plus kinds
/// declared in `tables/issuer-kinds.json` or a plan's `issuerKinds` (a declaration whose id is
/// known replaces that kind whole). Sources of the built-in wording: docs/documents.md.
public struct IssuerKindCatalogue: Sendable, Equatable {
    /// The kinds, built-in first, in declaration order.
    public private(set) var kinds: [IssuerKind]

    /// A catalogue of exactly these kinds.
    public init(kinds: [IssuerKind]) { self.kinds = kinds }

    /// This catalogue with declared kinds added or replacing kinds of the same id.
    public func adding(_ declared: [IssuerKind]) -> IssuerKindCatalogue {
        var out = self
        for kind in declared {
            if let i = out.kinds.firstIndex(where: { $0.id == kind.id }) {
                out.kinds[i] = kind
            } else {
                out.kinds.append(kind)
            }
        }
        return out
    }

    /// The kind named by its id, its label or an alias (case- and diacritic-insensitive).
    public func kind(_ text: String) -> IssuerKind? {
        if let exact = kinds.first(where: { $0.id == text }) { return exact }
        let key = VietnameseText.key(text)
        return kinds.first { kind in ([kind.id, kind.label] + (kind.aliases ?? [])).contains { VietnameseText.key($0) == key } }
    }

    /// "«Ủy ban nhân dân xã, phường» (ubnd), …", for messages.
    public var allowedDescription: String { kinds.map { "«\($0.label)» (\($0.id))" }.joined(separator: ", ") }

    /// Problems of a declared list at `path` ("issuerKinds"): bad or repeated ids, empty wording.
    public static func problems(in declared: [IssuerKind], path: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen: Set<String> = []
        for (i, kind) in declared.enumerated() {
            let at = "\(path)[\(i)]"
            if let problem = Identifier.problem(kind.id) {
                out.append(Diagnostic(.error, path: "\(at).id", message: problem, hint: "ví dụ «\(VietnameseText.slug(kind.label))»"))
            } else if !seen.insert(kind.id).inserted {
                out.append(Diagnostic(.error, path: "\(at).id", message: "loại cơ quan ban hành «\(kind.id)» khai báo hai lần"))
            }
            for (key, text) in [("label", kind.label), ("name", kind.name), ("symbol", kind.symbol), ("signer.title", kind.signer.title)]
            where text.trimmingCharacters(in: .whitespaces).isEmpty {
                out.append(Diagnostic(.error, path: "\(at).\(key)", message: "không được để trống"))
            }
            if kind.headerLines.isEmpty {
                out.append(
                    Diagnostic(
                        .error, path: "\(at).headerLines", message: "cần ít nhất một dòng tên cơ quan ban hành",
                        hint: "ví dụ [\"ỦY BAN NHÂN DÂN\", \"{ĐỊA BÀN}\"]"))
            }
            for text in [kind.name, kind.upperLine ?? ""] + kind.headerLines {
                for token in Self.placeholders(in: text) where !Self.knownPlaceholders.contains(token) {
                    out.append(
                        Diagnostic(
                            .error, path: at, message: "chỗ điền «{\(token)}» không có",
                            hint: "dùng {địa bàn}, {ĐỊA BÀN}, {cấp trên} hoặc {CẤP TRÊN}"))
                }
            }
        }
        return out
    }

    static let knownPlaceholders: Set<String> = ["địa bàn", "ĐỊA BÀN", "cấp trên", "CẤP TRÊN"]

    /// The names between braces: "ĐẢNG ỦY {ĐỊA BÀN}" → ["ĐỊA BÀN"].
    static func placeholders(in text: String) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }
}
