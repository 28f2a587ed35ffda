import Foundation
import ThiDuaBase

/// The ward's units and people, shared by every campaign.
public struct Roster: Codable, Sendable, Equatable {
    /// Every unit, ids unique.
    public var units: [Unit]
    /// Every person, ids unique.
    public var people: [Person]

    /// A roster of these units and people (not checked: use `RosterImporter` for files).
    public init(units: [Unit] = [], people: [Person] = []) {
        self.units = units
        self.people = people
    }

    /// A roster with nobody in it.
    public static let empty = Roster()

    /// The unit with this id, or else the one with this name (NFC, case-insensitive).
    public func unit(_ reference: String) -> Unit? {
        let trimmed = VietnameseText.nfc(reference.trimmingCharacters(in: .whitespacesAndNewlines))
        if let unit = units.first(where: { $0.id == trimmed }) { return unit }
        let key = VietnameseText.key(trimmed)
        return units.first { VietnameseText.key($0.name) == key }
    }

    /// The person with this id, or else the only person with this name (NFC,
    /// case-insensitive). Nil when nobody, or more than one person, has the name.
    public func person(_ reference: String) -> Person? {
        let trimmed = VietnameseText.nfc(reference.trimmingCharacters(in: .whitespacesAndNewlines))
        if let person = people.first(where: { $0.id == trimmed }) { return person }
        let named = people(named: trimmed)
        return named.count == 1 ? named.first : nil
    }

    /// Everyone with this name (NFC, case-insensitive, spaces folded).
    public func people(named name: String) -> [Person] {
        let key = VietnameseText.key(name)
        return people.filter { VietnameseText.key($0.name) == key }
    }

    /// The people of a unit, in roster order.
    public func people(in unitID: String) -> [Person] {
        people.filter { $0.unit == unitID }
    }

    /// The roster with more units and people added after these.
    public func merging(units more: [Unit], people morePeople: [Person]) -> Roster {
        Roster(units: units + more, people: people + morePeople)
    }
}
