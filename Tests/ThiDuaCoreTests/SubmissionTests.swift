import Foundation
import Testing
import ThiDuaCore

/// A form with a field of every kind, as a campaign type would hand it out.
enum SubmissionFixtures {
    static let form = FormSpec(
        id: "phieu-so-lieu", title: "Phiếu số liệu TTHC", filledBy: .collective, repeated: true,
        fields: [
            FieldSpec(id: "don-vi", label: "Đơn vị", kind: .unit),
            FieldSpec(id: "nguoi-bao-cao", label: "Người báo cáo", kind: .person, required: false),
            FieldSpec(id: "so-ho-so", label: "Số hồ sơ", kind: .integer),
            FieldSpec(id: "ty-le", label: "Tỷ lệ đúng hạn", kind: .percent),
            FieldSpec(id: "diem", label: "Điểm tự chấm", kind: .number, required: false),
            FieldSpec(id: "ngay", label: "Ngày báo cáo", kind: .date),
            FieldSpec(id: "mo-hinh-moi", label: "Có mô hình mới", kind: .yesNo),
            FieldSpec(
                id: "linh-vuc", label: "Lĩnh vực", kind: .choice,
                choices: ["Kinh tế – đô thị", "Văn hóa – xã hội", "Quốc phòng – an ninh", "Xây dựng Đảng"]),
            FieldSpec(id: "ghi-chu", label: "Ghi chú", kind: .longText, required: false),
        ])

    static let header = "Đơn vị,Người báo cáo,Số hồ sơ,Tỷ lệ đúng hạn,Điểm tự chấm,Ngày báo cáo,Có mô hình mới,Lĩnh vực,Ghi chú\n"
    static let goodRow = "Tổ dân phố 1,Nguyễn Thị Lan,1.250,\"98,5%\",\"8,75\",15/06/2026,x,Văn hóa – xã hội,\"Làm tốt, đúng hạn\"\n"

    static var single: FormSpec {
        var form = SubmissionFixtures.form
        form.repeated = false
        return form
    }

    static func validate(_ text: String, form: FormSpec = form) -> ([SubmissionRow], [Diagnostic]) {
        let (table, problems) = CSVReader.read(utf8(text), file: "phieu.csv")
        guard let table else { return ([], problems) }
        return SubmissionValidator.validate(table: table, form: form, roster: RosterFixtures.ward, file: "phieu.csv")
    }
}

/// One bad cell of a submission: how the good row is spoilt and what the error must say.
struct BadCell: CustomTestStringConvertible, Sendable {
    var name: String
    var old: String
    var new: String
    var column: String
    var expect: String
    var hint: String? = nil
    var testDescription: String { name }
}

