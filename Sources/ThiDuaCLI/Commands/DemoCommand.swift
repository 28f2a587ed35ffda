import Foundation
import ThiDuaCore

/// `thidua demo`: the whole cycle on the workspace's campaigns, side by side, in a fresh
/// temporary workspace with a sample ward — enrol, register, submit two periods, self-assess
/// and appraise, evaluate, review, decide, issue every document. The workspace it reads from
/// is never written to.
enum DemoCommand: Command {
    static let name = "demo"
    static let examples = ["thidua demo", "thidua demo --out thu-nghiem --quiet"]
    static let abstract = "Chạy thử trọn chu trình trên các kế hoạch mẫu với một phường mẫu, trong thư mục tạm; không sửa tệp nào của bạn."
    static let options = [
        OptionSpec("--out", value: "dir", help: "Thư mục làm việc của bản chạy thử (mặc định: một thư mục tạm mới)."),
        OptionSpec("--quiet", help: "Chỉ in bản tóm tắt."),
    ]

    struct Step {
        var campaign: String
        var text: String
        var ok: Bool
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        let fm = FileManager.default
        let root: URL
        if let out = arguments.values["--out"] {
            root = context.userURL(out)
            if let existing = try? fm.contentsOfDirectory(atPath: root.path), !existing.isEmpty {
                throw .failure("Thư mục «\(out)» đã có tệp; chọn một thư mục trống hoặc chưa có để chạy thử.")
            }
        } else {
            root = fm.temporaryDirectory.appendingPathComponent("thidua-demo-\(UUID().uuidString.prefix(8))")
        }
        // Outside the source folder, the plans shipped with the program (see SamplePlans).
        guard let sourceRoot = SamplePlans.folder(workspace: context.workspace.root, executable: Bundle.main.executableURL) else {
            throw .failure(
                "Không có kế hoạch nào để chạy thử: thư mục \(context.workspace.display(context.workspace.campaignsFolder))/ không có tệp kế hoạch, và không tìm thấy các kế hoạch mẫu đi kèm chương trình. Hãy chạy `thidua demo` trong thư mục mã nguồn ThiDua, hoặc ghi `--workspace <thư mục mã nguồn>`."
            )
        }
        let source = sourceRoot == context.workspace.root ? context.workspace : Workspace(root: sourceRoot)
        let quiet = arguments.flags.contains("--quiet")
        var steps: [Step] = []
        func say(_ text: String) { if !quiet { context.console.print(text) } }
        if source.root != context.workspace.root {
            context.console.print("Thư mục hiện tại không có kế hoạch; chạy thử với các kế hoạch mẫu trong \(source.root.path).")
        }

        @discardableResult
        func thidua(_ args: [String], today: CivilDate, campaign: String = "", what: String) -> (Bool, String) {
            let capture = CapturingConsole()
            // Files are named relative to the demo workspace, which is the folder the commands run from.
            let code = CLI.run(
                ["--workspace", root.path, "--today", today.iso, "--actor", "Lê Thị Ngọc Ánh"] + args, console: capture.console,
                currentDirectory: root.path)
            let ok = code == 0
            steps.append(Step(campaign: campaign, text: what, ok: ok))
            say((ok ? "  ✓ " : "  ✗ ") + what + (ok ? "" : "\n    " + capture.errors.replacingOccurrences(of: "\n", with: "\n    ")))
            return (ok, capture.output)
        }

        // A fresh workspace: the campaigns, directives and types of the current one, the sample ward.
        let today = context.today
        try? fm.createDirectory(at: root, withIntermediateDirectories: true)
        guard thidua(["init", root.path], today: today, what: "Tạo thư mục làm việc \(root.path)").0 else {
            throw .failure("Không tạo được thư mục chạy thử \(root.path).")
        }
        for folder in ["campaigns", "directives", "types"] {
            let from = source.root.appendingPathComponent(folder)
            for name in (try? fm.contentsOfDirectory(atPath: from.path)) ?? [] where name.hasSuffix(".json") {
                try? fm.copyItem(at: from.appendingPathComponent(name), to: root.appendingPathComponent("\(folder)/\(name)"))
            }
        }
        write(root, "mau/don-vi.csv", SampleWard.units)
        write(root, "mau/ca-nhan.csv", SampleWard.people)
        write(root, "mau/hoi-dong.csv", SampleWard.council)
        thidua(["roster", "import", "mau/don-vi.csv", "mau/ca-nhan.csv"], today: today, what: "Nhập danh sách phường mẫu: 13 đơn vị, 40 cá nhân")

