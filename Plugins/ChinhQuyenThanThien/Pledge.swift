/// The three lists of the pledge.
public struct Pledge: Codable, Sendable, Equatable {
    public var xin: [String]
    public var luon: [String]
    public var khong: [String]
}
