import Foundation
import ThiDuaBase

/// One type file `types/<id>.json` as read: the definition when it decoded, the parsed tree,
/// and every finding about it.
public struct DeclaredTypeFileResult: Sendable {
    /// The file as named to the user: "types/chuyen-doi-so.json".
    public var file: String
    /// The file name without `.json`, which must equal the type's id.
    public var stem: String
    public var definition: CampaignTypeDefinition?
    public var root: JSONNode?
    public var diagnostics: [Diagnostic]

    /// Whether the type cannot be used: it did not decode, or a finding is an error.
    public var isBroken: Bool { definition == nil || diagnostics.hasErrors }
}

/// A type file with errors, kept in the registry under its file's name so that a campaign of
/// that type fails with a message pointing at the type file instead of "unknown type".
/// `CampaignLoader` recognises it and never checks a plan against it.
public struct UnavailableDeclaredType: CampaignType {
    public let definition: CampaignTypeDefinition
    /// The type file: "types/chuyen-doi-so.json".
    public let file: String
    /// The errors that make it unusable.
    public let problems: [Diagnostic]

    public init(id: String, file: String, problems: [Diagnostic]) {
        self.definition = CampaignTypeDefinition(id: id, title: "", summary: "", legalBasis: [])
        self.file = file
        self.problems = problems
    }
}

/// The campaign types declared in a workspace's `types/` folder, read and checked: the ones
/// that can be used, the broken ones, and every finding per file.
public struct DeclaredTypeSet: Sendable {
    /// Every file, in name order.
    public let files: [DeclaredTypeFileResult]

    /// The types to add to a registry: each usable type as a `DeclaredCampaignType`, each broken
    /// file as an `UnavailableDeclaredType` (unless its name is not an id or is a compiled type's).
    public let types: [any CampaignType]

    public init(files: [DeclaredTypeFileResult], compiled: CampaignTypeRegistry) {
        self.files = files
        var types: [any CampaignType] = []
        for result in files {
            if !result.isBroken, let definition = result.definition {
                types.append(DeclaredCampaignType(definition: definition))
            } else if Identifier.problem(result.stem) == nil, compiled.type(result.stem) == nil {
                types.append(
                    UnavailableDeclaredType(
                        id: result.stem, file: result.file, problems: result.diagnostics.filter { $0.severity == .error }))
            }
        }
        self.types = types
    }

    /// Reads every `.json` file of a folder (a missing folder declares nothing). `compiled` holds
    /// the types a declared id may not take; `origins` names where each compiled type lives
    /// ("Plugins/DanVanKheo"), for the clash message.
    public static func load(
        folder: URL, display: (URL) -> String, compiled: CampaignTypeRegistry, origins: [String: String] = [:]
    ) -> DeclaredTypeSet {
        let results = (JSONInputFile.files(in: folder) ?? []).map { entry -> DeclaredTypeFileResult in
            let name = display(entry.url)
            let stem = entry.url.deletingPathExtension().lastPathComponent
            guard let bytes = entry.bytes else {
                return DeclaredTypeFileResult(
                    file: name, stem: stem, definition: nil, root: nil,
                    diagnostics: [Diagnostic(.error, file: name, message: "không đọc được tệp (không có quyền đọc)")])
            }
            return checkedRead(bytes: bytes, file: name, stem: stem, compiled: compiled, origins: origins)
        }
        return DeclaredTypeSet(files: results, compiled: compiled)
    }

    /// The declared types of a workspace (`<root>/types/`).
    public static func load(workspace: Workspace, compiled: CampaignTypeRegistry, origins: [String: String] = [:]) -> DeclaredTypeSet {
        load(folder: workspace.typesFolder, display: workspace.display, compiled: compiled, origins: origins)
    }

    /// Reads one type file's bytes: decoding, the checks of `CampaignTypeChecker`, the file
    /// name, and a clash with a compiled type.
    public static func read(
        bytes: [UInt8], file: String, stem: String, compiled: CampaignTypeRegistry, origins: [String: String] = [:]
    ) -> DeclaredTypeFileResult {
        let outcome = JSONInputFile.decode(DeclaredTypeFile.self, bytes: bytes, file: file, what: "tệp loại phong trào")
        var result = DeclaredTypeFileResult(
            file: file, stem: stem, definition: outcome.value?.definition, root: outcome.root, diagnostics: outcome.diagnostics)
        guard let definition = outcome.value?.definition else { return result }
        var findings = CampaignTypeChecker.check(DeclaredCampaignType(definition: definition))
        findings += PlanValidator.scoringProblems(of: definition)
        if stem != definition.id {
            findings.append(
                Diagnostic(
                    .error, path: "id", message: "mã loại «\(definition.id)» khác tên tệp «\(stem).json»",
                    hint: "đổi tên tệp thành «\(definition.id).json» hoặc sửa «id» thành «\(stem)»"))
        }
        if let existing = compiled.type(definition.id) {
            let origin = origins[definition.id].map { ", \($0)" } ?? ""
            findings.append(
                Diagnostic(
                    .error, path: "id",
                    message:
                        "mã loại «\(definition.id)» trùng với loại có sẵn «\(existing.definition.title)» (\(existing.id)\(origin)); tệp này không được dùng",
                    hint: "đặt mã khác cho loại khai báo (ví dụ «\(definition.id)-\(Self.suffixExample)») và đổi tên tệp theo mã đó"))
        }
        result.diagnostics += JSONInputFile.locate(findings, in: outcome.root, file: file)
        return result
    }

    static let suffixExample = "rieng"
}

extension Workspace {
    /// `types/`: campaign types declared in JSON.
    public var typesFolder: URL { root.appendingPathComponent("types", isDirectory: true) }
}