        let office = BackOffice(workspace: Workspace(root: root), registry: context.registry)
        let roster = (try? office.roster()) ?? .empty
        let ids = office.campaignIDs()
        guard !ids.isEmpty else { throw .failure("Thư mục \(source.display(source.campaignsFolder))/ không có kế hoạch nào để chạy thử.") }
        var produced: [String: Int] = [:]
        for id in ids {
            guard let loaded = try? office.open(id) else {
                say("\n\(id): tệp kế hoạch có lỗi, bỏ qua (xem `thidua check`).")
                continue
            }
            let plan = loaded.plan
            let year = min(plan.period.end.year, max(plan.period.start?.year ?? plan.period.end.year, today.year))
            say("\n\(plan.name) (\(plan.type), năm \(year))")
            func on(_ day: Int, _ month: Int, _ y: Int = year) -> CivilDate { CivilDate(year: y, month: month, day: day) ?? today }
            thidua(["enroll", id, "--people-of-units"], today: on(5, 1), campaign: id, what: "Ghi danh theo đối tượng của kế hoạch")
            thidua(["launch", id], today: on(6, 1), campaign: id, what: "Phát động")
            guard let state = try? office.open(id).state else { continue }
            let units = state.units.compactMap { u in roster.units.first { $0.id == u } }
            let people = state.people.compactMap { p in roster.people.first { $0.id == p } }.prefix(12)

            // The type's own forms, one row per enrolled unit or person.
            for form in loaded.resolved.type.definition(for: loaded.resolved.plan).forms {
                let rows = DemoRows.rows(form, roster: roster, units: Array(units), people: Array(people), year: year)
                guard !rows.isEmpty else { continue }
                // A one-row form is one copy per unit or person; a repeated form takes every row at once.
                let batches = form.repeated ? [rows] : rows.prefix(8).map { [$0] }
                for (index, batch) in batches.enumerated() {
                    let file = "mau/\(id)-\(form.id)-\(index + 1).csv"
                    write(root, file, CSVWriter.write(header: form.fields.map(\.label), rows: batch))
                    thidua(["submit", id, form.id, file], today: on(10, 2), campaign: id, what: "Nộp «\(form.title)» (\(batch.first?.first ?? ""))")
                }
            }
            // Indicator results for two periods: the year before and the year.
            if loaded.resolved.form(HostForms.indicatorResults) != nil {
                for (y, shift) in [(year - 1, -1.5), (year, 0.0)] {
                    let rows = DemoRows.indicatorRows(plan, units: Array(units), year: y, shift: shift)
                    guard !rows.isEmpty else { continue }
                    let file = "mau/\(id)-chi-tieu-\(y).csv"
                    write(
                        root, file,
                        CSVWriter.write(
                            header: ["Cơ quan, đơn vị (để trống nếu là số liệu chung)", "Chỉ tiêu", "Kết quả", "Năm", "Tài liệu, minh chứng"], rows: rows))
                    thidua(["submit", id, HostForms.indicatorResults, file], today: on(1, 11), campaign: id, what: "Nộp kết quả chỉ tiêu năm \(y)")
                }
            }
            // Self-assessment of every unit and a few people.
            for kind in ParticipantKind.allCases {
                let form = kind == .collective ? HostForms.collectiveSelfAssessment : HostForms.individualSelfAssessment
                // Only what the campaign's self-assessment form offers (a check a unit attests is not).
                let offered = loaded.resolved.form(form)?.fields.first { $0.role == .item }?.choices ?? []
                let items = HostForms.assessable(plan, kind: kind).filter(offered.contains)
                guard !items.isEmpty else { continue }
                let subjects = kind == .collective ? units.map(\.name) : people.prefix(6).map(\.name)
                guard !subjects.isEmpty else { continue }
                let rows = subjects.enumerated().flatMap { index, subject in
                    items.map { item in [subject, item, index % 4 == 3 ? "không" : "có", "", "Báo cáo kết quả năm \(year), kèm minh chứng số \(index + 1)"] }
                }
                let file = "mau/\(id)-\(form).csv"
                write(
                    root, file,
                    CSVWriter.write(
                        header: [kind == .collective ? "Cơ quan, đơn vị" : "Họ và tên", "Tiêu chí", "Tự đánh giá đạt", "Điểm tự chấm", "Tài liệu, minh chứng"],
                        rows: rows))
                thidua(["submit", id, form, file], today: on(5, 11), campaign: id, what: "Tự đánh giá của \(subjects.count) \(kind.vietnamese)")
                if let first = subjects.first, let item = items.first {
                    thidua(
                        [
                            "appraise", id, "--participant", first, "--item", item, "--met", "yes", "--period", "\(year)", "--reason",
                            "Đoàn thẩm định đối chiếu minh chứng, xác nhận đạt",
                        ],
                        today: on(10, 11), campaign: id, what: "Thẩm định một nội dung của \(first), có lý do")
                }
            }
            thidua(["evaluate", id, "--period", "\(year)", "--format", "json"], today: on(12, 11), campaign: id, what: "Đánh giá, xếp hạng năm \(year)")
            if !plan.awards.isEmpty {
                let (opened, _) = thidua(
                    ["review", "open", id, "--period", "\(year)", "--members", "mau/hoi-dong.csv", "--place", "Hội trường UBND"], today: on(20, 11),
                    campaign: id,
                    what: "Mở phiên bình xét (7 thành viên)")
                if opened, let review = (try? office.open(id))?.state.openReview {
                    let members = ["Phan Văn Quốc", "Nguyễn Thị Thu Hà", "Ngô Thanh Bình", "Đỗ Quang Huy", "Tô Thị Bích", "Tạ Minh Khôi"]
                    var ballot: [[String]] = []
                    for nominee in review.nominees {
                        for (index, member) in members.enumerated() {
                            let vote = index == 5 && nominee.id == "1" ? "xung đột lợi ích" : index == 4 && nominee.id == "2" ? "không đồng ý" : "đồng ý"
                            ballot.append([member, nominee.id, vote])
                        }
                    }
                    write(root, "mau/\(id)-phieu.csv", CSVWriter.write(header: ["Thành viên", "Mã đề cử", "Biểu quyết"], rows: ballot))
                    thidua(
                        ["review", "vote", id, "--file", "mau/\(id)-phieu.csv"], today: on(20, 11), campaign: id,
                        what: "Ghi \(ballot.count) phiếu biểu quyết công khai")
                    thidua(["review", "close", id, "--absent", "Lý Quốc Bảo"], today: on(20, 11), campaign: id, what: "Đóng phiên: 6/7 có mặt")
                    thidua(
                        ["decide", id, "--date", on(15, 12).vietnamese], today: on(15, 12), campaign: id,
                        what: "Quyết định khen thưởng ngày \(on(15, 12).vietnamese)")
                }
            } else {
                say("  · Kế hoạch không quy định hình thức khen thưởng: không bình xét.")
            }
            for format in ["docx", "html"] {
                let (ok, output) = thidua(
                    ["doc", id, "--all", "--format", format, "--out", "out/\(id)"], today: on(16, 12), campaign: id, what: "Xuất mọi văn bản (\(format))")
                if ok, let count = output.split(separator: " ").dropFirst(2).first.flatMap({ Int($0) }) { produced[id, default: 0] += count }
            }
        }
        thidua(["verify"], today: today, what: "Kiểm tra chuỗi nhật ký của mọi phong trào")
        let failed = steps.filter { !$0.ok }
        var summary = "\nTóm tắt chạy thử: \(ids.count) phong trào song song, \(steps.count) bước, \(failed.count) bước lỗi.\n"
        for id in ids { summary += "  - \(id): \(produced[id] ?? 0) tệp văn bản trong \(root.appendingPathComponent("out/\(id)").path)\n" }
        summary += "Thư mục làm việc: \(root.path)\n"
        summary += "Xem tiếp: thidua --workspace \(root.path) status | awards --year <năm> | evaluate <mã>\n"
        context.console.print(summary)
        return failed.isEmpty ? .success : .failure
    }

