/// Where the first submission of a form with a given file hash sits in a state's `submissions`.
///
/// Kept beside the array by `CampaignState.apply`; when `submissions` is changed some other way
/// (a checkpoint, a test) the index is marked stale: it is rebuilt on the next fold, and until then
/// lookups scan, so the answer is always the linear one.
struct SubmissionSourceIndex: Sendable {
    private var first: [Key: Int] = [:]
    /// How many leading records of the array are indexed; -1 when stale.
    private(set) var covered = 0
    /// Set by the fold around its own changes to the array, which it indexes itself.
    var folding = false

    /// The array was changed behind the index's back.
    mutating func invalidate() {
        first = [:]
        covered = -1
    }

    private struct Key: Hashable, Sendable {
        var form: String
        var hash: String
    }

    /// Indexes the array's last record (just appended), or all of it when the index fell behind.
    mutating func added(_ submissions: [SubmissionRecord]) {
        if covered != submissions.count - 1 {
            first = [:]
            covered = 0
        }
        while covered < submissions.count {
            let record = submissions[covered]
            if let hash = record.sourceHash {
                let key = Key(form: record.form, hash: hash)
                if first[key] == nil { first[key] = covered }
            }
            covered += 1
        }
    }

    /// The position of the first record of `form` with `hash`; nil when there is none, or when
    /// the index does not cover `submissions` (the caller scans).
    func position(form: String, hash: String, in submissions: [SubmissionRecord]) -> Int?? {
        guard covered == submissions.count else { return nil }
        guard let found = first[Key(form: form, hash: hash)] else { return .some(nil) }
        let record = submissions[found]
        guard record.form == form, record.sourceHash == hash else { return nil }
        return .some(found)
    }
}

extension CampaignState {
    /// The first submission of `form` recorded from a file with this SHA-256, if any: what
    /// `submissions.first { $0.form == form && $0.sourceHash == sourceHash }` finds, in O(1).
    public func submission(form: String, sourceHash: String) -> SubmissionRecord? {
        if let known = sourceIndex.position(form: form, hash: sourceHash, in: submissions) {
            return known.map { submissions[$0] }
        }
        return submissions.first { $0.form == form && $0.sourceHash == sourceHash }
    }
}
