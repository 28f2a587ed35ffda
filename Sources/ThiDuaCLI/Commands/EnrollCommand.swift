import Foundation
import ThiDuaCore

/// `thidua enroll <campaign>`: enrols units and people of the roster into a campaign.
enum EnrollCommand: Command {
    static let name = "enroll"
    static let examples = [
        "thidua enroll minh-xuan-dvk-2026", "thidua enroll nam-gia-nghia-cchc-2026 --units \"Văn phòng HĐND và UBND,Phòng Văn hóa – Xã hội\" --people-of-units",
    ]
    static let abstract = "Ghi danh đơn vị, cá nhân vào phong trào (theo loại đơn vị, theo danh sách, hoặc theo đối tượng của kế hoạch)."
    static let arguments = [("<campaign>", "Mã phong trào.")]
    static let options = [
        OptionSpec("--unit-kinds", value: "kinds", help: "Loại đơn vị, cách nhau bởi dấu phẩy (ví dụ: to-dan-pho,phong-ban)."),
        OptionSpec("--units", value: "list", help: "Mã hoặc tên đơn vị, cách nhau bởi dấu phẩy."),
        OptionSpec("--people", value: "list", help: "Mã hoặc họ tên cá nhân, cách nhau bởi dấu phẩy."),
        OptionSpec("--people-of-units", help: "Ghi danh mọi cá nhân thuộc các đơn vị được ghi danh."),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let reference = arguments.positionals.first else { throw .usage("Thiếu tham số «<campaign>».", help: "Cách dùng: \(usage)") }
        let request = EnrolmentRequest(
            unitKinds: split(arguments.values["--unit-kinds"]), units: split(arguments.values["--units"]),
            people: split(arguments.values["--people"]), peopleOfUnits: arguments.flags.contains("--people-of-units"))
        context.warnAbout(reference)
        let result = try context.call { () throws(OfficeError) in try context.office.enroll(reference, request, as: context.acting) }
        guard result.seq > 0 else {
            context.console.print("Không có ai mới để ghi danh (đã ghi danh: \(result.totalUnits) đơn vị, \(result.totalPeople) cá nhân).")
            return .success
        }
        context.console.print(
            "Đã ghi danh \(result.units.count) đơn vị, \(result.people.count) cá nhân vào «\(result.campaign.name)» (dòng \(result.seq) của nhật ký). Tổng: \(result.totalUnits) đơn vị, \(result.totalPeople) cá nhân."
        )
        return .success
    }

    static func split(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
