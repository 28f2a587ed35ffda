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

    private(set) var units: [Unit] = []
    private(set) var people: [Person] = []
    private var unitByID: [String: Int] = [:]
    private var unitByName: [String: Int] = [:]
    private var personByID: [String: Int] = [:]
    private var peopleByName: [String: [Int]] = [:]

    init(units: [Unit] = [], people: [Person] = []) {
        for unit in units { add(unit) }
        for person in people { add(person) }
    }

    init(_ roster: Roster) {
        self.init(units: roster.units, people: roster.people)
    }

    /// Adds a unit; an id or name already present keeps pointing at the first.
    mutating func add(_ unit: Unit) {
        let index = units.count
        units.append(unit)
        if unitByID[unit.id] == nil { unitByID[unit.id] = index }
        let key = VietnameseText.key(unit.name)
        if unitByName[key] == nil { unitByName[key] = index }
    }

    mutating func add(_ person: Person) {
        let index = people.count
        people.append(person)
        if personByID[person.id] == nil { personByID[person.id] = index }
        peopleByName[VietnameseText.key(person.name), default: []].append(index)
    }

    func unit(id: String) -> Unit? { unitByID[id].map { units[$0] } }
    func unit(named name: String) -> Unit? { unitByName[VietnameseText.key(name)].map { units[$0] } }
    func person(id: String) -> Person? { personByID[id].map { people[$0] } }
    func people(named name: String) -> [Person] { (peopleByName[VietnameseText.key(name)] ?? []).map { people[$0] } }

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