let badCells: [BadCell] = [
    BadCell(
        name: "a percent of 101", old: "\"98,5%\"", new: "101", column: "Tỷ lệ đúng hạn",
        expect: "«Tỷ lệ đúng hạn»: tỷ lệ phải từ 0 đến 100, thấy 101"),
    BadCell(
        name: "a negative percent", old: "\"98,5%\"", new: "-5%", column: "Tỷ lệ đúng hạn",
        expect: "tỷ lệ phải từ 0 đến 100, thấy -5%"),
    BadCell(
        name: "a percent in words", old: "\"98,5%\"", new: "gần hết", column: "Tỷ lệ đúng hạn",
        expect: "cần tỷ lệ phần trăm, thấy «gần hết»"),
    BadCell(
        name: "a date of 31/02", old: "15/06/2026", new: "31/02/2026", column: "Ngày báo cáo",
        expect: "«Ngày báo cáo»: ngày 31/02/2026 không có thật: tháng 2 năm 2026 chỉ có 28 ngày"),
    BadCell(
        name: "a two-digit year", old: "15/06/2026", new: "15/06/26", column: "Ngày báo cáo",
        expect: "năm phải viết đủ 4 chữ số, thấy «15/06/26»", hint: "viết 15/6/2026"),
    BadCell(
        name: "month 13 (month and day swapped)", old: "15/06/2026", new: "06/13/2026", column: "Ngày báo cáo",
        expect: "có tháng 13 không tồn tại"),
    BadCell(
        name: "a required date left empty", old: "15/06/2026", new: "", column: "Ngày báo cáo",
        expect: "«Ngày báo cáo» là bắt buộc nhưng đang để trống", hint: "điền một ngày dạng dd/mm/yyyy"),
    BadCell(
        name: "an integer with decimals", old: "1.250", new: "\"12,5\"", column: "Số hồ sơ",
        expect: "«Số hồ sơ»: cần số nguyên (không có phần thập phân), thấy «12,5»", hint: "làm tròn thành số nguyên"),
    BadCell(
        name: "an integer too large", old: "1.250", new: "99999999999999999999", column: "Số hồ sơ",
        expect: "số «99999999999999999999» quá lớn"),
    BadCell(
        name: "a number in words", old: "\"8,75\"", new: "tám", column: "Điểm tự chấm",
        expect: "«Điểm tự chấm»: cần một số, thấy «tám»"),
    BadCell(
        name: "a yes-no that is neither", old: ",x,", new: ",có lẽ,", column: "Có mô hình mới",
        expect: "cần «Có» hoặc «Không», thấy «có lẽ»"),
    BadCell(
        name: "a choice without diacritics", old: "Văn hóa – xã hội", new: "Van hoa - xa hoi", column: "Lĩnh vực",
        expect: "«Van hoa - xa hoi» không phải lựa chọn hợp lệ; cần một trong: «Kinh tế – đô thị», «Văn hóa – xã hội»",
        hint: "có phải ý bạn là «Văn hóa – xã hội»?"),
    BadCell(
        name: "an unknown unit", old: "Tổ dân phố 1,", new: "Tổ dân phô 1,", column: "Đơn vị",
        expect: "«Đơn vị»: không có đơn vị «Tổ dân phô 1» trong danh bạ", hint: "có phải ý bạn là «Tổ dân phố 1»?"),
    BadCell(
        name: "a name two people share", old: "Nguyễn Thị Lan", new: "Nguyễn Văn An", column: "Người báo cáo",
        expect: "có 2 người tên «Nguyễn Văn An»: Nguyễn Văn An (Tổ dân phố 2, mã «nguyen-van-an-to-dan-pho-2»)",
        hint: "ghi mã người thay cho tên để chọn đúng một người"),
    BadCell(
        name: "an unknown person", old: "Nguyễn Thị Lan", new: "Trần Văn Xuyên", column: "Người báo cáo",
        expect: "không có người «Trần Văn Xuyên» trong danh bạ"),
]

/// Checks a bad submission: no rows accepted and exactly one error, with this place and message.
@discardableResult
func submissionRejected(
    _ text: String, _ fragment: String, line: Int?, column: String?, form: FormSpec = SubmissionFixtures.form
) -> Diagnostic? {
    let (rows, diagnostics) = SubmissionFixtures.validate(text, form: form)
    #expect(rows.isEmpty)
    let errors = diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1, "\(errors.map(\.rendered))")
    let error = errors.first
    #expect(error?.rendered.contains(fragment) == true, "\(errors.map(\.rendered))")
    #expect(error?.file == "phieu.csv")
    #expect(error?.line == line)
    if let column, let line { #expect(error?.path == "dòng \(line), cột «\(column)»") }
    return error
}

@Suite("Submissions")
struct SubmissionTests {
    typealias F = SubmissionFixtures

