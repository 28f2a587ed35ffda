import ThiDuaCore

extension SpreadsheetExports {
    /// A blank form to fill in Excel: the first sheet holds the header `submit` reads (and
    /// nothing else, so the file goes back as it is); «Hướng dẫn» says what each column takes.
    public static func blankForm(_ form: FormSpec) -> Workbook {
        let guide = form.fields.map { field -> [WorkbookCell] in
            [.text(field.label), .text(field.required ? "bắt buộc" : "không bắt buộc"), .text(expected(field)), .optional(field.help)]
        }
        return Workbook(sheets: [
            Worksheet(name: form.title, header: SubmissionValidator.blankHeader(form), rows: []),
            Worksheet(name: "Hướng dẫn", header: ["Cột", "Bắt buộc", "Ghi gì", "Ghi chú"], rows: guide),
        ])
    }

    /// What a column takes, in the clerk's words.
    static func expected(_ field: FieldSpec) -> String {
        switch field.kind {
        case .text, .longText: return "chữ"
        case .integer: return "số nguyên, ví dụ 1.250 (dấu chấm ngăn cách hàng nghìn)"
        case .number: return "số, ví dụ 12,5 (dấu phẩy trước phần thập phân)"
        case .percent: return "tỷ lệ từ 0 đến 100, ví dụ 99,4 hoặc 99,4%"
        case .date: return "ngày dd/mm/yyyy, ví dụ 15/02/2026"
        case .yesNo: return "Có hoặc Không"
        case .choice: return "một trong: " + (field.choices ?? []).joined(separator: "; ")
        case .unit: return "tên hoặc mã đơn vị như trong danh sách"
        case .person: return "họ tên hoặc mã cá nhân như trong danh sách"
        }
    }
}
