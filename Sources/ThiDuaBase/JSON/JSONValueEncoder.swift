import Foundation

/// Turns an `Encodable` value into a `JSONValue` by way of Foundation's encoder, with sorted
/// keys so the result is the same on every run.
enum JSONValueEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return try JSONParser.parse(Array(data)).value
    }
}