    @Test("a good row is read into typed values")
    func goodRow() throws {
        let (rows, diagnostics) = F.validate(F.header + F.goodRow)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.rendered))")
        let row = try #require(rows.first)
        #expect(row.line == 2)
        #expect(row["don-vi"] == .unit("to-dan-pho-1"))
        #expect(row["nguoi-bao-cao"] == .person("nguyen-thi-lan-to-dan-pho-1"))
        #expect(row["so-ho-so"] == .integer(1250))
        #expect(row["ty-le"] == .percent(98.5))
        #expect(row["diem"] == .number(8.75))
        #expect(row["ngay"] == CivilDate(year: 2026, month: 6, day: 15).map(FieldValue.date))
        #expect(row["mo-hinh-moi"] == .yesNo(true))
        #expect(row["linh-vuc"] == .choice("Văn hóa – xã hội"))
        #expect(row["ghi-chu"] == .text("Làm tốt, đúng hạn"))
        #expect(row.values.values.map(\.display).sorted().contains("98,5%"))
        #expect(row["so-ho-so"]?.display == "1.250")
        #expect(row["diem"]?.display == "8,75")
        #expect(row["ngay"]?.display == "15/6/2026")
        #expect(row["mo-hinh-moi"]?.display == "Có")
        #expect(row["don-vi"]?.display(in: RosterFixtures.ward) == "Tổ dân phố 1")
    }

    @Test("columns may be field ids in any order; optional columns may be absent; spellings vary")
    func idsAndSpellings() throws {
        let nfd = "VĂN HÓA – XÃ HỘI".decomposedStringWithCanonicalMapping
        let text =
            "linh-vuc,ty-le,so-ho-so,ngay,mo-hinh-moi,don-vi\n\(nfd),98,12,1/2/2026,Không,phong-kinh-te\nXây dựng Đảng,100.0,'-0,2026-02-28,0,Tổ dân phố 3\n"
        let (rows, diagnostics) = F.validate(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.rendered))")
        #expect(rows.count == 2)
        #expect(rows.first?["linh-vuc"] == .choice("Văn hóa – xã hội"))
        #expect(rows.first?["mo-hinh-moi"] == .yesNo(false))
        #expect(rows.last?["so-ho-so"] == .integer(0))
        #expect(rows.last?["ty-le"] == .percent(100))
        #expect(rows.last?["diem"] == nil)
    }

    @Test("the blank form's header is the labels in order")
    func blankHeader() {
        #expect(SubmissionValidator.blankHeader(F.form) == F.header.dropLast().split(separator: ",").map(String.init))
        #expect(SubmissionValidator.blankCSV(F.form) == "\u{FEFF}" + F.header.dropLast() + "\r\n")
    }

    @Test("values encode as one-key objects and decode back")
    func codable() throws {
        let row = SubmissionRow(
            line: 3,
            values: [
                "a": .percent(98.5), "b": .date(CivilDate(year: 2026, month: 2, day: 15)!), "c": .yesNo(false), "d": .integer(-4),
                "e": .unit("to-1"), "f": .text("x"),
            ])
        let data = try JSONEncoder().encode(row)
        #expect(String(decoding: data, as: UTF8.self).contains("{\"percent\":98.5}"))
        #expect(try JSONDecoder().decode(SubmissionRow.self, from: data) == row)
    }

    @Test("a bad cell is named by line and column, with the value and the rule", arguments: badCells)
    func badCell(_ case_: BadCell) throws {
        let bad = F.goodRow.replacingOccurrences(of: case_.old, with: case_.new)
        try #require(bad != F.goodRow)
        // The bad row is the second data row: line 3.
        let error = submissionRejected(F.header + F.goodRow + bad, case_.expect, line: 3, column: case_.column)
        #expect(error?.message.hasPrefix("«\(case_.column)»") == true)
        if let hint = case_.hint { #expect(error?.hint == hint) }
    }

    @Test("the one-line form names the file, line, column, value and rule")
    func rendered() {
        let bad = F.goodRow.replacingOccurrences(of: "\"98,5%\"", with: "101")
        let error = submissionRejected(F.header + bad, "thấy 101", line: 2, column: "Tỷ lệ đúng hạn")
        #expect(
            error?.rendered
                == "phieu.csv:2: lỗi: dòng 2, cột «Tỷ lệ đúng hạn»: «Tỷ lệ đúng hạn»: tỷ lệ phải từ 0 đến 100, thấy 101. "
                + "Gợi ý: tỷ lệ tính theo phần trăm và không vượt quá 100%")
    }

    @Test("a missing required column: one error listing it and the columns found")
    func missingColumn() {
        let text = "Đơn vị,Số hồ sơ,Ngày báo cáo,Có mô hình mới,Lĩnh vực\nTổ dân phố 1,3,15/06/2026,x,Xây dựng Đảng\n"
        submissionRejected(text, "thiếu cột bắt buộc «Tỷ lệ đúng hạn»; các cột trong tệp: «Đơn vị», «Số hồ sơ»", line: 1, column: nil)
    }

    @Test("an unknown column suggests the nearest label")
    func unknownColumn() {
        let text = F.header.replacingOccurrences(of: "Ghi chú", with: "Ghi chu") + F.goodRow
        let error = submissionRejected(text, "cột «Ghi chu» không thuộc mẫu này", line: 1, column: "Ghi chu")
        #expect(error?.hint == "có phải ý bạn là «Ghi chú»?")
    }

    @Test("a non-repeated form takes exactly one row")
    func oneRow() {
        submissionRejected(
            F.header + F.goodRow + F.goodRow, "«Phiếu số liệu TTHC» chỉ nhận một dòng, thấy 2 dòng (thừa: dòng 3)", line: 3, column: nil,
            form: F.single)
        submissionRejected(F.header, "«Phiếu số liệu TTHC» không có dòng dữ liệu nào", line: 1, column: nil, form: F.single)
    }

    @Test("every error of every row is reported at once")
    func everyError() {
        let bad1 = F.goodRow.replacingOccurrences(of: "\"98,5%\"", with: "120").replacingOccurrences(of: "15/06/2026", with: "30/02/2026")
        let bad2 = F.goodRow.replacingOccurrences(of: ",x,", with: ",,").replacingOccurrences(of: "1.250", with: "abc")
        let (rows, diagnostics) = F.validate(F.header + bad1 + F.goodRow + bad2)
        #expect(rows.isEmpty)
        #expect(diagnostics.map(\.line) == [2, 2, 4, 4])
        #expect(
            diagnostics.map(\.path) == [
                "dòng 2, cột «Tỷ lệ đúng hạn»", "dòng 2, cột «Ngày báo cáo»", "dòng 4, cột «Số hồ sơ»", "dòng 4, cột «Có mô hình mới»",
            ])
        #expect(diagnostics.allSatisfy { $0.rendered == $0.rendered.precomposedStringWithCanonicalMapping })
    }

    @Test("10,000 rows with one bad row: nothing accepted, that row named, every other row fine")
    func tenThousand() {
        var text = F.header
        for i in 0..<10_000 {
            let row = "Tổ dân phố \(i % 3 + 1),,\(i),\(i % 101),,15/06/2026,\(i % 2),Xây dựng Đảng,ghi chú \(i)\n"
            text += i == 7_341 ? row.replacingOccurrences(of: ",15/06/2026,", with: ",29/02/2026,") : row
        }
        let (rows, diagnostics) = F.validate(text)
        #expect(rows.isEmpty)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 7_343)
        #expect(
            diagnostics.first?.rendered.contains("dòng 7343, cột «Ngày báo cáo»: «Ngày báo cáo»: ngày 29/02/2026 không có thật") == true)
        let fixed = text.replacingOccurrences(of: ",29/02/2026,", with: ",28/02/2026,")
        let (all, none) = F.validate(fixed)
        #expect(none.isEmpty)
        #expect(all.count == 10_000)
        #expect(all.last?.line == 10_001)
    }
}

