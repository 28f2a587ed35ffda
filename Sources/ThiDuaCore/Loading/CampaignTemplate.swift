import ThiDuaBase

/// A new campaign file for a type (`thidua new`): every part a plan needs, filled with the
/// type's catalogue and the directives' floors, and with the text only the ward can write left
/// as marked blanks ("[CẦN ĐIỀN: …]") that `thidua check` lists until they are filled.
public struct CampaignTemplate: Sendable {
    /// What every blank begins with; `CampaignBlanks` finds them by it.
    public static let marker = "[CẦN ĐIỀN"

    /// A blank asking for `what`.
    public static func blank(_ what: String) -> String { "\(marker): \(what)]" }

    /// The issuer in running text: the ward must choose (UBND, Ủy ban MTTQ, Đảng ủy, Đoàn, Hội…).
    static let issuerBlank = blank("cơ quan ban hành, ví dụ Ủy ban nhân dân phường Minh Xuân hoặc Ủy ban MTTQ Việt Nam phường Minh Xuân")

    /// The standing office that follows the campaign.
    static let officeBlank = blank("cơ quan thường trực, ví dụ Văn phòng HĐND và UBND")

    public var type: CampaignTypeDefinition
    public var id: String
    public var year: Int
    /// The directive the plan implements and the ones above it, nearest first.
    public var directives: [Directive]
    /// The day the file is written: the campaign starts then when it falls in `year`.
    public var today: CivilDate
    /// The issuer kind chosen with `--issuer`: the file names it and leaves out what it supplies.
    public var issuerKind: IssuerKind?

    /// The issuer in running text: the kind's name with the locality left blank, or a blank.
    var issuerText: String {
        guard let kind = issuerKind else { return Self.issuerBlank }
        return kind.name.replacingOccurrences(of: "{địa bàn}", with: Self.localityBlank)
            .replacingOccurrences(of: "{cấp trên}", with: Self.upperBlank)
    }

    static let localityBlank = blank("xã hoặc phường và tên, ví dụ phường Minh Xuân")
    static let upperBlank = blank("tỉnh hoặc thành phố, ví dụ tỉnh Tuyên Quang")

    public init(type: CampaignTypeDefinition, id: String, year: Int, directives: [Directive] = [], today: CivilDate) {
        self.type = type
        self.id = id
        self.year = year
        self.directives = directives
        self.today = today
    }

    /// The award form a ward's chairman grants (Điều 74 Luật TĐKT 2022).
    static let wardCertificateForm = "giay-khen-chu-tich-xa"

    /// What the file will hold: indicators, criteria, and targets set by a directive's floor.
    public var summary: (indicators: Int, criteria: Int, targetsFromFloors: Int) {
        let indicators = planIndicators()
        return (indicators.count, planCriteria().count, indicators.filter { $0.floorFrom != nil }.count)
    }

    // MARK: - The file

    /// The campaign file's text: a header comment, then the JSON.
    public func text() -> String {
        var header = [
            "Kế hoạch \(type.title) năm \(year), tạo bằng `thidua new \(type.id) --id \(id)"
                + (directives.first.map { " --directive \($0.id)" } ?? "") + "`.",
            "Điền mọi chỗ đánh dấu \(Self.marker): …]; `thidua check \(id)` liệt kê những chỗ còn thiếu.",
            "Chỉ tiêu, tiêu chí lấy từ danh mục của loại phong trào «\(type.id)»",
        ]
        if directives.isEmpty {
            header[2] += "; sửa mục tiêu cho hợp với địa phương."
        } else {
            header[2] +=
                "; mục tiêu không thấp hơn mức tối thiểu của "
                + directives.map { "\($0.shortName) (\($0.issuer.name))" }.joined(separator: ", ") + "."
        }
        header.append("Cách viết từng phần: docs/campaign-file.md.")
        let comments: [String: [String]] = [
            "milestones": [
                "Hạn đề xuất theo lịch thường gặp" + (directives.isEmpty ? "" : " và không muộn hơn hạn của văn bản chỉ đạo") + "; sửa theo thực tế."
            ],
            "awards": ["Thêm «quota» (số lượng tối đa) cho từng hình thức khi đã có dự toán Quỹ thi đua, khen thưởng."],
        ]
        return header.map { "// " + $0 }.joined(separator: "\n") + "\n" + JSONPrettyWriter.write(json(), comments: comments)
    }