    static func write(_ root: URL, _ relative: String, _ text: String) {
        let url = root.appendingPathComponent(relative)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: url, options: .atomic)
    }
}

/// Plausible values for the sample ward's forms.
enum DemoRows {
    static func rows(_ form: FormSpec, roster: Roster, units: [ThiDuaCore.Unit], people: [Person], year: Int) -> [[String]] {
        // A form a unit sends about its people (a proposal) has a row per person, with their unit.
        let perPerson = form.filledBy == .individual || (form.attests != nil && form.fields.contains { $0.kind == .person })
        let subjects: [(ThiDuaCore.Unit?, Person?)] =
            perPerson ? people.map { p in (roster.units.first { $0.id == p.unit }, p) } : units.map { ($0, nil) }
        return subjects.enumerated().map { index, subject in
            form.fields.map { field in value(field, unit: subject.0, person: subject.1, index: index, year: year) }
        }
    }

    static func value(_ field: FieldSpec, unit: ThiDuaCore.Unit?, person: Person?, index: Int, year: Int) -> String {
        if field.role == .year { return "\(year)" }
        switch field.kind {
        case .unit: return unit?.name ?? ""
        case .person: return person?.name ?? ""
        case .date: return "\(10 + index % 15)/02/\(year)"
        case .yesNo: return "có"
        case .choice: return field.choices?.first ?? ""
        case .percent: return String(format: "%.1f", 96 + Double(index % 5) * 0.8).replacingOccurrences(of: ".", with: ",")
        case .integer: return field.reports != nil ? "\(index + 1)" : "\(2 + index % 4)"
        case .number: return String(format: "%.1f", 80 + Double((index * 7) % 19)).replacingOccurrences(of: ".", with: ",")
        case .text: return field.required ? "\(field.label) — \(unit?.name ?? person?.name ?? "phường")" : ""
        case .longText: return field.required ? "Triển khai đúng kế hoạch, có kết quả cụ thể, được nhân dân đồng tình." : ""
        }
    }

