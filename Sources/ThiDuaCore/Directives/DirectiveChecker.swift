import ThiDuaBase

/// Holds a plan to the directives it cites (`basis[].directive`) and to every directive above
/// them: floors, required criteria, required milestones, allowed award forms. Every finding has
/// a path in the plan and names the place in the directive file it comes from.
public struct DirectiveChecker {
    public let plan: CampaignPlan
    /// The workspace's directives; nil when the plan's file is not in a workspace.
    public let library: DirectiveLibrary?

    public init(plan: CampaignPlan, library: DirectiveLibrary?) {
        self.plan = plan
        self.library = library
    }

    /// The findings, and the plan with each citing basis entry's `parentChain` filled.
    public func check() -> (plan: CampaignPlan, findings: [Diagnostic]) {
        var resolved = plan
        var findings: [Diagnostic] = []
        var held: [DirectiveFile] = []
        for (i, basis) in plan.basis.enumerated() {
            guard let id = basis.directive else { continue }
            let path = "basis[\(i)].directive"
            if let problem = Identifier.problem(id) {
                findings.append(Diagnostic(.error, path: path, message: problem))
                continue
            }
            guard let library else {
                findings.append(
                    Diagnostic(
                        .error, path: path,
                        message:
                            "không tìm được văn bản chỉ đạo «\(id)»: tệp kế hoạch không nằm trong thư mục campaigns/ của một thư mục làm việc",
                        hint: "đặt kế hoạch vào <thư mục làm việc>/campaigns/ và văn bản vào <thư mục làm việc>/directives/\(id).json"))
                continue
            }
            guard let file = library.file(id) else {
                let known = library.ids
                findings.append(
                    Diagnostic(
                        .error, path: path,
                        message: "văn bản chỉ đạo «\(id)» không có trong \(library.folderName)/; "
                            + (known.isEmpty ? "thư mục chưa có văn bản nào" : "có: \(known.joined(separator: ", "))"),
                        hint: DidYouMean.suggestion(for: id, among: known).map { "có phải ý bạn là «\($0)»?" }
                            ?? "thêm tệp \(library.folderName)/\(id).json"))
                continue
            }
            let chain = library.chain(from: id)
            if let broken = chain.first(where: \.isBroken) ?? (file.isBroken ? file : nil) {
                let whose = broken.file == file.file ? "" : " (cấp trên của «\(id)»)"
                findings.append(
                    Diagnostic(
                        .error, path: path,
                        message: "văn bản chỉ đạo \(broken.file)\(whose) có lỗi nên chưa kiểm tra được kế hoạch theo văn bản này",
                        hint: "sửa tệp đó rồi chạy `thidua check \(broken.file)`"))
                continue
            }
            guard let directive = file.directive else { continue }
            if basis.number.trimmingCharacters(in: .whitespaces) != directive.number {
                findings.append(
                    Diagnostic(
                        .warning, path: "basis[\(i)].number",
                        message: "số văn bản «\(basis.number)» khác số trong \(file.place("number")): «\(directive.number)»"))
            }
            if basis.date != directive.date {
                findings.append(
                    Diagnostic(
                        .warning, path: "basis[\(i)].date",
                        message: "ngày «\(basis.date.vietnamese)» khác ngày trong \(file.place("date")): «\(directive.date.vietnamese)»"))
            }
            resolved.basis[i].parentChain = chain.dropFirst().compactMap { $0.directive?.citation }
            for entry in chain where !held.contains(where: { $0.file == entry.file }) { held.append(entry) }
        }
        for file in held {
            guard let directive = file.directive else { continue }
            findings += floors(directive, file) + criteria(directive, file) + milestones(directive, file) + awards(directive, file)
        }
        return (resolved, findings)
    }

