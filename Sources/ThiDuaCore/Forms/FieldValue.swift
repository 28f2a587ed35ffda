import Foundation
import ThiDuaBase

/// One checked value of a form field, typed by the field's kind.
///
/// Encoded in JSON as a one-key object naming the kind: `{"percent": 98.5}`,
/// `{"date": "15/02/2026"}`, `{"unit": "to-dan-pho-1"}`.
public enum FieldValue: Codable, Sendable, Equatable, Hashable {
    case text(String)
    case integer(Int)
    case number(Double)
    /// 0 to 100.
    case percent(Double)
    case date(CivilDate)
    case yesNo(Bool)
    /// One of the field's `choices`, spelt as the form spells it.
    case choice(String)
    /// A unit id.
    case unit(String)
    /// A person id.
    case person(String)

    /// The value as a Vietnamese document prints it: "1.250", "98,5", "98,5%", "15/02/2026",
    /// "Có"/"Không". Units and people show their id; `display(in:)` shows their names.
    public var display: String {
        switch self {
        case .text(let s), .choice(let s), .unit(let s), .person(let s): return s
        case .integer(let n): return Numbers.grouped(n)
        case .number(let d): return Numbers.vietnamese(d, maxFractionDigits: 4)
        case .percent(let d): return Numbers.vietnamese(d) + "%"
        case .date(let date): return date.vietnamese
        case .yesNo(let b): return b ? "Có" : "Không"
        }
    }

    /// Like `display`, with unit and person names looked up in the roster.
    public func display(in roster: Roster) -> String {
        switch self {
        case .unit(let id): return roster.units.first { $0.id == id }?.name ?? id
        case .person(let id): return roster.people.first { $0.id == id }?.name ?? id
        default: return display
        }
    }

    /// The field kind this value belongs to (text for long text as well).
    public var kind: FieldKind {
        switch self {
        case .text: return .text
        case .integer: return .integer
        case .number: return .number
        case .percent: return .percent
        case .date: return .date
        case .yesNo: return .yesNo
        case .choice: return .choice
        case .unit: return .unit
        case .person: return .person
        }
    }

    private enum Key: String, CodingKey, CaseIterable {
        case text, integer, number, percent, date, yesNo = "yes-no", choice, unit, person
    }

    /// Decodes the one-key object form.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "giá trị cần đúng một khóa trong: \(Key.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        switch key {
        case .text: self = .text(try container.decode(String.self, forKey: key))
        case .integer: self = .integer(try container.decode(Int.self, forKey: key))
        case .number: self = .number(try container.decode(Double.self, forKey: key))
        case .percent: self = .percent(try container.decode(Double.self, forKey: key))
        case .date: self = .date(try container.decode(CivilDate.self, forKey: key))
        case .yesNo: self = .yesNo(try container.decode(Bool.self, forKey: key))
        case .choice: self = .choice(try container.decode(String.self, forKey: key))
        case .unit: self = .unit(try container.decode(String.self, forKey: key))
        case .person: self = .person(try container.decode(String.self, forKey: key))
        }
    }

    /// Encodes the one-key object form.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .text(let s): try container.encode(s, forKey: .text)
        case .integer(let n): try container.encode(n, forKey: .integer)
        case .number(let d): try container.encode(d, forKey: .number)
        case .percent(let d): try container.encode(d, forKey: .percent)
        case .date(let date): try container.encode(date, forKey: .date)
        case .yesNo(let b): try container.encode(b, forKey: .yesNo)
        case .choice(let s): try container.encode(s, forKey: .choice)
        case .unit(let s): try container.encode(s, forKey: .unit)
        case .person(let s): try container.encode(s, forKey: .person)
        }
    }
}