extension SubmissionTests {
    @Suite("JSON submissions")
    struct JSON {
        typealias F = SubmissionFixtures

        static func validate(_ text: String, form: FormSpec = F.form) -> ([SubmissionRow], [Diagnostic]) {
            SubmissionValidator.validate(json: utf8(text), form: form, roster: RosterFixtures.ward, file: "phieu.json")
        }

        static let good = """
            {"don-vi": "to-dan-pho-2", "so-ho-so": 12, "ty-le": 98.5, "ngay": "15/06/2026", "mo-hinh-moi": true,
             "linh-vuc": "Xây dựng Đảng", "diem": null}
            """

        @Test("strings, numbers and booleans are read by the field's kind")
        func good() throws {
            let (rows, diagnostics) = Self.validate(
                "[\n\(Self.good),\n{\"Đơn vị\": \"Tổ dân phố 3\", \"so-ho-so\": \"1.500\", \"ty-le\": \"99%\", \"ngay\": \"01/07/2026\", \"mo-hinh-moi\": \"không\", \"linh-vuc\": \"xây dựng đảng\"}\n]"
            )
            #expect(diagnostics.isEmpty, "\(diagnostics.map(\.rendered))")
            #expect(rows.count == 2)
            #expect(rows.first?["so-ho-so"] == .integer(12))
            #expect(rows.first?["ty-le"] == .percent(98.5))
            #expect(rows.first?["mo-hinh-moi"] == .yesNo(true))
            #expect(rows.first?["diem"] == nil)
            #expect(rows.last?["don-vi"] == .unit("to-dan-pho-3"))
            #expect(rows.last?["so-ho-so"] == .integer(1500))
            #expect(rows.last?.line == 4)
        }

