import Foundation
import Testing
import ThiDuaCore

/// A campaign of the test type with one scoring table, and journal events built in memory.
struct ScoringScenario {
    static let header = """
        {
          "version": 1, "type": "kiem-tra", "id": "cham-diem", "name": "Chấm điểm 2026",
          "issuer": {"name": "Ủy ban nhân dân phường Mẫu", "headerLines": ["ỦY BAN NHÂN DÂN", "PHƯỜNG MẪU"], "level": "xa"},
          "number": {"symbol": "KH-UBND"}, "place": "Mẫu", "date": {"month": 1, "year": 2026},
          "title": "Chấm điểm thi đua năm 2026", "period": {"end": "31/12/2026", "years": [2026]},
          "participants": [{"id": "to-dan-pho", "kind": "collective", "text": "Các tổ dân phố.", "unitKinds": ["to-dan-pho"]}],
          "recipients": [{"name": "Lưu: VT"}],
          "signer": {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Nguyễn Văn A"},
        """

    /// The table of most tests: 100 points, a bonus block, a deduction block, a gate, bands with a gap below 50.
    static let table = """
        {
          "id": "t", "title": "Bảng điểm", "ranking": true, "maxBonus": 5, "maxDeduction": 15,
          "blocks": [
            {"id": "a", "title": "Phần A", "maxBonus": 4, "items": [
              {"id": "a1", "title": "Mục A1", "max": 55},
              {"id": "a2", "title": "Tỷ lệ đạt", "max": 10, "formula": {"numerator": "so-dat", "denominator": "tong-so"}},
              {"id": "ab1", "title": "Thưởng 1", "max": 3, "role": "bonus"},
              {"id": "ab2", "title": "Thưởng 2", "max": 3, "role": "bonus"}
            ]},
            {"id": "b", "title": "Phần B", "maxDeduction": 20, "items": [
              {"id": "b1", "title": "Đóng góp", "max": 30,
               "graded": {"indicator": "ty-le", "steps": [{"from": 95, "points": 30}, {"from": 90, "points": 24}, {"from": 80, "points": 15}]}},
              {"id": "b2", "title": "Không vi phạm", "max": 5, "gate": {}},
              {"id": "bd1", "title": "Vụ việc phức tạp", "max": 25, "role": "deduction"}
            ]}
          ],
          "bands": [
            {"id": "xs", "title": "Xuất sắc", "from": 90, "gates": [
              {"text": "Không vi phạm", "item": "b2", "otherwise": "kha"},
              {"text": "Không có mục 0 điểm", "noZeroItem": true, "otherwise": "tot"}]},
            {"id": "tot", "title": "Tốt", "from": 80, "below": 90},
            {"id": "kha", "title": "Khá", "from": 50, "below": 80}
          ],
          "tieBreak": [{"by": "block", "block": "a"}, {"by": "fewer-deductions"}, {"by": "council-vote"}]
        }
        """

    static let indicators = """
        "indicators": [
          {"id": "ty-le", "title": "Tỷ lệ đóng góp", "measure": "percent", "scope": "collective"},
          {"id": "so-dat", "title": "Số hộ đạt", "measure": "count", "scope": "collective"},
          {"id": "tong-so", "title": "Tổng số hộ", "measure": "count", "scope": "collective"},
          {"id": "chi-so", "title": "Chỉ số của tổ", "measure": "percent", "scope": "collective", "source": {"scoring": "t"}}
        ],
        "criteria": [{"id": "tc-chi-so", "appliesTo": "collective", "text": "Chỉ số từ 80% trở lên.",
                      "rule": {"indicator": "chi-so", "op": ">=", "value": 80}}],
        """

    static let award = """
        "awards": [{"id": "gk", "title": "Giấy khen", "form": "giay-khen-chu-tich-xa", "grantor": "Chủ tịch UBND phường",
          "level": "local", "recurrence": "annual", "commendation": "thuong-xuyen", "recipients": ["collective"],
          "rating": {"table": "t", "bands": ["xs"]}, "quota": {"share": 30, "group": "to-dan-pho"}}],
        """

    static func text(table: String = table, indicators: String = indicators, award: String = award) -> String {
        header + indicators + award + "\"scoring\": [" + table + "]}"
    }

