import Testing
import ThiDuaBase
import ThiDuaCore

/// The duplicate check's index answers exactly what a scan of every submission answers.
@Suite struct SubmissionSourceIndexTests {
    static func event(_ seq: Int, form: String, hash: String?) throws -> JournalEvent {
        let payload = SubmissionPayload(form: form, source: "tep-\(seq).csv", sourceHash: hash, from: [], milestone: nil, due: nil, late: false, rows: [])
        return JournalEvent(
            seq: seq, time: "", date: CivilDate(year: 2026, month: 1, day: 2)!, actor: "test", kind: .submission, payload: try payload.jsonValue(),
            prev: "")
    }

    static func linear(_ state: CampaignState, _ form: String, _ hash: String) -> SubmissionRecord? {
        state.submissions.first { $0.form == form && $0.sourceHash == hash }
    }

    static let forms = ["phieu-a", "phieu-b", "phieu-c"]
    static let hashes = (0..<12).map { "hash-\($0)" }

    /// Every form and hash asked of `state`, through the index and by a scan.
    static func expectSameAnswers(_ state: CampaignState) {
        for form in forms + ["khong-co"] {
            for hash in hashes + ["hash-khac"] {
                #expect(state.submission(form: form, sourceHash: hash)?.seq == linear(state, form, hash)?.seq, "\(form) \(hash)")
            }
        }
    }

    @Test func foldedSubmissionsAnswerAsTheScan() throws {
        var generator = SystemRandomNumberGenerator()
        var state = CampaignState()
        var found = 0
        for seq in 1...300 {
            // Repeats of the same form and hash (an `--again`), and files with no hash, included.
            let hash = Int.random(in: 0..<14, using: &generator)
            state.apply(try Self.event(seq, form: Self.forms.randomElement(using: &generator)!, hash: hash < 12 ? Self.hashes[hash] : nil))
            if seq % 25 == 0 { Self.expectSameAnswers(state) }
        }
        for form in Self.forms { for hash in Self.hashes where Self.linear(state, form, hash) != nil { found += 1 } }
        #expect(found > 0)
        // The first of repeated files is the one named.
        var repeated = CampaignState()
        repeated.apply(try Self.event(1, form: "phieu-a", hash: "hash-0"))
        repeated.apply(try Self.event(2, form: "phieu-a", hash: "hash-0"))
        #expect(repeated.submission(form: "phieu-a", sourceHash: "hash-0")?.seq == 1)
        #expect(repeated.submission(form: "phieu-b", sourceHash: "hash-0") == nil)
    }

    @Test func submissionsSetDirectlyStillAnswerAsTheScan() throws {
        var folded = CampaignState()
        for seq in 1...40 { folded.apply(try Self.event(seq, form: Self.forms[seq % 3], hash: Self.hashes[seq % 12])) }
        // As a checkpoint restores it: the array set at once, the index not built.
        var restored = CampaignState()
        restored.submissions = folded.submissions
        restored.lastSeq = folded.lastSeq
        Self.expectSameAnswers(restored)
        // The next fold indexes the whole array again.
        restored.apply(try Self.event(41, form: "phieu-a", hash: "hash-khac"))
        Self.expectSameAnswers(restored)
        #expect(restored.submission(form: "phieu-a", sourceHash: "hash-khac")?.seq == 41)
        // Replaced by an array of the same length with other files: never a stale answer.
        var replaced = restored
        replaced.submissions = replaced.submissions.map {
            var record = $0; record.form = "phieu-b"; return record
        }
        Self.expectSameAnswers(replaced)
        #expect(replaced.submission(form: "phieu-b", sourceHash: "hash-khac")?.seq == 41)
    }
}