    /// The campaign as JSON, keys in the order of the bundled files.
    public func json() -> JSONValue {
        let indicators = planIndicators()
        let criteria = planCriteria()
        var members: [(String, JSONValue)] = [
            ("version", .number(Double(CampaignPlan.currentVersion))),
            ("type", .string(type.id)),
            ("id", .string(id)),
            ("name", .string("\(type.title) \(year) — \(Self.blank("tên xã, phường"))")),
            ("issuer", issuer()),
        ]
        if issuerKind == nil {
            members.append(
                ("number", templateObject([("symbol", .string("KH-\(Self.blank("ký hiệu cơ quan ban hành, ví dụ UBND hoặc MTTQ-BTT"))"))])))
        }
        members += [
            ("place", .string(Self.blank("địa danh, ví dụ Minh Xuân"))),
            ("date", templateObject([("year", .number(Double(year)))])),
            ("title", .string("Phát động phong trào thi đua “\(type.title)” năm \(year)")),
            ("basis", .array(basis())),
        ]
        if let nearest = directives.first { members.append(("implements", .array([.string(nearest.id)]))) }
        members += [
            (
                "preamble",
                templateStrings([
                    "\(issuerText) ban hành Kế hoạch phát động phong trào thi đua “\(type.title)” năm \(year), cụ thể như sau:"
                ])
            ),
            ("period", period()),
            ("purposes", templateStrings([Self.blank("mục đích của phong trào")])),
            ("requirements", templateStrings([Self.blank("yêu cầu của phong trào")])),
            ("participants", .array(participants())),
            ("content", .array(content(indicators))),
            ("indicators", .array(indicators.map(\.json))),
            ("criteria", .array(criteria.map(\.json))),
            ("awards", .array(awards(criteria))),
            ("dossier", .array(dossier())),
            ("funding", funding()),
            ("milestones", .array(milestones())),
            ("assignments", .array(assignments())),
            (
                "closing",
                templateStrings([
                    "Trên đây là Kế hoạch phát động phong trào thi đua “\(type.title)” năm \(year). Đề nghị các cơ quan, đơn vị triển khai thực hiện; trong quá trình thực hiện có khó khăn, vướng mắc, kịp thời báo cáo \(issuerText) để xem xét, giải quyết./."
                ])
            ),
            ("recipients", .array(recipients())),
            (
                "signer",
                issuerKind == nil
                    ? templateObject([
                        ("authority", .string(Self.blank("thẩm quyền ký, ví dụ TM. ỦY BAN NHÂN DÂN hoặc TM. BAN THƯỜNG TRỰC"))),
                        ("title", .string("CHỦ TỊCH")), ("name", .string(Self.blank("họ và tên người ký"))),
                    ])
                    // The kind gives the authority and title; only the name is the ward's.
                    : templateObject([("name", .string(Self.blank("họ và tên người ký")))])
            ),
        ]
        return templateObject(members)
    }

    // MARK: - Parts

    private func issuer() -> JSONValue {
        if let kind = issuerKind {
            var members: [(String, JSONValue)] = [("kind", .string(kind.id)), ("locality", .string(Self.localityBlank))]
            let upper = directives.first { $0.issuer.level == .tinh }?.issuer.name
                .replacingOccurrences(of: "Ủy ban nhân dân ", with: "")
            members.append(("upperLocality", .string(upper ?? Self.upperBlank)))
            return templateObject(members)
        }
        var members: [(String, JSONValue)] = [
            ("name", .string(Self.issuerBlank)),
            ("headerLines", templateStrings([Self.blank("TÊN CƠ QUAN BAN HÀNH, VÍ DỤ ỦY BAN NHÂN DÂN"), Self.blank("XÃ HOẶC PHƯỜNG VÀ TÊN, CHỮ IN HOA")])),
            ("level", .string(AuthorityLevel.xa.rawValue)),
        ]
        if let province = directives.first(where: { $0.issuer.level == .tinh }) {
            members.append(
                ("parent", templateObject([("name", .string(province.issuer.name)), ("level", .string(AuthorityLevel.tinh.rawValue))])))
        }
        return templateObject(members)
    }

