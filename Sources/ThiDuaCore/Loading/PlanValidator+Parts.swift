import Foundation
import ThiDuaBase

extension PlanValidator {
    mutating func checkAwards() {
        for (i, award) in plan.awards.enumerated() {
            let path = "awards[\(i)]"
            if award.recipients.isEmpty { error("\(path).recipients", "cần ít nhất một đối tượng nhận (collective hoặc individual)") }
            if let quota = award.quota {
                if let count = quota.count, count < 1 { error("\(path).quota.count", "số lượng tối đa phải từ 1 trở lên, thấy \(count)") }
                if let share = quota.share, !(share > 0 && share <= 100) {
                    error("\(path).quota.share", "tỷ lệ tối đa \(Numbers.vietnamese(share))% phải lớn hơn 0 và không quá 100")
                }
                if quota.count == nil && quota.share == nil { error("\(path).quota", "cần «count» hoặc «share»") }
            }
            for (s, standard) in (award.standards ?? []).enumerated() {
                if let kind = standard.appliesTo, !award.recipients.contains(kind) {
                    error(
                        "\(path).standards[\(s)].appliesTo",
                        "tiêu chuẩn dành cho \(kind.vietnamese) nhưng hình thức này không tặng cho \(kind.vietnamese)")
                }
                if let rule = standard.rule { checkRule(rule, path: "\(path).standards[\(s)].rule") }
                if let requirement = standard.criteria {
                    checkRequirement(requirement, kinds: standard.appliesTo.map { [$0] } ?? award.recipients, path: "\(path).standards[\(s)].criteria")
                }
            }
        }
    }

    /// The criteria a standard names: each in the plan, once, and of a kind the standard is for.
    mutating func checkRequirement(_ requirement: CriteriaRequirement, kinds: [ParticipantKind], path: String) {
        let ids = plan.criteria.map(\.id)
        var seen: Set<String> = []
        for (k, id) in requirement.references.enumerated() {
            let place = requirement.isCount ? "\(path).of[\(k)]" : "\(path)[\(k)]"
            guard let criterion = plan.criteria.first(where: { $0.id == id }) else {
                error(
                    place, "tiêu chuẩn cần tiêu chí «\(id)» nhưng «criteria» không có tiêu chí này",
                    hint: suggest(id, ids) ?? (ids.isEmpty ? "kế hoạch chưa có tiêu chí nào" : "có: \(ids.joined(separator: ", "))"))
                continue
            }
            if !seen.insert(id).inserted { error(place, "tiêu chí «\(id)» được ghi hai lần") }
            if !kinds.contains(criterion.appliesTo) {
                error(
                    place,
                    "tiêu chí «\(id)» dành cho \(criterion.appliesTo.vietnamese) nhưng tiêu chuẩn này dành cho "
                        + kinds.map(\.vietnamese).joined(separator: ", "))
            }
        }
    }

    mutating func checkMilestones() {
        let forms = type.map { $0.forms.map(\.id) + HostForms.forms(for: plan).map(\.id) + plan.forms.map(\.id) }
        for (i, milestone) in plan.milestones.enumerated() {
            let path = "milestones[\(i)]"
            if let form = milestone.form, let forms, !forms.contains(form) {
                error(
                    "\(path).form", "biểu mẫu «\(form)» không có trong loại «\(plan.type)»; có: \(forms.joined(separator: ", "))",
                    hint: suggest(form, forms))
            }
            if case .date(let date)? = milestone.due {
                let start = plan.period.start ?? plan.date.complete.map { CivilDate(year: $0.year, month: 1, day: 1) ?? $0 }
                if date > plan.period.end.adding(days: 366) || (start.map { date < $0.adding(days: -366) } ?? false) {
                    warning("\(path).due", "hạn \(date.vietnamese) cách xa thời gian thi đua (đến \(plan.period.end.vietnamese))")
                }
            }
        }
    }

