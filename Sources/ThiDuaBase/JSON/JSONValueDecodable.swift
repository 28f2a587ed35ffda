/// A type that can read itself straight from a `JSONValue`, without a `Decoder`.
///
/// Replaying a journal folds every submission's rows with `JSONValue.decode([SubmissionRow].self)`.
/// Through `Decodable` that costs a node tree, a container box, a key array and a dynamic cast
/// for every cell: about two thirds of replay's time (see docs/performance.md). The types the
/// fold reads most provide this shortcut instead, and `JSONValue.decode(_:)` takes it first.
///
/// The contract: `init?(exactly:)` returns exactly what the `Decodable` initializer would
/// return for the same value, or nil whenever the value is not in the plain shape it expects
/// (a missing or extra key, a number that is not a whole number, …). On nil, `decode` takes the
/// `Decodable` path, which either succeeds the same way or throws its usual error. So the
/// shortcut can only ever be faster, never different; a case it does not know (a new
/// `FieldValue` kind) simply falls through.
package protocol JSONValueDecodable {
    init?(exactly value: JSONValue)
}

extension JSONValue {
    /// `Int` as `JSONNodeDecoder` reads it from this number: whole, and below 10^15 in size
    /// (`JSONValue.node` spells larger or fractional numbers in a form `Int(_:)` refuses).
    package var exactInt: Int? {
        guard case .number(let d) = self, d == d.rounded(), abs(d) < 1e15 else { return nil }
        return Int(d)
    }

    /// `Double` as `JSONNodeDecoder` reads it: finite, and -0 read back as 0 (the node spells it "0").
    package var exactDouble: Double? {
        guard case .number(let d) = self, d.isFinite else { return nil }
        return d == 0 ? 0 : d
    }

    /// `String` as `JSONNodeDecoder` reads it: in NFC.
    package var exactString: String? {
        guard case .string(let s) = self else { return nil }
        return JSONNodeDecoder.nfc(s)
    }
}

extension Array: JSONValueDecodable where Element: JSONValueDecodable {
    package init?(exactly value: JSONValue) {
        guard case .array(let items) = value else { return nil }
        var out: [Element] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard let element = Element(exactly: item) else { return nil }
            out.append(element)
        }
        self = out
    }
}
