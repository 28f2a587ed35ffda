import ThiDuaBase

/// One accepted row of a form with where it stands.
public struct FormRow: Sendable {
    public let row: SubmissionRow
    /// The journal line of its submission.
    public let seq: Int
    /// Who it speaks for: its person, else its unit, else the submission's only sender.
    public let participant: ParticipantRef?
    /// The period it reports on (its year and term fields, else the day it was sent).
    public let period: EvaluationPeriod

    /// The value of a field.
    public subscript(_ fieldID: String) -> FieldValue? { row[fieldID] }
}
