import Foundation
import ThiDuaCore

/// `thidua enroll <campaign>`: enrols units and people of the roster into a campaign.
enum EnrollCommand: Command {
    static let name = "enroll"
    static let abstract = "Ghi danh đơn vị, cá nhân vào chiến dịch (theo loại đơn vị, theo danh sách, hoặc theo đối tượng của kế hoạch)."
    static let arguments = [("<campaign>", "Mã chiến dịch.")]
    static let options = [
        OptionSpec("--unit-kinds", value: "kinds", help: "Loại đơn vị, cách nhau bởi dấu phẩy (ví dụ: to-dan-pho,phong-ban)."),
        OptionSpec("--units", value: "list", help: "Mã hoặc tên đơn vị, cách nhau bởi dấu phẩy."),
        OptionSpec("--people", value: "list", help: "Mã hoặc họ tên cá nhân, cách nhau bởi dấu phẩy."),
        OptionSpec("--people-of-units", help: "Ghi danh mọi cá nhân thuộc các đơn vị được ghi danh."),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let reference = arguments.positionals.first else { throw .usage("Missing expected argument '<campaign>'.", help: "Usage: \(usage)") }
        let (plan, _) = try CampaignLookup.load(reference, context: context)
        let roster = try RosterCommand.loadRoster(context)
        guard !roster.units.isEmpty else { throw .failure("Chưa có danh sách đơn vị: nhập bằng `thidua roster import <tệp>` trước.") }
        var unitIDs: [String] = []
        var personIDs: [String] = []
        var problems: [String] = []
        let byList = arguments.values["--unit-kinds"] != nil || arguments.values["--units"] != nil || arguments.values["--people"] != nil
        if let kinds = arguments.values["--unit-kinds"] {
            for text in kinds.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let kind = UnitKind.parse(text) else {
                    problems.append("loại đơn vị «\(text)» không có; cần một trong: \(UnitKind.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
                unitIDs += roster.units.filter { $0.kind == kind }.map(\.id)
            }
        }
        for text in split(arguments.values["--units"]) {
            if let unit = roster.unit(text) {
                unitIDs.append(unit.id)
            } else {
                problems.append(
                    "đơn vị «\(text)» không có trong danh sách"
                        + (DidYouMean.suggestion(for: text, among: roster.units.map(\.name)).map { "; có phải «\($0)»?" } ?? ""))
            }
        }
        for text in split(arguments.values["--people"]) {
            if let person = roster.person(text) {
                personIDs.append(person.id)
            } else {
                problems.append(
                    "cá nhân «\(text)» không có trong danh sách"
                        + (DidYouMean.suggestion(for: text, among: roster.people.map(\.name)).map { "; có phải «\($0)»?" } ?? ""))
            }
        }
        if !byList {
            // By the plan's own participant groups: collectives by their unit kinds, individuals from those units.
            for group in plan.participants where group.kind == .collective {
                let kinds = Set(group.unitKinds ?? [])
                unitIDs += roster.units.filter { kinds.isEmpty || kinds.contains($0.kind.rawValue) }.map(\.id)
            }
            if plan.participants.contains(where: { $0.kind == .individual }) {
                personIDs += roster.people.map(\.id)
            }
        }
        if arguments.flags.contains("--people-of-units") {
            personIDs += unitIDs.flatMap { roster.people(in: $0).map(\.id) }
        }
        if !problems.isEmpty { throw .failure("Không ghi danh gì:\n" + problems.map { "- " + $0 }.joined(separator: "\n")) }
        let state = try JournalAccess.state(of: plan, context: context)
        let newUnits = unique(unitIDs).filter { !state.units.contains($0) }
        let newPeople = unique(personIDs).filter { !state.people.contains($0) }
        guard !newUnits.isEmpty || !newPeople.isEmpty else {
            context.console.print("Không có ai mới để ghi danh (đã ghi danh: \(state.units.count) đơn vị, \(state.people.count) cá nhân).")
            return .success
        }
        let payload = JSONValue.object([
            .init(key: "units", value: .array(newUnits.map { .string($0) })), .init(key: "people", value: .array(newPeople.map { .string($0) })),
        ])
        let result = try JournalAccess.append(
            [JournalStore.Draft(kind: .enrolment, actor: context.actor, date: context.today, payload: payload)], to: plan, context: context,
            expectingLastSeq: state.lastSeq)
        context.console.print(
            "Đã ghi danh \(newUnits.count) đơn vị, \(newPeople.count) cá nhân vào «\(plan.name)» (dòng \(result.events[0].seq) của nhật ký). Tổng: \(state.units.count + newUnits.count) đơn vị, \(state.people.count + newPeople.count) cá nhân."
        )
        return .success
    }

    static func split(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