    static let roster = Roster(
        units: (1...6).map { Unit(id: "u\($0)", name: "Tổ dân phố \($0)", kind: .toDanPho) }, people: [])

    static func load(_ text: String) -> CampaignLoadResult {
        CampaignLoader(registry: CoreFixtures.registry).load(bytes: Array(text.utf8), file: "cham-diem.json", expectedID: nil)
    }

    let campaign: ResolvedCampaign
    var events: [JournalEvent] = []
    let period = EvaluationPeriod(year: 2026)

    init(_ text: String = ScoringScenario.text(), units: [String] = ["u1", "u2", "u3", "u4", "u5"]) throws {
        let result = Self.load(text)
        let plan = try #require(result.validPlan, "\(result.diagnostics.map(\.rendered))")
        campaign = ResolvedCampaign(plan: plan, type: CoreFixtures.type)
        add(.enrolment, .object([.init(key: "units", value: .array(units.map { .string($0) })), .init(key: "people", value: .array([]))]))
    }

    mutating func add<P: EventPayload>(_ payload: P) throws {
        add(P.kind, try payload.jsonValue())
    }

    mutating func add(_ kind: EventKind, _ payload: JSONValue) {
        events.append(
            JournalEvent(
                seq: events.count + 1, time: "", date: CivilDate(year: 2026, month: 11, day: 1)!, actor: "Cán bộ", kind: kind, payload: payload,
                prev: ""))
    }

    /// Self-scores: points by item; a Bool answers a yes/no item.
    mutating func selfScore(_ unit: String, _ values: [String: Any]) throws {
        var rows: [SubmissionRow] = []
        for (item, value) in values.sorted(by: { $0.key < $1.key }) {
            var row: [String: FieldValue] = ["don-vi": .unit(unit), "tieu-chi": .choice(item)]
            if let met = value as? Bool {
                row["dat"] = .yesNo(met)
            } else if let points = value as? Double {
                row["dat"] = .yesNo(true)
                row["diem"] = .number(points)
            }
            rows.append(SubmissionRow(line: rows.count + 2, values: row))
        }
        let encoded = try JSONValue.encode(rows)
        add(.submission, .object([.init(key: "form", value: .string(HostForms.collectiveSelfAssessment)), .init(key: "rows", value: encoded)]))
    }

    mutating func report(_ unit: String, _ values: [String: Double]) throws {
        let rows = values.sorted { $0.key < $1.key }.enumerated().map { i, pair in
            SubmissionRow(
                line: i + 2, values: ["don-vi": .unit(unit), "chi-tieu": .choice(pair.key), "gia-tri": .number(pair.value), "nam": .integer(2026)])
        }
        add(.submission, .object([.init(key: "form", value: .string(HostForms.indicatorResults)), .init(key: "rows", value: try JSONValue.encode(rows))]))
    }

    mutating func appraise(_ unit: String, _ item: String, points: Double? = nil, met: Bool? = nil, reason: String = "Theo hồ sơ") throws {
        let payload = try CampaignActions.appraise(
            facts: FactBase(campaign: campaign, state: state, roster: Self.roster), state: state, period: period,
            participant: .unit(unit), item: item, met: met, points: points, evidence: nil, reason: reason)
        try add(payload)
    }

    var state: CampaignState { CampaignState(events: events) }
    var evaluation: Evaluation { Evaluator(campaign: campaign, state: state, roster: Self.roster).evaluate(period) }

    func sheet(_ unit: String) throws -> ScoreSheet {
        let standing = try #require(evaluation.standings.first { $0.participant == .unit(unit) })
        return try #require(standing.scores.first)
    }

    /// A full sheet: a1 points, so-dat/tong-so, ty-le, b2 answer, and optional bonus and deduction.
    mutating func full(
        _ unit: String, a1: Double, ratio: (Double, Double) = (10, 10), share: Double = 95, b2: Bool = true, bonus: [String: Double] = [:]
    ) throws {
        var values: [String: Any] = ["a1": a1, "b2": b2]
        for (k, v) in bonus { values[k] = v }
        try selfScore(unit, values)
        try report(unit, ["so-dat": ratio.0, "tong-so": ratio.1, "ty-le": share])
    }
}