    mutating func checkOutline() {
        guard let outline = plan.outline else { return }
        var shown: [PlanPart: Set<String>] = [:]
        var wholeParts: Set<PlanPart> = []
        func walk(_ sections: [OutlineSection], path: String) {
            for (s, section) in sections.enumerated() {
                for (b, block) in section.blocks.enumerated() {
                    let blockPath = "\(path)[\(s)].blocks[\(b)]"
                    switch block {
                    case .text(let text, _):
                        if text.trimmingCharacters(in: .whitespaces).isEmpty { error("\(blockPath).text", "đoạn văn trống") }
                    case .show(let selection):
                        let ids = ids(of: selection.part)
                        if let kind = selection.kind, ![.criteria, .participants, .awards].contains(selection.part) {
                            error("\(blockPath).kind", "«kind» (\(kind.rawValue)) chỉ dùng với criteria, participants hoặc awards")
                        }
                        if let only = selection.only {
                            for (k, id) in only.enumerated() where !ids.contains(id) {
                                error(
                                    "\(blockPath).only[\(k)]", "«\(selection.part.rawValue)» không có phần tử «\(id)»",
                                    hint: suggest(id, ids))
                            }
                            shown[selection.part, default: []].formUnion(only)
                        } else if selection.kind == nil {
                            wholeParts.insert(selection.part)
                        } else {
                            shown[selection.part, default: []].formUnion(idsOfKind(selection.part, selection.kind))
                        }
                    case .section(let inner):
                        walk([inner], path: "\(blockPath).section")
                    }
                }
            }
        }
        walk(outline, path: "outline")
        // Participant groups may be built from words printed elsewhere (seed 003 names them in
        // its targets), so they need not be shown.
        for part in PlanPart.allCases where !wholeParts.contains(part) && part != .participants {
            let missing = ids(of: part).filter { !(shown[part]?.contains($0) ?? false) && printsText(part, $0) }
            if !missing.isEmpty {
                warning(
                    "outline",
                    "các phần tử của «\(part.rawValue)» không xuất hiện trong văn bản kế hoạch: \(missing.joined(separator: ", "))",
                    hint: "thêm {\"show\": \"\(part.rawValue)\", \"only\": [...]} vào mục thích hợp của «outline»")
            }
        }
    }

    private func ids(of part: PlanPart) -> [String] {
        switch part {
        case .purposes: plan.purposes.indices.map(String.init)
        case .requirements: plan.requirements.indices.map(String.init)
        case .participants: plan.participants.map(\.id)
        case .period: plan.period.text == nil ? [] : ["period"]
        case .content: plan.content.map(\.id)
        case .indicators: plan.indicators.map(\.id)
        case .criteria: plan.criteria.map(\.id)
        case .awards: plan.awards.map(\.id)
        case .dossier: plan.dossier.map(\.id)
        case .milestones: plan.milestones.map(\.id)
        case .assignments: plan.assignments.map(\.id)
        case .funding: plan.funding == nil ? [] : ["funding"]
        }
    }

    private func idsOfKind(_ part: PlanPart, _ kind: ParticipantKind?) -> [String] {
        switch part {
        case .criteria: plan.criteria.filter { $0.appliesTo == kind }.map(\.id)
        case .participants: plan.participants.filter { $0.kind == kind }.map(\.id)
        case .awards: plan.awards.filter { kind.map($0.recipients.contains) ?? true }.map(\.id)
        default: ids(of: part)
        }
    }

    /// Whether an element has words of its own to print (an indicator without `text` is carried
    /// by its content sentence; a milestone without `text` by the outline's own sentences).
    private func printsText(_ part: PlanPart, _ id: String) -> Bool {
        switch part {
        case .indicators: plan.indicators.first { $0.id == id }?.text != nil
        case .milestones: plan.milestones.first { $0.id == id }?.text != nil
        default: true
        }
    }
}

/// Checks ids that name files or appear in paths.
public enum Identifier {
    /// nil when `id` is kebab-case ASCII (a–z, 0–9, "-"), 1 to 80 characters; otherwise why not.
    public static func problem(_ id: String) -> String? {
        if id.isEmpty { return "mã không được để trống" }
        if id.count > 80 { return "mã «\(id.prefix(20))…» dài quá 80 ký tự" }
        // Byte tests: Foundation's `contains` on String is slow, and every id of every file passes here.
        let bytes = Array(id.utf8)
        let hasDotDot = zip(bytes, bytes.dropFirst()).contains { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") }
        if bytes.contains(UInt8(ascii: "/")) || bytes.contains(UInt8(ascii: "\\")) || hasDotDot {
            return "mã «\(id)» không được chứa «/», «\\» hay «..» (mã được dùng làm tên tệp)"
        }
        let allowed = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        if !allowed || id.hasPrefix("-") || id.hasSuffix("-") {
            let shown = id.unicodeScalars.map { $0.value < 0x20 ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
            return "mã «\(shown)» chỉ được gồm chữ thường không dấu, chữ số và dấu gạch nối (ví dụ «minh-xuan-dvk-2026»)"
        }
        return nil
    }

    /// The errors of a list of ids at `part` ("criteria"): each id that breaks the rules of
    /// `problem(_:)`, and each one used before, as (JSON path, message).
    public static func listProblems(_ part: String, _ ids: [String]) -> [(path: String, message: String)] {
        var out: [(path: String, message: String)] = []
        var seen: [String: Int] = [:]
        for (i, id) in ids.enumerated() {
            if let problem = problem(id) { out.append(("\(part)[\(i)].id", problem)) }
            if let first = seen[id] {
                out.append(("\(part)[\(i)].id", "mã «\(id)» trùng với \(part)[\(first)]; mỗi mã chỉ dùng một lần"))
            } else {
                seen[id] = i
            }
        }
        return out
    }
}
