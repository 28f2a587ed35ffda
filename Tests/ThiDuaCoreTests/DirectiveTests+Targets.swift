import Foundation
import Testing
import ThiDuaCore

@Suite("Directives: comparing targets")
struct TargetStrengthTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var plan: Target
        var floor: Target
        var measure: Measure
        var meets: Bool
        var testDescription: String {
            "\(plan.vietnamese(measure: measure)) vs \(floor.vietnamese(measure: measure)) (\(measure.rawValue)): \(meets)"
        }
    }

    static let cases: [Case] = [
        Case(plan: Target(.atLeast, 98), floor: Target(.atLeast, 95), measure: .percent, meets: true),
        Case(plan: Target(.atLeast, 95), floor: Target(.atLeast, 98), measure: .percent, meets: false),
        Case(plan: Target(.equal, 100), floor: Target(.atLeast, 98), measure: .percent, meets: true),
        Case(plan: Target(.greaterThan, 98), floor: Target(.atLeast, 98), measure: .percent, meets: true),
        Case(plan: Target(.atLeast, 98), floor: Target(.greaterThan, 98), measure: .percent, meets: false),
        Case(plan: Target(.greaterThan, 97.5), floor: Target(.atLeast, 98), measure: .percent, meets: false),
        Case(plan: Target(.atMost, 99), floor: Target(.atLeast, 98), measure: .percent, meets: false),
        Case(plan: Target(.atLeast, 100), floor: Target(.equal, 100), measure: .percent, meets: true),
        Case(plan: Target(.atMost, 3), floor: Target(.atMost, 5), measure: .rank, meets: true),
        Case(plan: Target(.atMost, 10), floor: Target(.atMost, 5), measure: .rank, meets: false),
        Case(plan: Target(.lessThan, 6), floor: Target(.atMost, 5), measure: .rank, meets: true),
        Case(plan: Target(.lessThan, 6), floor: Target(.atMost, 5), measure: .score, meets: false),
        Case(plan: Target(.atLeast, 1), floor: Target(.atMost, 5), measure: .rank, meets: false),
        Case(plan: Target(.greaterThan, 4), floor: Target(.atLeast, 5), measure: .count, meets: true),
        Case(plan: Target(.equal, 1), floor: Target(.atLeast, 1), measure: .yesNo, meets: true),
    ]

    @Test("a plan's target meets a floor only when every value it admits meets the floor", arguments: cases)
    func strength(_ c: Case) {
        #expect(c.plan.meets(c.floor, measure: c.measure) == c.meets)
    }
}
