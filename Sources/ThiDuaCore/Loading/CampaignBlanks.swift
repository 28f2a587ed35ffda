/// The marked blanks of a campaign file: every string holding `CampaignTemplate.marker`.
public enum CampaignBlanks {
    /// One warning per blank, with its JSON path, line and column.
    public static func findings(in root: JSONNode) -> [Diagnostic] {
        var out: [Diagnostic] = []
        visit(root, path: "", into: &out)
        return out
    }

    private static func visit(_ node: JSONNode, path: String, into out: inout [Diagnostic]) {
        switch node.kind {
        case .string(let s) where s.contains(CampaignTemplate.marker):
            out.append(
                Diagnostic(
                    .warning, path: path, line: node.line, column: node.column,
                    message: "còn chỗ cần điền: «\(s)»"))
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
}
