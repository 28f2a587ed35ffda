import Foundation
import ThiDuaCore

/// `thidua evidence add|list|withdraw`: evidence files (minh chứng) of a unit's record, through the back
/// office that the web application's upload uses too.
enum EvidenceCommand: Command {
    static let name = "evidence"
    static let examples = [
        "thidua evidence add phu-ly-cqtt-2024 van-phong bien-ban-hop.pdf --form bao-cao-ket-qua --note \"Biên bản họp dân\"",
        "thidua evidence list phu-ly-cqtt-2024 --unit van-phong",
        "thidua evidence withdraw phu-ly-cqtt-2024 12 --reason \"Gửi nhầm tệp\"",
    ]
    static let abstract =
        "Minh chứng của đơn vị: gửi tệp PDF, ảnh PNG/JPEG, Word, Excel hoặc OpenDocument (add), xem danh sách (list), rút tệp gửi nhầm (withdraw). Tệp được lưu theo mã SHA-256 trong data/minh-chung/."
    static let arguments = [
        ("<action>", "add <campaign> <unit> <file> | list <campaign> | withdraw <campaign> <số>"),
        ("[...]", "Với add: mã phong trào, mã hoặc tên đơn vị, tệp minh chứng (tối đa \(InputLimits.size(InputLimits.evidenceFile.bytes)))."),
    ]
    static let options = [
        OptionSpec("--form", value: "id", help: "Với add: biểu mẫu mà minh chứng thuộc về."),
        OptionSpec("--indicator", value: "id", help: "Với add: chỉ tiêu mà minh chứng thuộc về."),
        OptionSpec("--note", value: "text", help: "Với add: mô tả ngắn tệp chứng minh điều gì."),
        OptionSpec("--unit", value: "unit", help: "Với list: chỉ minh chứng của đơn vị này."),
        OptionSpec("--reason", value: "text", help: "Với withdraw (bắt buộc): vì sao rút tệp."),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        let rest = Array(arguments.positionals.dropFirst())
        switch arguments.positionals.first {
        case "add":
            guard rest.count == 3 else {
                throw .usage(
                    rest.count < 3 ? "Thiếu tham số «\(["<campaign>", "<unit>", "<file>"][rest.count])»." : "Thừa tham số «\(rest[3])».",
                    help: "Cách dùng: \(usage)")
            }
            let file: InputFile
            switch UserFile.read(context.userURL(rest[2]).path, limit: InputLimits.evidenceFile) {
            case .success(let bytes): file = InputFile(name: rest[2], bytes: bytes)
            case .failure(let error): throw .failure("Không đọc được tệp «\(rest[2])»: \(error.reason).")
            }
            let request = EvidenceRequest(
                unit: rest[1], file: file, form: arguments.values["--form"], indicator: arguments.values["--indicator"], note: arguments.values["--note"])
            let result = try context.call { () throws(OfficeError) in try context.office.attachEvidence(rest[0], request, as: context.acting) }
            let record = result.record
            context.console.print(
                "Đã ghi nhận minh chứng «\(record.name)» (\(record.kind.vietnamese), \(InputLimits.size(record.size))) cho đơn vị \(record.unit), dòng \(record.seq) của nhật ký."
                    + (result.newlyStored ? "" : " Tệp giống hệt một tệp đã lưu nên không lưu thêm bản nào."))
            return .success
        case "list":
            guard rest.count == 1 else {
                throw .usage(rest.isEmpty ? "Thiếu tham số «<campaign>»." : "Thừa tham số «\(rest[1])».", help: "Cách dùng: \(usage)")
            }
            let (campaign, all) = try context.call { () throws(OfficeError) in try context.office.evidence(rest[0], for: .office) }
            var records = all
            if let text = arguments.values["--unit"] {
                guard let unit = campaign.roster.unit(text) else { throw .failure("Không có đơn vị «\(text)» trong danh sách đơn vị.") }
                records = context.office.evidence(in: campaign, for: .unit(unit.id))
            }
            var out = "Minh chứng của «\(campaign.plan.name)» (\(records.count) tệp)\n"
            if records.isEmpty { out += "  Chưa có minh chứng nào.\n" }
            for record in records {
                let belongs = [record.form.map { "biểu mẫu \($0)" }, record.indicator.map { "chỉ tiêu \($0)" }].compactMap { $0 }
                out +=
                    "  - [\(record.seq)] \(campaign.roster.unit(record.unit)?.name ?? record.unit): «\(record.name)» — \(record.kind.vietnamese), \(InputLimits.size(record.size))"
                    + (belongs.isEmpty ? "" : " — \(belongs.joined(separator: ", "))") + " — \(record.date.vietnamese), \(record.actor)"
                    + (record.note.map { " — \($0)" } ?? "") + "\n        data/minh-chung/\(record.sha256).\(record.kind.fileExtension)\n"
            }
            var withdrawn = context.office.withdrawnEvidence(in: campaign, for: .office)
            if let text = arguments.values["--unit"], let unit = campaign.roster.unit(text) { withdrawn.removeAll { $0.record.unit != unit.id } }
            if !withdrawn.isEmpty {
                out += "Đã rút (\(withdrawn.count) tệp)\n"
                for w in withdrawn {
                    out +=
                        "  - [\(w.record.seq)] \(campaign.roster.unit(w.record.unit)?.name ?? w.record.unit): «\(w.record.name)» — rút ngày \(w.date.vietnamese), \(w.actor) — lý do: \(w.reason)\n"
                }
            }
            context.console.print(out)
            return .success
        case "withdraw":
            guard rest.count == 2 else {
                throw .usage(
                    rest.count < 2 ? "Thiếu tham số «\(["<campaign>", "<số>"][rest.count])»." : "Thừa tham số «\(rest[2])».",
                    help: "Cách dùng: \(usage)")
            }
            guard let seq = Int(rest[1]), seq > 0 else {
                throw .usage("Số minh chứng «\(rest[1])» không hợp lệ: ghi số trong ngoặc vuông của `thidua evidence list`.", help: "Cách dùng: \(usage)")
            }
            guard let reason = arguments.values["--reason"] else { throw .usage("Thiếu --reason: rút minh chứng phải có lý do.", help: "Cách dùng: \(usage)") }
            let w = try context.call { () throws(OfficeError) in
                try context.office.withdrawEvidence(rest[0], seq: seq, reason: reason, by: .office, as: context.acting)
            }
            context.console.print(
                "Đã rút minh chứng «\(w.record.name)» của đơn vị \(w.record.unit) (dòng \(w.seq) của nhật ký). Tệp vẫn lưu trong data/minh-chung/ nhưng không còn được liệt kê."
            )
            return .success
        case let other?:
            let guess = DidYouMean.suggestion(for: other, among: ["add", "list", "withdraw"]).map { " Có phải ý bạn là «\($0)»?" } ?? ""
            throw .usage("Việc «\(other)» không có; dùng add, list hoặc withdraw.\(guess)", help: "Cách dùng: \(usage)")
        case nil:
            throw .usage("Thiếu tham số «<action>» (add, list hoặc withdraw).", help: "Cách dùng: \(usage)")
        }
    }
}