    /// The directives as cited, nearest first (only the nearest names its file: the checker
    /// follows the chain), then the law.
    private func basis() -> [JSONValue] {
        var out: [JSONValue] = []
        for (i, directive) in directives.enumerated() {
            var members: [(String, JSONValue)] = [
                ("id", .string(directive.id)), ("kind", .string(directive.kind)), ("number", .string(directive.number)),
                ("date", .string(directive.date.vietnamese)), ("issuer", .string(directive.issuer.name)),
                ("title", .string(directive.title)), ("level", .string(directive.issuer.level.rawValue)),
            ]
            if i == 0 { members.append(("directive", .string(directive.id))) }
            out.append(templateObject(members))
        }
        out.append(
            templateObject([
                ("id", .string("luat-06-2022")), ("kind", .string("Luật")), ("number", .string("06/2022/QH15")),
                ("date", .string("15/06/2022")), ("issuer", .string("Quốc hội")), ("title", .string("Thi đua, khen thưởng")),
                ("level", .string(AuthorityLevel.trungUong.rawValue)),
            ]))
        return out
    }

    private var start: CivilDate {
        today.year == year ? today : CivilDate(year: year, month: 1, day: 1) ?? today
    }

    private func period() -> JSONValue {
        templateObject([
            ("start", .string(start.vietnamese)),
            ("end", .string("31/12/\(year)")),
            ("years", .array([.number(Double(year))])),
            (
                "text",
                templateStrings([
                    "Thời gian phát động thi đua: từ ngày ban hành Kế hoạch đến hết ngày 31/12/\(year); sơ kết 6 tháng trong tháng 6/\(year), tổng kết trong tháng 11/\(year)."
                ])
            ),
        ])
    }

    private func participants() -> [JSONValue] {
        [
            templateObject([
                ("id", .string("tap-the")), ("kind", .string(ParticipantKind.collective.rawValue)),
                ("text", .string(Self.blank("các cơ quan, đơn vị, thôn, tổ dân phố tham gia"))),
            ]),
            templateObject([
                ("id", .string("ca-nhan")), ("kind", .string(ParticipantKind.individual.rawValue)),
                ("text", .string(Self.blank("cán bộ, công chức, người lao động và các cá nhân tham gia"))),
            ]),
        ]
    }

    /// One content group per field of the type, each naming its indicators; indicators with no
    /// field go in a last group of their own.
    private func content(_ indicators: [PlanIndicator]) -> [JSONValue] {
        var groups: [JSONValue] = []
        var number = 0
        func group(id: String, heading: String, field: String?, indicatorIDs: [String]) {
            number += 1
            var item: [(String, JSONValue)] = [
                ("id", .string("\(id)-1")), ("text", .string(Self.blank("nội dung thi đua về \(heading.lowercasedFirst)"))),
            ]
            if !indicatorIDs.isEmpty { item.append(("indicators", .array(indicatorIDs.map { .string($0) }))) }
            var members: [(String, JSONValue)] = [("id", .string(id)), ("heading", .string("\(number). \(heading)"))]
            if let field { members.append(("field", .string(field))) }
            members.append(("items", .array([templateObject(item)])))
            groups.append(templateObject(members))
        }
        let fieldIDs = Set(type.fields.map(\.id))
        for field in type.fields {
            group(id: field.id, heading: field.title, field: field.id, indicatorIDs: indicators.filter { $0.field == field.id }.map(\.id))
        }
        let rest = indicators.filter { $0.field.map { !fieldIDs.contains($0) } ?? true }.map(\.id)
        if type.fields.isEmpty || !rest.isEmpty {
            group(id: "noi-dung-chung", heading: type.fields.isEmpty ? "Nội dung thi đua" : "Nội dung khác", field: nil, indicatorIDs: rest)
        }
        return groups
    }

