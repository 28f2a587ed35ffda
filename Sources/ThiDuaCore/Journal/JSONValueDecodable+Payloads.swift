import ThiDuaBase

// Replay's fast path for the payloads the fold reads most after submissions: a ward's year holds
// hundreds of appraisals and ballots, and each one through `Decodable` (a node tree, container
// boxes, a dictionary of votes) cost as much as a whole submission row. Each initializer returns
// exactly what `init(from:)` returns, or nil, and `JSONValue.decode` then takes `Decodable`
// (see `JSONValueDecodable`).

extension JSONValue {
    /// The value of the first member named `key` of an object (as the decoder reads a repeated key).
    fileprivate func member(_ key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// `Bool` as the decoder reads it: `true` or `false`, nothing else.
    fileprivate var exactBool: Bool? {
        guard case .bool(let b) = self else { return nil }
        return b
    }

    /// `decodeIfPresent` of an optional member: `.some(nil)` when absent or null, nil when the
    /// value is not of the kind `read` accepts (the `Decodable` path then says why).
    fileprivate func optional<T>(_ key: String, _ read: (JSONValue) -> T?) -> T?? {
        guard let value = member(key), value != .null else { return .some(nil) }
        guard let read = read(value) else { return nil }
        return .some(read)
    }
}

extension BallotPayload: JSONValueDecodable {
    /// The synthesized `Decodable`: `review`, `member` and `votes` (member → vote), other keys ignored.
    package init?(exactly value: JSONValue) {
        guard case .object = value, let review = value.member("review")?.exactString, let member = value.member("member")?.exactString,
            let votesValue = value.member("votes"), let votes = [String: Vote](exactly: votesValue)
        else { return nil }
        self.init(review: review, member: member, votes: votes)
    }
}

extension AppraisalPayload: JSONValueDecodable {
    /// `init(from:)`: period and participant spelled as text, the optional values absent or null.
    package init?(exactly value: JSONValue) {
        guard case .object = value, let periodText = value.member("period")?.exactString,
            let period = EvaluationPeriod(parsing: periodText), let participantText = value.member("participant")?.exactString,
            let participant = ParticipantRef(parsing: participantText), let item = value.member("item")?.exactString,
            let reason = value.member("reason")?.exactString, let met = value.optional("met", \.exactBool),
            let points = value.optional("points", \.exactDouble), let evidence = value.optional("evidence", \.exactString),
            let oldMet = value.optional("oldMet", \.exactBool), let oldPoints = value.optional("oldPoints", \.exactDouble)
        else { return nil }
        self.init(
            period: period, participant: participant, item: item, met: met, points: points, evidence: evidence, oldMet: oldMet,
            oldPoints: oldPoints, reason: reason)
    }
}
