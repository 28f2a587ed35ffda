/// What an account may do; the web pages check it on every request.
public enum Role: String, Codable, Sendable, CaseIterable {
    /// Manages accounts and everything the clerk does.
    case admin
    /// The ward's emulation officer (cán bộ thi đua): campaigns, rosters, documents.
    case clerk
    /// A participating unit, bound to one roster unit: registers, reports, sends evidence.
    case unit
    /// A member of the emulation council (Hội đồng Thi đua – Khen thưởng): reviews and votes.
    case council
    /// Reads only.
    case viewer

    /// The role as officials name it.
    public var vietnamese: String {
        switch self {
        case .admin: "quản trị"
        case .clerk: "cán bộ thi đua"
        case .unit: "đơn vị"
        case .council: "thành viên Hội đồng Thi đua – Khen thưởng"
        case .viewer: "chỉ xem"
        }
    }
}
