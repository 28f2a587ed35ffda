import ThiDuaBase

/// The keywords of campaign files, each an enum that lists its allowed values in errors.
extension Measure: KeywordEnum {}
extension Comparison: KeywordEnum {}
extension IndicatorScope: KeywordEnum {}
extension ParticipantKind: KeywordEnum {}
extension AuthorityLevel: KeywordEnum {}
extension AwardLevel: KeywordEnum {}
extension AwardRecurrence: KeywordEnum {}
extension CommendationKind: KeywordEnum {}
extension MilestoneKind: KeywordEnum {}
extension DossierDocument: KeywordEnum {}
extension PlanPart: KeywordEnum {}
extension ListStyle: KeywordEnum {}
extension RuleSubject: KeywordEnum {}
