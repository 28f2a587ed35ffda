import Foundation

/// Fields of an application/x-www-form-urlencoded body or query (WHATWG URL §5.1).
///
/// `+` becomes a space before percent-decoding, so a typed `+` (sent as `%2B`) survives;
/// values are NFC-normalised so Vietnamese text compares and hashes the same however typed.
public struct FormData: Sendable, Equatable {
    /// The fields in order; a name may repeat.
    public var fields: [(name: String, value: String)] = []

    /// At most this many fields are accepted from one body.
    public static let maximumFields = 1000

    public init() {}

    /// Creates fields from pairs, for tests and handlers.
    public init(_ pairs: [(String, String)]) {
        fields = pairs.map { (name: $0.0, value: $0.1) }
    }

    /// Parses `bytes`; throws on bad percent-encoding, invalid UTF-8 or too many fields.
    public init(urlencoded bytes: [UInt8]) throws(HTTPError) {
        for piece in bytes.split(separator: UInt8(ascii: "&")) {
            guard fields.count < Self.maximumFields else {
                throw HTTPError(.contentTooLarge, "Biểu mẫu có hơn \(Self.maximumFields) trường.")
            }
            let equals = piece.firstIndex(of: UInt8(ascii: "="))
            let rawName = piece[..<(equals ?? piece.endIndex)]
            let rawValue = equals.map { piece[piece.index(after: $0)...] } ?? []
            guard let nameBytes = PercentDecoding.decode(rawName, plusIsSpace: true),
                let valueBytes = PercentDecoding.decode(rawValue, plusIsSpace: true),
                let name = PercentDecoding.utf8(nameBytes),
                let value = PercentDecoding.utf8(valueBytes)
            else {
                throw HTTPError(.badRequest, "Dữ liệu biểu mẫu có mã phần trăm sai hoặc không phải UTF-8.")
            }
            fields.append((name: name.precomposedStringWithCanonicalMapping, value: value.precomposedStringWithCanonicalMapping))
        }
    }

    /// The first value of `name`.
    public subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Every value of `name`.
    public func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// The urlencoded spelling, for tests and links.
    public var encoded: String {
        fields.map { PercentDecoding.encode($0.name) + "=" + PercentDecoding.encode($0.value) }.joined(separator: "&")
    }

    public static func == (lhs: FormData, rhs: FormData) -> Bool {
        lhs.fields.count == rhs.fields.count && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}
