import Foundation
import ThiDuaBase

/// The outcome of reading one campaign file: the plan when it decoded, and every finding.
public struct CampaignLoadResult: Sendable {
    /// The file as named to the user.
    public var file: String
    public var plan: CampaignPlan?
    public var diagnostics: [Diagnostic]

    /// The plan when it decoded and nothing is an error.
    public var validPlan: CampaignPlan? { diagnostics.hasErrors ? nil : plan }
}

/// Reads campaign files: parse, two-phase decode (version and type first, then the whole
/// plan), unknown keys, the host's validation, then the type's own.
public struct CampaignLoader: Sendable {
    public let registry: CampaignTypeRegistry
    /// The directives plans are checked against; nil: `load(path:)` reads the `directives/`
    /// folder of the workspace the file is in.
    public let directives: DirectiveLibrary?
    /// The unit kinds plans are checked against; nil: `load(path:)` reads the
    /// `tables/unit-kinds.json` of the workspace the file is in.
    public let unitKinds: UnitKindCatalogue?
    /// The issuer kinds plans name; nil: `load(path:)` reads the `tables/issuer-kinds.json` of
    /// the workspace the file is in.
    public let issuerKinds: IssuerKindCatalogue?

    public init(
        registry: CampaignTypeRegistry, directives: DirectiveLibrary? = nil, unitKinds: UnitKindCatalogue? = nil,
        issuerKinds: IssuerKindCatalogue? = nil
    ) {
        self.registry = registry
        self.directives = directives
        self.unitKinds = unitKinds
        self.issuerKinds = issuerKinds
    }

    /// This loader with the directives, unit kinds and issuer kinds of the workspace the campaign
    /// file at `path` is in, where it has none of its own: what `load(path:)` checks against.
    public func resolved(forCampaignFileAt path: String) -> CampaignLoader {
        CampaignLoader(
            registry: registry, directives: directives ?? DirectiveLibrary.forCampaignFile(atPath: path),
            unitKinds: unitKinds ?? UnitKindCatalogue.forCampaignFile(atPath: path),
            issuerKinds: issuerKinds ?? IssuerKindCatalogue.forCampaignFile(atPath: path))
    }

    /// Reads a file from disk; `displayName` is how messages name it.
    public func load(path: String, displayName: String? = nil) -> CampaignLoadResult {
        let name = displayName ?? path
        let data: [UInt8]
        switch UserFile.read(path, limit: InputLimits.jsonFile) {
        case .success(let bytes): data = bytes
        case .failure(let error):
            return CampaignLoadResult(file: name, plan: nil, diagnostics: [Diagnostic(.error, file: name, message: "không đọc được tệp: \(error.reason)")])
        }
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let library = directives ?? DirectiveLibrary.forCampaignFile(atPath: path)
        let kinds = unitKinds ?? UnitKindCatalogue.forCampaignFile(atPath: path)
        let issuers = issuerKinds ?? IssuerKindCatalogue.forCampaignFile(atPath: path)
        return load(bytes: data, file: name, expectedID: stem, directives: library, unitKinds: kinds, issuerKinds: issuers)
    }

    /// Reads a campaign file's bytes. `expectedID` is the file's name without `.json`, which
    /// must equal the campaign id.
    public func load(bytes: [UInt8], file: String, expectedID: String? = nil) -> CampaignLoadResult {
        load(
            bytes: bytes, file: file, expectedID: expectedID, directives: directives, unitKinds: unitKinds ?? .standard,
            issuerKinds: issuerKinds ?? .standard)
    }

