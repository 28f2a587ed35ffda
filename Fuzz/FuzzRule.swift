import Foundation
import ThiDuaCore

/// The evaluator rules are checked with: the Cải cách hành chính seed campaign, no events yet.
let fuzzEvaluator = RuleEvaluator(
    facts: FactBase(campaign: FuzzFixtures.campaigns[0], state: CampaignState(), roster: FuzzFixtures.roster),
    period: EvaluationPeriod(year: 2026))

/// libFuzzer entry point: arbitrary bytes as a rule (`criteria[].rule`, `awards[].standard`).
/// A rule that decodes must encode and decode back to itself, list its references, and
/// evaluate to an explained result for a unit and a person.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRule(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzFixtures.bytes(data, size)
    guard let root = try? JSONParser.parse(bytes), let (rule, _) = try? JSONNodeDecoder.decode(Rule.self, from: root) else { return 0 }
    _ = (rule.indicatorReferences, rule.criterionReferences, rule.countReferences)
    if let encoded = try? JSONEncoder().encode(rule), let again = try? JSONParser.parse(Array(encoded)) {
        guard let (back, _) = try? JSONNodeDecoder.decode(Rule.self, from: again), back == rule else {
            fatalError("a rule does not survive encoding: \(rule) → \(String(decoding: encoded, as: UTF8.self))")
        }
    }
    _ = fuzzEvaluator.evaluate(rule, for: .unit("van-phong")).explanation
    _ = fuzzEvaluator.evaluate(rule, for: .person(FuzzFixtures.roster.people[0].id)).explanation
    return 0
}
