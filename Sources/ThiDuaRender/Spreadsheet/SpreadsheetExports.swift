import ThiDuaCore

/// The lists of the command line (`--format xlsx`) and of the web application's downloads as
/// workbooks: named sheets, numbers and dates as real cells. Column names of the roster match
/// the import, so an exported roster imports again.
public enum SpreadsheetExports {
    /// "Đơn vị" and "Cá nhân", with the columns `roster import` reads; each figure the workspace
    /// declares (`unitFigures`: số hộ, dân số) is a column of the units under its label.
    public static func roster(_ roster: Roster, figures: [UnitFigure] = []) -> Workbook {
        let units = roster.units.map { unit -> [WorkbookCell] in
            [.text(unit.id), .text(unit.name), .text(unit.kind.vietnamese), .optional(unit.parent)]
                + figures.map { figure in unit.figures?[figure.id].map(WorkbookCell.number) ?? .empty }
        }
        let people = roster.people.map { person -> [WorkbookCell] in
            [
                .text(person.id), .text(person.name), .text(person.position), .text(person.unit),
                person.birthDate.map(WorkbookCell.date) ?? .empty,
            ]
        }
        return Workbook(sheets: [
            Worksheet(name: "Đơn vị", header: ["Mã", "Tên đơn vị", "Loại", "Trực thuộc"] + figures.map(\.label), rows: units),
            Worksheet(name: "Cá nhân", header: ["Mã", "Họ và tên", "Chức vụ", "Đơn vị", "Ngày sinh"], rows: people),
        ])
    }

    /// One campaign with its state, as `status` loads them.
    public struct CampaignEntry: Sendable {
        public var plan: CampaignPlan
        public var state: CampaignState
        public init(plan: CampaignPlan, state: CampaignState) {
            self.plan = plan
            self.state = state
        }
    }

    /// "Phong trào" (one row a campaign), "Theo mốc" (each due day with what arrived) and
    /// "Chưa nộp" (each unit or person still missing for a due day not met).
    public static func status(_ entries: [CampaignEntry], roster: Roster, today: CivilDate, typeTitle: (String) -> String) -> Workbook {
        var campaigns: [[WorkbookCell]] = []
        var milestones: [[WorkbookCell]] = []
        var missing: [[WorkbookCell]] = []
        for entry in entries {
            let status = CampaignStatus(plan: entry.plan, state: entry.state, today: today)
            campaigns.append([
                .text(status.campaign), .text(status.name), .text(typeTitle(status.type)), .text(status.phase.vietnamese),
                .integer(status.units), .integer(status.people), .integer(status.submissions),
            ])
            for item in status.milestones where item.state != .marker {
                milestones.append([
                    .text(status.campaign), .text(item.title), .date(item.due), .optional(item.form), .integer(item.received),
                    item.expected.map(WorkbookCell.integer) ?? .empty, .integer(item.late), .text(stateText(item.state)),
                ])
                // Who is missing for what is late, or due this year; later years would only repeat everyone.
                guard item.state == .overdue || (item.state == .upcoming && item.due.year == today.year) else { continue }
                for who in absent(item, entry) {
                    let name = roster.unit(who)?.name ?? roster.person(who)?.name ?? who
                    missing.append([
                        .text(status.campaign), .text(item.title), .date(item.due), .text(who), .text(name), .text(stateText(item.state)),
                    ])
                }
            }
        }
        return Workbook(sheets: [
            Worksheet(
                name: "Phong trào",
                header: ["Mã phong trào", "Tên phong trào", "Loại", "Giai đoạn", "Đơn vị ghi danh", "Cá nhân ghi danh", "Biểu mẫu đã nhận"],
                rows: campaigns),
            Worksheet(
                name: "Theo mốc", header: ["Mã phong trào", "Mốc", "Hạn", "Biểu mẫu", "Đã nhận", "Cần nhận", "Nộp muộn", "Tình trạng"],
                rows: milestones),
            Worksheet(name: "Chưa nộp", header: ["Mã phong trào", "Mốc", "Hạn", "Mã", "Đơn vị, cá nhân", "Tình trạng"], rows: missing),
        ])
    }

    /// The enrolled units or people with nothing received for the milestone, counted as
    /// `CampaignStatus` counts them (a yearly milestone takes only its own year's forms).
    static func absent(_ item: MilestoneProgress, _ entry: CampaignEntry) -> [String] {
        guard let form = item.form, let milestone = entry.plan.milestones.first(where: { $0.id == item.milestone }) else { return [] }
        var yearly = false
        if case .yearly? = milestone.due { yearly = true }
        let senders = Set(entry.state.submissions(of: form).filter { !yearly || $0.date.year == item.due.year }.flatMap(\.from))
        switch milestone.from {
        case .collective?: return entry.state.units.filter { !senders.contains($0) }
        case .individual?: return entry.state.people.filter { !senders.contains($0) }
        case nil: return []
        }
    }

    static func stateText(_ state: MilestoneProgress.State) -> String {
        switch state {
        case .done: "đã đủ"
        case .overdue: "quá hạn"
        case .upcoming: "chưa đến hạn"
        case .marker: "mốc"
        }
    }

