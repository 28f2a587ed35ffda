/// An enum written in files by a fixed keyword. Decoding an unknown keyword fails with a
/// Vietnamese message that lists the allowed keywords and suggests the nearest one.
public protocol KeywordEnum: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}

extension KeywordEnum {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            let allowed = Self.allCases.map(\.rawValue)
            let hint = DidYouMean.suggestion(for: text, among: allowed).map { " Có phải ý bạn là «\($0)»?" } ?? ""
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "giá trị «\(text)» không hợp lệ; cần một trong: \(allowed.joined(separator: ", ")).\(hint)")
        }
        self = value
    }
}
