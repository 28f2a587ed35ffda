import ThiDuaBase

/// A person of the roster: an official, a resident, a member of a đoàn thể.
public struct Person: Codable, Sendable, Equatable, Hashable {
    /// Kebab-case ASCII id: "nguyen-thi-lan-to-dan-pho-1".
    public var id: String
    /// Full name, in NFC: "Nguyễn Thị Lan".
    public var name: String
    /// Chức vụ: "Tổ trưởng", "Chuyên viên".
    public var position: String
    /// The id of the person's unit.
    public var unit: String
    /// Ngày sinh, when known.
    public var birthDate: CivilDate?

    /// A person; names should be NFC (the importers make them so).
    public init(id: String, name: String, position: String, unit: String, birthDate: CivilDate? = nil) {
        self.id = id
        self.name = name
        self.position = position
        self.unit = unit
        self.birthDate = birthDate
    }
}