    /// One row per indicator: the ward's value, or each unit's for collective indicators.
    static func indicatorRows(_ plan: CampaignPlan, units: [ThiDuaCore.Unit], year: Int, shift: Double) -> [[String]] {
        var rows: [[String]] = []
        for (i, indicator) in plan.indicators.enumerated() {
            let base: Double
            switch indicator.measure {
            case .yesNo: base = 1
            case .rank: base = 3
            case .count: base = max(1, indicator.target?.value ?? 2)
            case .percent, .score:
                let target = indicator.target?.value ?? 90
                base = min(100, target + (target >= 100 ? 0 : 0.8))
            }
            let value = indicator.measure == .percent || indicator.measure == .score ? max(0, base + shift) : base
            let text = Numbers.vietnamese(value)
            if indicator.scope == .collective || indicator.scope == .individual {
                for (j, unit) in units.enumerated() {
                    let v = indicator.measure == .rank ? Double(j + 1) : indicator.measure == .percent ? min(100, 78 + Double((i + j * 3) % 9) + shift) : value
                    rows.append([unit.name, indicator.id, Numbers.vietnamese(v), "\(year)", "Số liệu phần mềm một cửa"])
                }
            } else {
                rows.append(["", indicator.id, text, "\(year)", "Báo cáo của Trung tâm Phục vụ hành chính công"])
            }
        }
        return rows
    }
}
