import ThiDuaBase

/// Who does what (tổ chức thực hiện).
public struct Assignment: Hashable, Sendable, Codable {
    public var id: String
    /// "Phòng Văn hóa - Xã hội phường".
    public var assignee: String
    /// The heading as printed, when it differs from the assignee ("2. Giao công chức chuyên môn:").
    public var heading: String?
    /// The tasks, one sentence each.
    public var tasks: [String]

    public init(id: String, assignee: String, heading: String? = nil, tasks: [String]) {
        self.id = id
        self.assignee = assignee
        self.heading = heading
        self.tasks = tasks
    }
}