    /// "Tập thể" and "Cá nhân" (rank, totals, awards), "Tiêu chí" (one row per participant and
    /// criterion), "Chỉ tiêu chung" and "Đăng ký".
    public static func evaluation(_ evaluation: Evaluation, plan: CampaignPlan) -> Workbook {
        var sheets: [Worksheet] = []
        for kind in ParticipantKind.allCases {
            let group = evaluation.standings.filter { $0.participant.kind == kind }
            guard !group.isEmpty else { continue }
            let rows = group.map { standing -> [WorkbookCell] in
                [
                    standing.rank.map(WorkbookCell.integer) ?? .empty, .text(standing.participant.id), .text(standing.name),
                    .integer(standing.met), .integer(standing.criteria.count), standing.total.map(WorkbookCell.number) ?? .empty,
                    standing.maxTotal.map(WorkbookCell.number) ?? .empty,
                    .text(standing.awards.filter { $0.truth == .met }.map(\.title).joined(separator: "; ")),
                ]
            }
            sheets.append(
                Worksheet(
                    name: kind == .collective ? "Tập thể" : "Cá nhân",
                    header: [
                        "Hạng", "Mã", kind == .collective ? "Đơn vị" : "Họ và tên", "Tiêu chí đạt", "Số tiêu chí", "Tổng điểm", "Điểm tối đa",
                        "Đủ điều kiện khen thưởng",
                    ], rows: rows))
        }
        var criteria: [[WorkbookCell]] = []
        for standing in evaluation.standings {
            for criterion in standing.criteria {
                criteria.append([
                    .text(standing.name), .text(criterion.text), .text(criterion.truth.vietnamese),
                    criterion.points.map(WorkbookCell.number) ?? .empty, .text(criterion.explanation),
                ])
            }
            for award in standing.awards {
                criteria.append([.text(standing.name), .text(award.title), .text(award.truth.vietnamese), .empty, .text(award.explanation)])
            }
        }
        sheets.append(Worksheet(name: "Tiêu chí", header: ["Đơn vị, cá nhân", "Tiêu chí, khen thưởng", "Kết quả", "Điểm", "Giải thích"], rows: criteria))
        if !evaluation.indicators.isEmpty {
            sheets.append(
                Worksheet(
                    name: "Chỉ tiêu chung", header: ["Chỉ tiêu", "Giá trị", "Kết quả", "Giải thích"],
                    rows: evaluation.indicators.map { result in
                        let percent = plan.indicators.first { $0.id == result.indicator }?.measure == .percent
                        let value = result.value.map { percent ? WorkbookCell.percent($0) : .number($0) } ?? .empty
                        return [.text(result.title), value, .text(result.truth.vietnamese), .text(result.explanation)]
                    }))
        }
        if !evaluation.registrations.isEmpty {
            sheets.append(
                Worksheet(
                    name: "Đăng ký", header: ["Biểu mẫu", "Cần nhận", "Đã nhận", "Kết quả", "Giải thích"],
                    rows: evaluation.registrations.map {
                        [.text($0.title), .integer($0.expected), .integer($0.received.count), .text($0.truth.vietnamese), .text($0.explanation)]
                    }))
        }
        return Workbook(sheets: sheets)
    }

    /// One award of the ledger, as `awards` and `record` list them.
    public struct AwardRow: Sendable {
        public var year: Int
        public var campaignName: String
        public var participant: String
        public var name: String
        public var awardTitle: String
        public var status: String
        public var number: String?
        public var date: CivilDate?
        public var amount: Int?

        /// The row of one award of the ledger.
        public init(_ award: YearAward) {
            year = award.year
            campaignName = award.campaignName
            participant = award.participant.description
            name = award.name
            awardTitle = award.awardTitle
            status = award.status.vietnamese
            number = award.number
            date = award.date
            amount = award.amount
        }
    }

    /// "Khen thưởng <year>" (every award proposed or decided) and, when there are any,
    /// "Đề nghị nhiều lần" (the repeat warnings).
    public static func awards(year: Int, _ rows: [AwardRow], repeats: [String]) -> Workbook {
        var sheets = [Worksheet(name: "Khen thưởng \(year)", header: awardHeader, rows: rows.map(awardCells))]
        if !repeats.isEmpty {
            sheets.append(Worksheet(name: "Đề nghị nhiều lần", header: ["Cảnh báo"], rows: repeats.map { [.text($0)] }))
        }
        return Workbook(sheets: sheets)
    }

    /// "Quá trình khen thưởng": the decided awards of one participant, year by year.
    public static func record(_ rows: [AwardRow]) -> Workbook {
        Workbook(sheets: [Worksheet(name: "Quá trình khen thưởng", header: awardHeader, rows: rows.map(awardCells))])
    }

    static let awardHeader = [
        "Năm", "Phong trào", "Mã", "Đơn vị, cá nhân", "Hình thức khen thưởng", "Tình trạng", "Số quyết định", "Ngày", "Tiền thưởng (đồng)",
    ]

    static func awardCells(_ row: AwardRow) -> [WorkbookCell] {
        [
            .whole(row.year), .text(row.campaignName), .text(row.participant), .text(row.name), .text(row.awardTitle), .text(row.status),
            .optional(row.number), row.date.map(WorkbookCell.date) ?? .empty, row.amount.map(WorkbookCell.integer) ?? .empty,
        ]
    }
}