    private func floors(_ directive: Directive, _ file: DirectiveFile) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (k, floor) in directive.floors.enumerated() {
            let source =
                "\(directive.shortName) yêu cầu «\(floor.target.vietnamese(measure: floor.measure))» (\(file.place("floors[\(k)]")))"
            let matches = plan.indicators.enumerated().filter {
                $0.element.id == floor.indicator || $0.element.catalogue == floor.indicator
            }
            if matches.isEmpty {
                let name = floor.title.map { "«\($0)» (\(floor.indicator))" } ?? "«\(floor.indicator)»"
                findings.append(
                    Diagnostic(
                        .error, path: "indicators", message: "kế hoạch thiếu chỉ tiêu \(name); \(source)",
                        hint:
                            "thêm vào «indicators» một chỉ tiêu có \"catalogue\": \"\(floor.indicator)\" (hoặc \"id\": \"\(floor.indicator)\") và \"target\": {\"op\": \"\(floor.target.comparison.rawValue)\", \"value\": \(Self.jsonNumber(floor.target.value))}"
                    ))
                continue
            }
            findings += ruleFloors(floor, k, ids: Set(matches.map(\.element.id)), directive, file)
            for (j, indicator) in matches {
                if let measure = floor.measure, measure != indicator.measure {
                    findings.append(
                        Diagnostic(
                            .error, path: "indicators[\(j)].measure",
                            message:
                                "chỉ tiêu «\(indicator.id)» đo bằng «\(indicator.measure.rawValue)» nhưng \(directive.shortName) đo bằng «\(measure.rawValue)» (\(file.place("floors[\(k)].measure")))"
                        ))
                    continue
                }
                guard let target = indicator.target else {
                    findings.append(
                        Diagnostic(
                            .error, path: "indicators[\(j)]", message: "chỉ tiêu «\(indicator.id)» chưa có «target»; \(source)",
                            hint: "thêm \"target\" bằng hoặc cao hơn mức văn bản yêu cầu"))
                    continue
                }
                if !target.meets(floor.target, measure: indicator.measure) {
                    let word =
                        switch floor.target.comparison {
                        case .atLeast, .greaterThan: "thấp hơn"
                        case .atMost, .lessThan: "lỏng hơn"
                        case .equal: "không bảo đảm"
                        }
                    findings.append(
                        Diagnostic(
                            .error, path: "indicators[\(j)].target",
                            message:
                                "chỉ tiêu «\(indicator.id)» đặt mục tiêu «\(target.vietnamese(measure: indicator.measure))», \(word) mức \(source)",
                            hint: "đặt mục tiêu «\(floor.target.vietnamese(measure: indicator.measure))» hoặc cao hơn"))
                }
            }
        }
        return findings
    }

    private func criteria(_ directive: Directive, _ file: DirectiveFile) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (k, required) in directive.requiredCriteria.enumerated() {
            let key = required.key
            let place = file.place("requiredCriteria[\(k)]")
            let matches = plan.criteria.enumerated().filter { $0.element.catalogue == key || $0.element.id == key }
            if matches.isEmpty {
                let words = required.text.map { ": «\($0)»" } ?? ""
                findings.append(
                    Diagnostic(
                        .error, path: "criteria",
                        message: "kế hoạch thiếu tiêu chí «\(key)»\(words), là tiêu chí \(directive.shortName) bắt buộc (\(place))",
                        hint: required.catalogue != nil
                            ? "thêm vào «criteria» một tiêu chí có \"catalogue\": \"\(key)\""
                            : "thêm vào «criteria» một tiêu chí có \"id\": \"\(key)\" với nội dung của văn bản"))
                continue
            }
            if let kind = required.appliesTo, !matches.contains(where: { $0.element.appliesTo == kind }), let (j, criterion) = matches.first {
                findings.append(
                    Diagnostic(
                        .error, path: "criteria[\(j)].appliesTo",
                        message:
                            "tiêu chí «\(criterion.id)» áp dụng cho \(criterion.appliesTo.vietnamese) nhưng \(directive.shortName) yêu cầu áp dụng cho \(kind.vietnamese) (\(place))"
                    ))
            }
        }
        return findings
    }

    private func milestones(_ directive: Directive, _ file: DirectiveFile) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (k, required) in directive.requiredMilestones.enumerated() {
            let place = file.place("requiredMilestones[\(k)]")
            let name = required.title ?? Self.name(of: required.kind)
            let matches = plan.milestones.enumerated().filter { $0.element.kind == required.kind }
            guard let (j, first) = matches.first else {
                findings.append(
                    Diagnostic(
                        .error, path: "milestones",
                        message: "kế hoạch thiếu mốc «\(name)» (kind «\(required.kind.rawValue)»), là mốc \(directive.shortName) bắt buộc"
                            + (required.latest.map { ", chậm nhất \($0.vietnamese)" } ?? "") + " (\(place))",
                        hint: "thêm vào «milestones» một mốc có \"kind\": \"\(required.kind.rawValue)\""))
                continue
            }
            guard let latest = required.latest else { continue }
            if matches.contains(where: { $0.element.due.map { Self.due($0, noLaterThan: latest) } ?? false }) { continue }
            if let due = first.due {
                findings.append(
                    Diagnostic(
                        .error, path: "milestones[\(j)].due",
                        message:
                            "mốc «\(first.id)» có hạn \(due.vietnamese), muộn hơn hạn chậm nhất \(latest.vietnamese) mà \(directive.shortName) yêu cầu (\(place))",
                        hint: "đặt hạn vào hoặc trước \(latest.vietnamese)"))
            } else {
                findings.append(
                    Diagnostic(
                        .error, path: "milestones[\(j)]",
                        message: "mốc «\(first.id)» chưa có hạn; \(directive.shortName) yêu cầu chậm nhất \(latest.vietnamese) (\(place))",
                        hint: "thêm \"due\" vào mốc này"))
            }
        }
        return findings
    }

    private func awards(_ directive: Directive, _ file: DirectiveFile) -> [Diagnostic] {
        guard !directive.allowedAwards.isEmpty else { return [] }
        var findings: [Diagnostic] = []
        for (i, award) in plan.awards.enumerated() where !directive.allowedAwards.contains(award.form) {
            findings.append(
                Diagnostic(
                    .error, path: "awards[\(i)].form",
                    message:
                        "hình thức khen thưởng «\(award.form)» không được \(directive.shortName) cho phép; được dùng: \(directive.allowedAwards.joined(separator: ", ")) (\(file.place("allowedAwards")))",
                    hint: DidYouMean.suggestion(for: award.form, among: directive.allowedAwards).map { "có phải ý bạn là «\($0)»?" }))
        }
        return findings
    }

    /// Whether a milestone due by `due` is due no later than `latest`. A yearly day compares by
    /// day and month, whatever the year.
    static func due(_ due: MilestoneDue, noLaterThan latest: MilestoneDue) -> Bool {
        if case .date(let a) = due, case .date(let b) = latest { return a <= b }
        func dayOfYear(_ d: MilestoneDue) -> (Int, Int) {
            switch d {
            case .date(let date): (date.month, date.day)
            case .yearly(let day, let month): (month, day)
            }
        }
        return dayOfYear(due) <= dayOfYear(latest)
    }

    /// A number as a JSON file writes it: `98`, `97.5`.
    static func jsonNumber(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// The Vietnamese name of a milestone kind, for messages.
    static func name(of kind: MilestoneKind) -> String {
        switch kind {
        case .launch: "phát động"
        case .registration: "đăng ký thi đua"
        case .evaluation: "đánh giá"
        case .soKetReport: "báo cáo sơ kết"
        case .tongKetReport: "báo cáo tổng kết"
        case .dossier: "nộp hồ sơ khen thưởng"
        case .review: "bình xét"
        case .end: "kết thúc"
        case .other: "khác"
        }
    }
}
