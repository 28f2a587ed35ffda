import ThiDuaBase

/// Why an award amount or a fund limit could not be computed.
public enum MoneyError: Error, Equatable, Sendable {
    /// No reward decree is in force on the date; `earliest` is the first day any decree covers.
    case noDecree(on: CivilDate, earliest: CivilDate?)
    /// No base salary row starts on or before the date.
    case noBaseSalary(on: CivilDate, earliest: CivilDate?)
    /// The form key is not in the decree's table.
    case unknownForm(String, decree: String, suggestion: String?, known: [String])
    /// An individual amount was asked for a form only collectives receive.
    case collectiveOnlyForm(String, decree: String)
    /// The amount does not fit in an `Int`; `what` names the computation.
    case overflow(what: String)
    /// A figure that must not be negative is; `what` names it.
    case negative(what: String, value: Int)

    /// What went wrong, in Vietnamese, with what to do about it.
    public var message: String {
        switch self {
        case .noDecree(let date, let earliest):
            let start = earliest.map { "; bảng mức tiền thưởng bắt đầu từ ngày \($0.vietnamese)" } ?? ""
            return "không có nghị định quy định mức tiền thưởng có hiệu lực vào ngày \(date.vietnamese)\(start). "
                + "Kiểm tra ngày quyết định, hoặc thêm nghị định vào tables/money.json"
        case .noBaseSalary(let date, let earliest):
            let start = earliest.map { "; bảng lương cơ sở bắt đầu từ ngày \($0.vietnamese)" } ?? ""
            return "không có mức lương cơ sở áp dụng vào ngày \(date.vietnamese)\(start). "
                + "Kiểm tra ngày quyết định, hoặc thêm dòng vào «baseSalaries» trong tables/money.json"
        case .unknownForm(let form, let decree, let suggestion, let known):
            let guess = suggestion.map { " Có phải ý bạn là «\($0)»?" } ?? ""
            return "hình thức khen thưởng «\(form)» không có trong bảng mức tiền thưởng của Nghị định \(decree).\(guess) "
                + "Các hình thức có: \(known.joined(separator: ", "))"
        case .collectiveOnlyForm(let form, let decree):
            return "hình thức «\(form)» chỉ dành cho tập thể (Nghị định \(decree)); không tính mức tiền thưởng cho cá nhân"
        case .overflow(let what):
            return "số tiền quá lớn, vượt giới hạn tính toán khi tính \(what); kiểm tra lại số liệu"
        case .negative(let what, let value):
            return "\(what) không được âm (thấy \(Numbers.grouped(value)) đồng)"
        }
    }
}
