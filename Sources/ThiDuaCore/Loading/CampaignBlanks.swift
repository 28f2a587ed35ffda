import Foundation
import ThiDuaBase

/// The marked blanks of a campaign file: every string holding `CampaignTemplate.marker`.
public enum CampaignBlanks {
    /// One warning per blank, with its JSON path, line and column. `bytes`, the file the tree
    /// was read from, lets a file without any blank (nearly every file) skip the walk.
    public static func findings(in root: JSONNode, bytes: [UInt8]) -> [Diagnostic] {
        guard markers.contains(where: { contains($0, in: bytes) }) else { return [] }
        var out: [Diagnostic] = []
        visit(root, path: "", into: &out)
        return out
    }

    /// Whether a finding is one of these blanks (commands count them instead of listing them).
    public static func isBlank(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == .warning && diagnostic.message.hasPrefix(blankMessagePrefix)
    }

    private static let blankMessagePrefix = "còn chỗ cần điền: "

    private static func visit(_ node: JSONNode, path: String, into out: inout [Diagnostic]) {
        switch node.kind {
        case .string(let s) where s.contains(CampaignTemplate.marker):
            out.append(
                Diagnostic(
                    .warning, path: path, line: node.line, column: node.column,
                    message: blankMessagePrefix + "«\(s)»"))
        case .array(let items):
            for (i, item) in items.enumerated() { visit(item, path: "\(path)[\(i)]", into: &out) }
        case .object(let members):
            for member in members {
                visit(member.value, path: path.isEmpty ? member.key : "\(path).\(member.key)", into: &out)
            }
        default:
            break
        }
    }

    /// The marker as typed on most machines (NFC) and as some editors save it (NFD).
    private static let markers = [
        Array(CampaignTemplate.marker.precomposedStringWithCanonicalMapping.utf8),
        Array(CampaignTemplate.marker.decomposedStringWithCanonicalMapping.utf8),
    ]

    /// Whether `needle` occurs in `haystack`, byte for byte.
    static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