    /// A ward certificate for collectives and one for individuals, each requiring every
    /// criterion of its kind; a directive that allows other forms only is followed.
    private func awards(_ criteria: [PlanCriterion]) -> [JSONValue] {
        let allowed = directives.first { !$0.allowedAwards.isEmpty }?.allowedAwards ?? []
        let form = allowed.isEmpty || allowed.contains(Self.wardCertificateForm) ? Self.wardCertificateForm : allowed[0]
        let grantor = form == Self.wardCertificateForm ? "Chủ tịch Ủy ban nhân dân \(Self.blank("xã hoặc phường"))" : Self.blank("người tặng")
        return [ParticipantKind.collective, .individual].map { kind in
            let own = criteria.filter { $0.appliesTo == kind }
            let who = kind == .collective ? "tập thể" : "cá nhân"
            var standard: [(String, JSONValue)] = [
                ("appliesTo", .string(kind.rawValue)),
                (
                    "text",
                    .string(
                        own.isEmpty
                            ? Self.blank("tiêu chuẩn khen thưởng \(who)")
                            : "\(who.capitalizedFirst) đạt đủ các tiêu chí thi đua đối với \(who) của Kế hoạch này.")
                ),
            ]
            if !own.isEmpty {
                standard.append(("rule", templateObject([("all", .array(own.map { templateObject([("criterion", .string($0.id))]) }))])))
            }
            return templateObject([
                ("id", .string(kind == .collective ? "giay-khen-tap-the" : "giay-khen-ca-nhan")),
                (
                    "title",
                    .string(
                        form == Self.wardCertificateForm
                            ? "Giấy khen của Chủ tịch Ủy ban nhân dân \(Self.blank("xã hoặc phường"))" : Self.blank("tên hình thức khen thưởng"))
                ),
                ("form", .string(form)),
                ("grantor", .string(grantor)),
                ("level", .string(AwardLevel.local.rawValue)),
                ("recurrence", .string(AwardRecurrence.annual.rawValue)),
                ("commendation", .string(CommendationKind.chuyenDe.rawValue)),
                ("recipients", .array([.string(kind.rawValue)])),
                ("text", templateStrings([Self.blank("số lượng và đối tượng khen thưởng \(who)")])),
                ("standards", .array([templateObject(standard)])),
            ])
        }
    }

    private func dossier() -> [JSONValue] {
        [
            ("to-trinh", "Tờ trình đề nghị khen thưởng kèm danh sách tập thể, cá nhân."),
            ("bien-ban", "Biên bản họp xét thi đua, khen thưởng."),
            ("bao-cao-thanh-tich", "Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng."),
        ].map { templateObject([("id", .string($0.0)), ("document", .string($0.0)), ("text", .string($0.1))]) }
    }

    private func funding() -> JSONValue {
        templateObject([
            ("source", .string("quy-thi-dua-khen-thuong")),
            ("decree", .string("152/2025/NĐ-CP")),
            (
                "text",
                templateStrings([
                    "Kinh phí khen thưởng trích từ Quỹ thi đua, khen thưởng của Ủy ban nhân dân \(Self.blank("xã hoặc phường")) theo quy định tại Nghị định số 152/2025/NĐ-CP của Chính phủ."
                ])
            ),
        ])
    }

