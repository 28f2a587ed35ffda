import ThiDuaBase

/// One line of a journal: an event with its place in the chain.
///
/// The line is JSON with the keys in this order: `seq`, `time`, `date`, `actor`, `kind`,
/// `payload`, `prev`. `prev` is the SHA-256 (hex) of the previous line's bytes, or 64 zeros on
/// the first line, so changing any byte of any line breaks the chain from there on.
public struct JournalEvent: Sendable, Equatable {
    public var seq: Int
    /// When it was written, ISO 8601 UTC from the clock.
    public var time: String
    /// The day the event counts for (the `--today` of the command), for deadlines.
    public var date: CivilDate
    /// Who did it.
    public var actor: String
    public var kind: EventKind
    public var payload: JSONValue
    public var prev: String

    /// The hash a first line points back to.
    public static let genesis = String(repeating: "0", count: 64)

    public init(seq: Int, time: String, date: CivilDate, actor: String, kind: EventKind, payload: JSONValue, prev: String) {
        self.seq = seq
        self.time = time
        self.date = date
        self.actor = actor
        self.kind = kind
        self.payload = payload
        self.prev = prev
    }

    /// The line as written (without the newline).
    public var line: String {
        JSONWriter.write(
            .object([
                .init(key: "seq", value: .number(Double(seq))),
                .init(key: "time", value: .string(time)),
                .init(key: "date", value: .string(date.iso)),
                .init(key: "actor", value: .string(actor)),
                .init(key: "kind", value: .string(kind.rawValue)),
                .init(key: "payload", value: payload),
                .init(key: "prev", value: .string(prev)),
            ]))
    }

    /// Reads a line; nil with the reason when it is not an event.
    public static func parse(_ line: String) -> (JournalEvent?, String?) {
        let node: JSONNode
        do {
            node = try JSONParser.parse(line)
        } catch {
            return (nil, "không phải JSON hợp lệ (\(error.message))")
        }
        guard case .number(let seqText)? = node["seq"]?.kind, let seq = Int(seqText) else { return (nil, "thiếu «seq»") }
        guard case .string(let time)? = node["time"]?.kind else { return (nil, "thiếu «time»") }
        guard case .string(let dateText)? = node["date"]?.kind, let date = CivilDate(quickParsing: dateText) else { return (nil, "thiếu «date»") }
        guard case .string(let actor)? = node["actor"]?.kind else { return (nil, "thiếu «actor»") }
        guard case .string(let kind)? = node["kind"]?.kind else { return (nil, "thiếu «kind»") }
        guard let payload = node["payload"] else { return (nil, "thiếu «payload»") }
        guard case .string(let prev)? = node["prev"]?.kind else { return (nil, "thiếu «prev»") }
        return (JournalEvent(seq: seq, time: time, date: date, actor: actor, kind: EventKind(rawValue: kind), payload: payload.value, prev: prev), nil)
    }
}

extension JournalEvent {
    /// Reads a line from its bytes: the same as `parse(String(decoding: bytes, as: UTF8.self))`.
    ///
    /// Plain lines (all that `JSONWriter` writes) are read by `JSONFastReader` straight into the
    /// event, without the string, the node tree and its copy; anything else (invalid UTF-8, a
    /// comment, a missing field, …) goes through `parse(_:)` for the same event or reason.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> (JournalEvent?, String?) {
        if let event = fastParse(bytes) { return (event, nil) }
        return parse(String(decoding: bytes, as: UTF8.self))
    }

    private static func fastParse(_ bytes: UnsafeBufferPointer<UInt8>) -> JournalEvent? {
        guard let (members, numberTexts) = JSONFastReader.object(bytes) else { return nil }
        var seq: Int?
        var time: String?
        var date: CivilDate?
        var actor: String?
        var kind: String?
        var payload: JSONValue?
        var prev: String?
        // Each field as `parse(_:)` reads it from the node: the member with that key (keys are
        // unique: the reader refuses duplicates), of the kind it needs.
        for (member, numberText) in zip(members, numberTexts) {
            switch member.key {
            case "seq": seq = numberText.flatMap { Int($0) }
            case "time": time = member.value.string
            case "date": date = member.value.string.flatMap { CivilDate(quickParsing: $0) }
            case "actor": actor = member.value.string
            case "kind": kind = member.value.string
            case "payload": payload = member.value
            case "prev": prev = member.value.string
            default: break
            }
        }
        guard let seq, let time, let date, let actor, let kind, let payload, let prev else { return nil }
        return JournalEvent(seq: seq, time: time, date: date, actor: actor, kind: EventKind(rawValue: kind), payload: payload, prev: prev)
    }
}

/// What an event records. Open-ended so later kinds (ballots, decisions) need no format change.
public struct EventKind: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public static let launch: EventKind = "launch"
    public static let close: EventKind = "close"
    public static let enrolment: EventKind = "enrolment"
    public static let withdrawal: EventKind = "withdrawal"
    public static let submission: EventKind = "submission"
    public static let correction: EventKind = "correction"
    /// An appraiser's change to a self-assessment, with the reason.
    public static let appraisal: EventKind = "appraisal"
    /// A period's results locked after sơ kết / tổng kết.
    public static let lock: EventKind = "lock"
    public static let reviewOpened: EventKind = "review-opened"
    /// One member's open ballot.
    public static let ballot: EventKind = "ballot"
    /// A paper tally sheet's counts (secret ballot).
    public static let tally: EventKind = "tally"
    public static let reviewClosed: EventKind = "review-closed"
    /// The award decision (or the upward proposal) with its list and amounts.
    public static let decision: EventKind = "decision"
    /// The number and date of a signed draft decision.
    public static let decisionNumbered: EventKind = "decision-numbered"
    /// A locked period opened again, with the reason.
    public static let unlock: EventKind = "unlock"
    /// The campaign file changed after launch or lock, with the reason.
    public static let planAmended: EventKind = "plan-amended"
}