        @Test("a percent of 101 in the second object")
        func percent() {
            let (rows, diagnostics) = Self.validate("[\n\(Self.good),\n\(Self.good.replacingOccurrences(of: "98.5", with: "101"))\n]")
            #expect(rows.isEmpty)
            #expect(diagnostics.count == 1)
            #expect(diagnostics.first?.path == "[1].ty-le")
            #expect(diagnostics.first?.line == 4)
            #expect(diagnostics.first?.message == "«Tỷ lệ đúng hạn»: tỷ lệ phải từ 0 đến 100, thấy 101")
        }

        @Test("an unknown key and a missing required key")
        func keys() {
            let text =
                "[{\"don-vi\": \"to-dan-pho-1\", \"so-ho-so\": 1, \"ty-lee\": 90, \"ngay\": \"15/06/2026\", \"mo-hinh-moi\": false, \"linh-vuc\": \"Xây dựng Đảng\"}]"
            let (rows, diagnostics) = Self.validate(text)
            #expect(rows.isEmpty)
            #expect(diagnostics.count == 2)
            #expect(diagnostics.first?.path == "[0].ty-lee")
            #expect(diagnostics.first?.hint == "có phải ý bạn là «ty-le»?")
            #expect(diagnostics.last?.message == "thiếu trường bắt buộc «Tỷ lệ đúng hạn» (khóa «ty-le»)")
        }

        @Test("wrong JSON types: a fraction for an integer, an array, a boolean for a date")
        func types() {
            let text = Self.good.replacingOccurrences(of: "12", with: "12.5").replacingOccurrences(of: "\"Xây dựng Đảng\"", with: "[1]")
                .replacingOccurrences(of: "\"15/06/2026\"", with: "false")
            let (rows, diagnostics) = Self.validate(text, form: F.single)
            #expect(rows.isEmpty)
            #expect(diagnostics.map(\.path) == ["so-ho-so", "ngay", "linh-vuc"])
            #expect(diagnostics.first?.message == "«Số hồ sơ»: cần số nguyên (không có phần thập phân), thấy 12.5")
            #expect(diagnostics.map(\.line) == [1, 1, 2])
            #expect(diagnostics.allSatisfy { $0.file == "phieu.json" })
        }

        @Test("a non-repeated form takes one object")
        func single() {
            let (rows, diagnostics) = Self.validate(Self.good, form: F.single)
            #expect(diagnostics.isEmpty)
            #expect(rows.count == 1)
            let (none, two) = Self.validate("[\(Self.good),\n\(Self.good)]", form: F.single)
            #expect(none.isEmpty)
            #expect(two.first?.message.contains("chỉ nhận một dòng, thấy 2 dòng (thừa: [1])") == true)
        }

        @Test("a root that is neither an array nor an object")
        func root() {
            let (rows, diagnostics) = Self.validate("\"x\"")
            #expect(rows.isEmpty)
            #expect(diagnostics.first?.message.contains("tệp phiếu phải là một mảng các đối tượng") == true)
        }
    }
}