    /// The usual calendar (registration in March, sơ kết in June, tổng kết and review in
    /// November), each no later than a directive requires; a required kind the calendar lacks
    /// is added at its latest day.
    private func milestones() -> [JSONValue] {
        func day(_ d: Int, _ m: Int) -> CivilDate { CivilDate(year: year, month: m, day: d) ?? start }
        var plan: [(id: String, kind: MilestoneKind, title: String, due: CivilDate, form: String?, from: ParticipantKind?)] = [
            ("dang-ky", .registration, "Đăng ký thi đua", max(day(31, 3), start), registrationForm, .collective),
            ("so-ket", .soKetReport, "Báo cáo sơ kết 6 tháng", day(15, 6), nil, .collective),
            ("tong-ket", .tongKetReport, "Báo cáo tổng kết năm", day(15, 11), nil, .collective),
            ("binh-xet", .review, "Hội đồng Thi đua - Khen thưởng bình xét", day(30, 11), nil, nil),
        ]
        for directive in directives {
            for required in directive.requiredMilestones {
                let latest = required.latest?.occurrence(in: year)
                if let i = plan.firstIndex(where: { $0.kind == required.kind }) {
                    if let latest, latest < plan[i].due { plan[i].due = latest }
                } else {
                    plan.append(
                        (required.kind.rawValue, required.kind, required.title ?? Self.blank("tên mốc thời gian"), latest ?? day(31, 12), nil, nil))
                }
            }
        }
        let receiver = Self.blank("nơi nhận, ví dụ Ủy ban nhân dân phường (qua Văn phòng HĐND và UBND)")
        return plan.map { m in
            var members: [(String, JSONValue)] = [
                ("id", .string(m.id)), ("kind", .string(m.kind.rawValue)), ("title", .string(m.title)),
                ("due", .string(m.due.vietnamese)),
            ]
            if let form = m.form { members.append(("form", .string(form))) }
            if let from = m.from {
                members += [("from", .string(from.rawValue)), ("submitTo", .string(receiver))]
            }
            return templateObject(members)
        }
    }

    /// The type's registration form, when it has one.
    private var registrationForm: String? {
        type.forms.first { $0.id.hasPrefix("dang-ky") }?.id
    }

    private func assignments() -> [JSONValue] {
        [
            templateObject([
                ("id", .string("van-phong")), ("assignee", .string(Self.officeBlank)),
                ("heading", .string("1. \(Self.officeBlank)")),
                (
                    "tasks",
                    templateStrings([
                        "Là cơ quan thường trực, theo dõi, đôn đốc, tổng hợp kết quả thực hiện phong trào; tham mưu sơ kết, tổng kết và đề xuất khen thưởng."
                    ])
                ),
            ]),
            templateObject([
                ("id", .string("cac-don-vi")), ("assignee", .string("Các cơ quan, đơn vị, thôn, tổ dân phố")),
                ("heading", .string("2. Các cơ quan, đơn vị, thôn, tổ dân phố")),
                ("tasks", templateStrings([Self.blank("nhiệm vụ của các cơ quan, đơn vị"), "Đăng ký thi đua và báo cáo kết quả đúng hạn."])),
            ]),
        ]
    }

    private func recipients() -> [JSONValue] {
        var out = directives.map { templateObject([("name", .string($0.issuer.name)), ("purpose", .string("b/c"))]) }
        out += [
            templateObject([("name", .string("Thường trực Đảng ủy")), ("purpose", .string("b/c"))]),
            templateObject([("name", .string("Thường trực HĐND")), ("purpose", .string("b/c"))]),
            templateObject([("name", .string(Self.blank("lãnh đạo cơ quan ban hành, ví dụ Chủ tịch, các PCT UBND")))]),
            templateObject([("name", .string("Các cơ quan, đơn vị, thôn, tổ dân phố")), ("purpose", .string("thực hiện"))]),
            templateObject([("name", .string("Lưu: VT, VP"))]),
        ]
        return out
    }
}

// MARK: - Helpers

/// A JSON object with its keys in the order given.
func templateObject(_ members: [(String, JSONValue)]) -> JSONValue {
    .object(members.map { JSONValue.Member(key: $0.0, value: $0.1) })
}

/// A JSON array of strings.
func templateStrings(_ items: [String]) -> JSONValue {
    .array(items.map { .string($0) })
}