    private func load(
        bytes: [UInt8], file: String, expectedID: String?, directives: DirectiveLibrary?, unitKinds: UnitKindCatalogue,
        issuerKinds: IssuerKindCatalogue
    ) -> CampaignLoadResult {
        var diagnostics: [Diagnostic] = []
        func finish(_ plan: CampaignPlan?) -> CampaignLoadResult {
            CampaignLoadResult(file: file, plan: plan, diagnostics: diagnostics.map { $0.inFile(file) })
        }
        if let problem = TextEncodingCheck.problem(in: bytes) {
            diagnostics.append(Diagnostic(.error, message: problem))
            return finish(nil)
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            diagnostics.append(DecodingDiagnostics.diagnostic(for: error))
            return finish(nil)
        }
        guard case .object = root.kind else {
            diagnostics.append(
                Diagnostic(
                    .error, line: root.line, column: root.column,
                    message: "tệp phong trào phải là một đối tượng JSON { … }, thấy \(root.foundDescription)"))
            return finish(nil)
        }
        // Phase one: the header that decides how the rest is read.
        if let version = root["version"], case .number(let text) = version.kind, text != String(CampaignPlan.currentVersion) {
            diagnostics.append(
                Diagnostic(
                    .error, path: "version", line: version.line, column: version.column,
                    message: "phiên bản tệp là \(text) nhưng ThiDua này đọc phiên bản \(CampaignPlan.currentVersion)",
                    hint: "đặt \"version\": \(CampaignPlan.currentVersion), hoặc cập nhật ThiDua"))
            return finish(nil)
        }
        var campaignType: (any CampaignType)?
        if let typeNode = root["type"], case .string(let typeID) = typeNode.kind {
            campaignType = registry.type(typeID)
            if let unavailable = campaignType as? UnavailableDeclaredType {
                campaignType = nil
                diagnostics.append(
                    Diagnostic(
                        .error, path: "type", line: typeNode.line, column: typeNode.column,
                        message: "loại phong trào «\(typeID)» khai báo trong \(unavailable.file) nhưng tệp đó có lỗi nên chưa dùng được"
                            + (unavailable.problems.first.map { ": \($0.rendered)" } ?? ""),
                        hint: "sửa tệp loại rồi chạy `thidua check \(unavailable.file)`"))
            } else if campaignType == nil {
                let known = registry.ids
                let guess = DidYouMean.suggestion(for: typeID, among: known)
                diagnostics.append(
                    Diagnostic(
                        .error, path: "type", line: typeNode.line, column: typeNode.column,
                        message: "loại phong trào «\(typeID)» không có; các loại hiện có: \(known.joined(separator: ", "))",
                        hint: guess.map { "có phải ý bạn là «\($0)»?" } ?? "xem danh sách bằng lệnh `thidua types`"))
            }
        }
        // Phase two: the whole plan.
        var plan: CampaignPlan
        do {
            let (decoded, unknown) = try JSONNodeDecoder.decode(CampaignPlan.self, from: root)
            plan = decoded
            diagnostics += unknown.map(DecodingDiagnostics.diagnostic(for:))
        } catch let error as DecodingError {
            diagnostics.append(DecodingDiagnostics.diagnostic(for: error, root: root))
            return finish(nil)
        } catch {
            diagnostics.append(Diagnostic(.error, message: "\(error)"))
            return finish(nil)
        }
        // The issuer kind fills the wording the file leaves out before anything reads it.
        let resolved = issuerKinds.resolve(plan)
        plan = resolved.plan
        var findings = resolved.findings
        findings += PlanValidator(plan: plan, type: campaignType?.definition(for: plan), unitKinds: unitKinds).validate()
        if let expectedID, expectedID != plan.id {
            findings.append(
                Diagnostic(
                    .error, path: "id",
                    message: "mã phong trào «\(plan.id)» khác tên tệp «\(expectedID).json»",
                    hint: "đổi tên tệp thành «\(plan.id).json» hoặc sửa «id» thành «\(expectedID)»"))
        }
        if let campaignType { findings += campaignType.validate(plan) }
        findings += CampaignBlanks.findings(in: root, bytes: bytes)
        if plan.basis.contains(where: { $0.directive != nil }) {
            let checked = DirectiveChecker(plan: plan, library: directives).check()
            plan = checked.plan
            findings += checked.findings
        }
        for var finding in findings {
            if finding.line == nil || finding.line == 0, let path = finding.path, let node = root.node(atPath: path) {
                finding.line = node.line
                finding.column = node.column
            }
            diagnostics.append(finding)
        }
        return finish(plan)
    }
}
