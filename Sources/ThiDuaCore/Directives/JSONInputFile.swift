import Foundation
import ThiDuaBase

/// Reads a JSON input file other than a campaign (a directive, a declared type) the way
/// `CampaignLoader` reads campaigns: encoding check, the project's parser, `"version": 1`, the
/// positional decoder, unknown keys as warnings with a did-you-mean.
public enum JSONInputFile {
    /// What reading one file gave: the value when it decoded, the parsed tree, and every finding.
    public struct Outcome<Value> {
        public var value: Value?
        /// The parsed file, for the positions of later findings.
        public var root: JSONNode?
        public var diagnostics: [Diagnostic]
    }

    /// The format version of directive and type files this build reads.
    public static let currentVersion = 1

    /// Decodes `bytes` as `T`. `what` names the kind of file in messages ("tệp văn bản chỉ đạo").
    /// Findings carry `file`, and a line and column wherever the file has the value.
    public static func decode<T: Decodable>(_ type: T.Type, bytes: [UInt8], file: String, what: String) -> Outcome<T> {
        var diagnostics: [Diagnostic] = []
        func finish(_ value: T?, _ root: JSONNode?) -> Outcome<T> {
            Outcome(value: value, root: root, diagnostics: diagnostics.map { $0.inFile(file) })
        }
        if let problem = TextEncodingCheck.problem(in: bytes) {
            diagnostics.append(Diagnostic(.error, message: problem))
            return finish(nil, nil)
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            diagnostics.append(DecodingDiagnostics.diagnostic(for: error))
            return finish(nil, nil)
        }
        guard case .object = root.kind else {
            diagnostics.append(
                Diagnostic(
                    .error, line: root.line, column: root.column,
                    message: "\(what) phải là một đối tượng JSON { … }, thấy \(root.foundDescription)"))
            return finish(nil, root)
        }
        if let version = root["version"], case .number(let text) = version.kind, text != String(currentVersion) {
            diagnostics.append(
                Diagnostic(
                    .error, path: "version", line: version.line, column: version.column,
                    message: "phiên bản tệp là \(text) nhưng ThiDua này đọc phiên bản \(currentVersion)",
                    hint: "đặt \"version\": \(currentVersion), hoặc cập nhật ThiDua"))
            return finish(nil, root)
        }
        do {
            let (value, unknown) = try JSONNodeDecoder.decode(T.self, from: root)
            diagnostics += unknown.map(DecodingDiagnostics.diagnostic(for:))
            return finish(value, root)
        } catch let error as DecodingError {
            diagnostics.append(DecodingDiagnostics.diagnostic(for: error, root: root))
        } catch {
            diagnostics.append(Diagnostic(.error, message: "\(error)"))
        }
        return finish(nil, root)
    }

    /// Gives each finding that has a JSON path but no line the line and column of that path's
    /// node in `root`, and names `file`.
    public static func locate(_ findings: [Diagnostic], in root: JSONNode?, file: String) -> [Diagnostic] {
        findings.map { finding in
            var copy = finding.inFile(file)
            if copy.line == nil || copy.line == 0, let path = copy.path, let node = root?.node(atPath: path) {
                copy.line = node.line
                copy.column = node.column
            }
            return copy
        }
    }

    /// "directives/x.json:12:7" — a place in a file, for messages that name a second file.
    public static func place(_ file: String, _ root: JSONNode?, _ path: String) -> String {
        guard let node = root?.node(atPath: path), node.line > 0 else { return "\(file), \(path)" }
        return "\(file):\(node.line):\(node.column), \(path)"
    }

    /// The `.json` files of a folder with their bytes, sorted by name; nil when the folder does not exist.
    static func files(in folder: URL) -> [(url: URL, bytes: [UInt8]?)]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        // Files of a workspace folder: size-limited, never read through a link.
        return Workspace.jsonFiles(in: folder).map { url in
            (url, try? UserFile.read(url.path, limit: InputLimits.jsonFile, followLinks: false).get())
        }
    }
}
