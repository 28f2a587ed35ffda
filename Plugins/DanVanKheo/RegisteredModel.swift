/// One model of the register: who runs it, when it was registered, and the year it reached each stage.
public struct RegisteredModel: Sendable, Equatable {
    public var unit: String?
    public var name: String
    public var field: String?
    /// The year it was registered; nil when only an evaluation names it.
    public var registered: Int?
    /// The year it first reached each stage after registration.
    public var reached: [ModelStage: Int]
    /// The latest year-end rating ("Hiệu quả", "Đạt", "Chưa đạt").
    public var rating: String?

    /// The furthest stage reached.
    public var stage: ModelStage { reached.keys.max() ?? .registered }
}
