import Foundation
import ThiDuaCore

/// `thidua new <type> --id <id> [--directive <id>] [--year <yyyy>]`: writes a campaign file
/// with the type's catalogue, the directive's floors and marked blanks for the ward's own text.
enum NewCommand: Command {
    static let name = "new"
    static let examples = [
        "thidua new dan-van-kheo --id an-binh-dvk-2027 --year 2027", "thidua new chuyen-doi-so --id an-binh-cds-2026 --directive minh-xuan-du-cds-2026",
        "thidua new chuyen-doi-so --id an-binh-du-cds-2026 --issuer dang-uy",
    ]
    static let abstract = "Tạo tệp kế hoạch mới theo một loại phong trào (và văn bản chỉ đạo), có đánh dấu chỗ cần điền."
    static let arguments = [("<type>", "Mã loại phong trào (xem `thidua types`).")]
    static let options = [
        OptionSpec("--id", value: "id", help: "Mã phong trào mới, cũng là tên tệp campaigns/<id>.json (bắt buộc)."),
        OptionSpec("--directive", value: "id", help: "Văn bản chỉ đạo trong directives/ mà kế hoạch thực hiện."),
        OptionSpec("--year", value: "yyyy", help: "Năm của kế hoạch (mặc định: năm của ngày hôm nay)."),
        OptionSpec(
            "--issuer", value: "kind",
            help:
                "Loại cơ quan ban hành: ubnd, mttq, dang-uy, doan, hoi-phu-nu, hoi-cuu-chien-binh, hoi-nong-dan hoặc loại khai báo trong tables/issuer-kinds.json; tiêu đề, ký hiệu, người ký lấy theo loại đó."
        ),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        guard let typeID = arguments.positionals.first else { throw .usage("Thiếu tham số «<type>».", help: "Cách dùng: \(usage)") }
        if arguments.positionals.count > 1 { throw .usage("Thừa tham số «\(arguments.positionals[1])».") }
        guard let id = arguments.values["--id"] else {
            throw .usage("Thiếu tham số «--id <id>».", help: "Ví dụ: thidua new \(typeID) --id minh-xuan-\(typeID)-\(context.today.year)")
        }
        let year = try year(arguments, context: context)
        let result = try context.call { () throws(OfficeError) in
            try context.office.newCampaign(
                type: typeID, id: id, directive: arguments.values["--directive"], year: year, today: context.today,
                issuer: arguments.values["--issuer"])
        }
        let directives = result.directives
        let blanks = result.blanks
        let summary = result.summary
        var out = "Đã tạo \(result.file): kế hoạch «\(result.type.title)» năm \(year)"
        out += directives.isEmpty ? "." : ", thực hiện " + directives.map { "\($0.shortName) của \($0.issuer.name)" }.joined(separator: ", ") + "."
        out += "\n- \(summary.indicators) chỉ tiêu, \(summary.criteria) tiêu chí lấy từ danh mục của loại phong trào"
        out += summary.targetsFromFloors > 0 ? "; \(summary.targetsFromFloors) mục tiêu đặt theo mức tối thiểu của văn bản chỉ đạo." : "."
        out += "\n- \(blanks) chỗ cần điền, đánh dấu «\(CampaignTemplate.marker): …]»."
        out += "\nTiếp theo: sửa tệp, rồi chạy `thidua check \(id)` để xem những chỗ còn thiếu; `thidua doc \(id) plan` để xem bản kế hoạch."
        context.console.print(out)
        return .success
    }

    private static func year(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> Int {
        guard let text = arguments.values["--year"] else { return context.today.year }
        guard let year = Int(text), (2000...2100).contains(year) else {
            throw .usage("Giá trị «\(text)» không hợp lệ cho «--year <yyyy>». Cần một năm từ 2000 đến 2100, ví dụ 2026.")
        }
        return year
    }
}
