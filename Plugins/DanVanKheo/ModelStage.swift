/// Where a "Dân vận khéo" model stands in its life.
public enum ModelStage: Int, Sendable, Comparable, CaseIterable {
    /// A registration form names it.
    case registered
    /// A 6-month evaluation reports on it: it is being carried out.
    case carriedOut
    /// A year-end evaluation rated it.
    case assessed
    /// An evaluation says it has been applied elsewhere.
    case replicated

    /// "Đã đăng ký", "Đang thực hiện", "Đã đánh giá", "Đã nhân rộng".
    public var vietnamese: String {
        switch self {
        case .registered: "Đã đăng ký"
        case .carriedOut: "Đang thực hiện"
        case .assessed: "Đã đánh giá"
        case .replicated: "Đã nhân rộng"
        }
    }

    public static func < (a: ModelStage, b: ModelStage) -> Bool { a.rawValue < b.rawValue }
}
