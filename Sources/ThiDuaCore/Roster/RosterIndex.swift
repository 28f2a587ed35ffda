import Foundation
import ThiDuaBase

/// Looks units and people up by id or name in constant time, for files of many rows.
struct RosterIndex {
    /// Why a reference did not resolve to a unit or person.
    enum Miss: Error {
        /// Nothing has that id or name.
        case unknown
        /// Several people share the name.
        case ambiguous([Person])
    }

    let units: [Unit]
    let people: [Person]
    private let unitByID: [String: Int]
    private let personByID: [String: Int]
    /// The name keys (NFC, case folded: the costly part), made at the first lookup by name: a
    /// form sent with ids (every web submission) needs none.
    private let names: LazyValue<Names>

    private struct Names: Sendable {
        var unitByName: [String: Int] = [:]
        var peopleByName: [String: [Int]] = [:]
    }

    /// An id or name present twice keeps pointing at the first.
    init(units: [Unit] = [], people: [Person] = []) {
        self.units = units
        self.people = people
        var unitByID: [String: Int] = [:]
        for (index, unit) in units.enumerated() where unitByID[unit.id] == nil { unitByID[unit.id] = index }
        var personByID: [String: Int] = [:]
        for (index, person) in people.enumerated() where personByID[person.id] == nil { personByID[person.id] = index }
        self.unitByID = unitByID
        self.personByID = personByID
        names = LazyValue {
            var names = Names()
            for (index, unit) in units.enumerated() {
                let key = VietnameseText.key(unit.name)
                if names.unitByName[key] == nil { names.unitByName[key] = index }
            }
            for (index, person) in people.enumerated() { names.peopleByName[VietnameseText.key(person.name), default: []].append(index) }
            return names
        }
    }

    init(_ roster: Roster) {
        self.init(units: roster.units, people: roster.people)
    }

    func unit(id: String) -> Unit? { unitByID[id].map { units[$0] } }
    func unit(named name: String) -> Unit? { names.value.unitByName[VietnameseText.key(name)].map { units[$0] } }
    func person(id: String) -> Person? { personByID[id].map { people[$0] } }
    func people(named name: String) -> [Person] { (names.value.peopleByName[VietnameseText.key(name)] ?? []).map { people[$0] } }

    /// The unit with this id or name.
    func resolveUnit(_ reference: String) -> Result<Unit, Miss> {
        if let unit = unit(id: reference) ?? unit(named: reference) { return .success(unit) }
        return .failure(.unknown)
    }

    /// The person with this id, or the only person with this name.
    func resolvePerson(_ reference: String) -> Result<Person, Miss> {
        if let person = person(id: reference) { return .success(person) }
        let named = people(named: reference)
        if named.count == 1, let person = named.first { return .success(person) }
        if named.count > 1 { return .failure(.ambiguous(named)) }
        return .failure(.unknown)
    }

    /// The unit name nearest to an unknown reference.
    func unitSuggestion(for reference: String) -> String? {
        VietnameseText.suggestion(for: reference, among: units.map(\.name))
    }

    /// The person's name nearest to an unknown reference.
    func personSuggestion(for reference: String) -> String? {
        VietnameseText.suggestion(for: reference, among: people.map(\.name))
    }

    /// "«Phòng Kinh tế», «Tổ dân phố 1», …" for a hint when nothing is near.
    var unitNames: String { VietnameseText.quotedList(units.map(\.name)) }
}
