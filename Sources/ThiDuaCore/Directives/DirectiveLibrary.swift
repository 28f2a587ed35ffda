import Foundation
import ThiDuaBase

/// The directive files of a workspace (`directives/`), read and checked together: each file on
/// its own, then what needs the others (an unknown parent, a cycle, a floor weaker than the
/// parent's). An immutable value; plans are checked against it by `DirectiveChecker`.
public struct DirectiveLibrary: Sendable {
    /// Every file, in name order, with all its findings.
    public let files: [DirectiveFile]
    /// The folder the files came from, as named to the user ("directives").
    public let folderName: String
    private let index: [String: Int]

    /// Builds a library from files already read, keyed by their file names without `.json`,
    /// and adds the findings that need more than one file.
    public init(files: [(id: String, file: DirectiveFile)], folderName: String = "directives") {
        var index: [String: Int] = [:]
        for (i, entry) in files.enumerated() where index[entry.id] == nil { index[entry.id] = i }
        self.index = index
        self.folderName = folderName
        var checked = files.map(\.file)
        for i in checked.indices {
            checked[i].diagnostics += Self.crossFindings(of: i, in: checked, index: index, folderName: folderName)
        }
        self.files = checked
    }

    /// Reads every `.json` file of a folder; `display` names a file for messages. A missing folder
    /// gives an empty library.
    public static func load(folder: URL, display: (URL) -> String) -> DirectiveLibrary {
        let entries = (JSONInputFile.files(in: folder) ?? []).map { entry -> (id: String, file: DirectiveFile) in
            let name = display(entry.url)
            let id = entry.url.deletingPathExtension().lastPathComponent
            guard let bytes = entry.bytes else {
                let problem = Diagnostic(.error, file: name, message: "không đọc được tệp (không có quyền đọc)")
                return (id, DirectiveFile(file: name, directive: nil, root: nil, diagnostics: [problem]))
            }
            return (id, DirectiveFile.read(bytes: bytes, file: name, expectedID: id))
        }
        return DirectiveLibrary(files: entries, folderName: display(folder))
    }

    /// The library of the workspace a campaign file belongs to: `<root>/directives/` when the
    /// file lies in `<root>/campaigns/`; nil when it lies elsewhere.
    public static func forCampaignFile(atPath path: String) -> DirectiveLibrary? {
        let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        guard folder.lastPathComponent == "campaigns" else { return nil }
        let workspace = Workspace(root: folder.deletingLastPathComponent())
        return load(folder: workspace.directivesFolder, display: workspace.display)
    }

    /// The ids of the directives, in name order.
    public var ids: [String] { index.keys.sorted() }

    /// The file of the directive with that id.
    public func file(_ id: String) -> DirectiveFile? { index[id].map { files[$0] } }

    /// The directive with that id and the directives above it, nearest first. Stops before a
    /// directive already in the chain (a cycle) or one that is missing or did not decode.
    public func chain(from id: String) -> [DirectiveFile] {
        var out: [DirectiveFile] = []
        var seen: Set<String> = []
        var next: String? = id
        while let current = next, !seen.contains(current), let file = file(current), let directive = file.directive {
            seen.insert(current)
            out.append(file)
            next = directive.parent
        }
        return out
    }

    private static func crossFindings(of i: Int, in files: [DirectiveFile], index: [String: Int], folderName: String) -> [Diagnostic] {
        let file = files[i]
        guard let directive = file.directive, let parentID = directive.parent, parentID != directive.id,
            Identifier.problem(parentID) == nil
        else { return [] }
        var findings: [Diagnostic] = []
        guard let p = index[parentID] else {
            let known = index.keys.filter { $0 != directive.id }.sorted()
            findings.append(
                Diagnostic(
                    .error, path: "parent",
                    message: "văn bản cấp trên «\(parentID)» không có trong \(folderName)/"
                        + (known.isEmpty ? "" : "; có: \(known.joined(separator: ", "))"),
                    hint: DidYouMean.suggestion(for: parentID, among: known).map { "có phải ý bạn là «\($0)»?" }
                        ?? "thêm tệp \(folderName)/\(parentID).json, hoặc bỏ «parent»"))
            return JSONInputFile.locate(findings, in: file.root, file: file.file)
        }
        // A cycle: following parents comes back here.
        var path = [directive.id]
        var next: String? = parentID
        while let current = next, let k = index[current], let above = files[k].directive {
            path.append(current)
            if current == directive.id {
                findings.append(
                    Diagnostic(
                        .error, path: "parent", message: "các văn bản cấp trên tạo thành vòng lặp: \(path.joined(separator: " → "))",
                        hint: "văn bản cấp trên phải ở cấp cao hơn; bỏ hoặc sửa một «parent» trong vòng lặp"))
                break
            }
            if path.dropLast().contains(current) { break }
            next = above.parent
        }
        guard let parent = files[p].directive else { return JSONInputFile.locate(findings, in: file.root, file: file.file) }
        if directive.date < parent.date {
            findings.append(
                Diagnostic(
                    .warning, path: "date",
                    message:
                        "văn bản ban hành ngày \(directive.date.vietnamese), trước văn bản cấp trên «\(parentID)» (\(parent.date.vietnamese))",
                    hint: "kiểm tra ngày ban hành của hai văn bản"))
        }
        let order: [AuthorityLevel: Int] = [.trungUong: 0, .tinh: 1, .huyen: 2, .xa: 3]
        if let mine = order[directive.issuer.level], let theirs = order[parent.issuer.level], mine < theirs {
            findings.append(
                Diagnostic(
                    .warning, path: "issuer.level",
                    message:
                        "cấp ban hành «\(directive.issuer.level.rawValue)» cao hơn cấp của văn bản cấp trên «\(parentID)» («\(parent.issuer.level.rawValue)»)"
                ))
        }
        // Floors and allowed awards of every directive above.
        var seen: Set<String> = [directive.id]
        var above: String? = parentID
        while let current = above, !seen.contains(current), let k = index[current], let upper = files[k].directive {
            seen.insert(current)
            for (f, floor) in directive.floors.enumerated() {
                guard let u = upper.floors.firstIndex(where: { $0.indicator == floor.indicator }) else { continue }
                let theirs = upper.floors[u]
                let measure = floor.measure ?? theirs.measure
                if !floor.target.meets(theirs.target, measure: measure) {
                    findings.append(
                        Diagnostic(
                            .error, path: "floors[\(f)]",
                            message:
                                "mức «\(floor.target.vietnamese(measure: measure))» của chỉ tiêu «\(floor.indicator)» thấp hơn mức «\(theirs.target.vietnamese(measure: measure))» mà \(upper.shortName) yêu cầu (\(files[k].place("floors[\(u)]")))",
                            hint: "văn bản cấp dưới chỉ được đặt mức bằng hoặc cao hơn cấp trên"))
                }
            }
            if !upper.allowedAwards.isEmpty {
                for (a, form) in directive.allowedAwards.enumerated() where !upper.allowedAwards.contains(form) {
                    findings.append(
                        Diagnostic(
                            .warning, path: "allowedAwards[\(a)]",
                            message:
                                "hình thức «\(form)» không nằm trong các hình thức \(upper.shortName) cho phép: \(upper.allowedAwards.joined(separator: ", ")) (\(files[k].place("allowedAwards")))"
                        ))
                }
            }
            above = upper.parent
        }
        return JSONInputFile.locate(findings, in: file.root, file: file.file)
    }
}

extension Workspace {
    /// `directives/`: the directive files plans cite.
    public var directivesFolder: URL { root.appendingPathComponent("directives", isDirectory: true) }
}
