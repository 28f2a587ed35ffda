import Foundation
import Testing
import ThiDuaCore

import struct ThiDuaCore.Unit

/// The ward roster of the fixtures, and helpers for roster tests.
enum RosterFixtures {
    static func bytes(_ name: String) -> [UInt8] {
        (FileManager.default.contents(atPath: CoreFixtures.fixtures.appendingPathComponent(name).path)).map(Array.init) ?? []
    }

    /// The fixture units and people, imported; empty when the import fails.
    static var ward: Roster {
        let (units, _) = RosterImporter.units(csv: bytes("roster-units.csv"), file: "roster-units.csv", existing: .empty)
        let (people, _) = RosterImporter.people(
            csv: bytes("roster-people.csv"), file: "roster-people.csv", existing: .empty, units: units)
        return Roster(units: units, people: people)
    }
}

/// Imports units; there must be none and an error containing `fragment`. Returns the errors.
@discardableResult
func unitsRejected(_ text: String, _ fragment: String, existing: Roster = .empty) -> [Diagnostic] {
    let (units, diagnostics) = RosterImporter.units(csv: utf8(text), file: "don-vi.csv", existing: existing)
    #expect(units.isEmpty)
    let errors = diagnostics.filter { $0.severity == .error }
    #expect(errors.contains { $0.rendered.contains(fragment) }, "\(errors.map(\.rendered))")
    #expect(errors.allSatisfy { $0.file == "don-vi.csv" && $0.line != nil })
    return errors
}

/// Imports people against the fixture ward; there must be none and an error containing `fragment`.
@discardableResult
func peopleRejected(_ text: String, _ fragment: String) -> [Diagnostic] {
    let ward = RosterFixtures.ward
    let (people, diagnostics) = RosterImporter.people(csv: utf8(text), file: "ca-nhan.csv", existing: ward, units: [])
    #expect(people.isEmpty)
    let errors = diagnostics.filter { $0.severity == .error }
    #expect(errors.contains { $0.rendered.contains(fragment) }, "\(errors.map(\.rendered))")
    #expect(errors.allSatisfy { $0.file == "ca-nhan.csv" && $0.line != nil })
    return errors
}

@Suite("Roster import")
struct RosterTests {
    @Test("the fixture ward imports: ids, kinds, parents by name or id")
    func fixtureUnits() throws {
        let (units, diagnostics) = RosterImporter.units(
            csv: RosterFixtures.bytes("roster-units.csv"), file: "roster-units.csv", existing: .empty)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.rendered))")
        #expect(units.count == 13)
        let roster = Roster(units: units, people: [])
        #expect(roster.unit("phong-kinh-te")?.name == "Phòng Kinh tế, Hạ tầng và Đô thị")
        #expect(roster.unit("to-dan-pho-2")?.kind == .toDanPho)
        #expect(roster.unit("uy-ban-mat-tran-to-quoc-viet-nam-phuong")?.kind == .doanThe)
        #expect(roster.unit("hoi-ccb")?.parent == "uy-ban-mat-tran-to-quoc-viet-nam-phuong")
        #expect(roster.unit("hoi-phu-nu")?.parent == "uy-ban-mat-tran-to-quoc-viet-nam-phuong")
        #expect(roster.unit("CÔNG AN PHƯỜNG")?.kind == .congAn)
        #expect(roster.unit("trung-tam-hcc")?.kind == .khac)
    }

    @Test("the fixture people import: made-up ids are unique, units resolve by id or name")
    func fixturePeople() throws {
        let ward = RosterFixtures.ward
        #expect(ward.people.count == 14)
        #expect(ward.person("nguyen-van-hung-van-phong")?.birthDate == CivilDate(year: 1978, month: 5, day: 12))
        #expect(ward.people(named: "Nguyễn Văn An").map(\.id) == ["nguyen-van-an-to-dan-pho-2", "nguyen-van-an-to-dan-pho-3"])
        #expect(ward.person("Nguyễn Văn An") == nil)
        #expect(ward.person("ngô thị hồng")?.unit == "hoi-phu-nu")
        #expect(ward.person("to-truong-tdp3")?.name == "Trương Thị Mai")
        #expect(ward.person("Huỳnh Văn Lợi")?.birthDate == CivilDate(year: 1988, month: 2, day: 29))
        #expect(ward.people(in: "to-dan-pho-3").map(\.name) == ["Nguyễn Văn An", "Trương Thị Mai"])
    }

    @Test("a second person with the same made-up id gets -2")
    func uniqueIDs() throws {
        let ward = RosterFixtures.ward
        let (people, diagnostics) = RosterImporter.people(
            csv: utf8("Họ và tên,Chức vụ,Đơn vị\nNguyễn Thị Lan,Tổ viên,Tổ dân phố 2\n"), file: "p.csv",
            existing: Roster(
                units: ward.units,
                people: ward.people + [Person(id: "nguyen-thi-lan-to-dan-pho-2", name: "X", position: "Y", unit: "van-phong")]),
            units: [])
        #expect(!diagnostics.hasErrors)
        #expect(people.map(\.id) == ["nguyen-thi-lan-to-dan-pho-2-2"])
    }

    @Test("missing required columns: one error listing them and the columns found")
    func missingColumns() {
        let errors = unitsRejected("Mã,Ten\nto-1,Tổ 1\n", "thiếu cột bắt buộc «Tên đơn vị», «Loại»; các cột trong tệp: «Mã», «Ten»")
        #expect(errors.filter { $0.message.contains("thiếu cột") }.count == 1)
        #expect(errors.first { $0.message.contains("thiếu cột") }?.line == 1)
    }

    @Test("an unknown extra column is an error naming the allowed ones")
    func extraColumn() {
        let errors = unitsRejected(
            "Tên đơn vị,Loại,Ghi chú\nTổ dân phố 1,tổ,x\n",
            "cột «Ghi chú» không thuộc mẫu này; các cột được dùng: «Mã», «Tên đơn vị», «Loại», «Trực thuộc»")
        #expect(errors.first?.path == "dòng 1, cột «Ghi chú»")
    }

    @Test("a misspelt column gets a did-you-mean")
    func misspeltColumn() {
        let errors = unitsRejected("Ten don vi,Loại\nTổ 1,tổ\n", "có phải ý bạn là «Tên đơn vị»?")
        #expect(errors.count == 2)
    }

    @Test("an unknown kind lists the kinds and suggests the nearest")
    func unknownKind() {
        let errors = unitsRejected("Tên đơn vị,Loại\nTổ dân phố 1,tổ\nTổ dân phố 2,tổ dân phô\n", "loại đơn vị «tổ dân phô» không có")
        #expect(errors.count == 1)
        #expect(errors.first?.path == "dòng 3, cột «Loại»")
        #expect(errors.first?.line == 3)
        #expect(errors.first?.hint == "có phải ý bạn là «tổ dân phố»?")
    }

    @Test("a name typed in NFD equals the same name in NFC: duplicate units")
    func nfdDuplicateUnit() {
        let nfd = "Phòng Văn hóa – Xã hội".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > "Phòng Văn hóa – Xã hội".unicodeScalars.count)
        let text = "Mã,Tên đơn vị,Loại\nvh,Phòng Văn hóa – Xã hội,phòng\nvh2,\(nfd),phòng\n"
        let errors = unitsRejected(text, "đơn vị «Phòng Văn hóa – Xã hội» trùng tên với đơn vị «Phòng Văn hóa – Xã hội» ở dòng 2")
        #expect(errors.first?.line == 3)
    }

    @Test("names differing only in case and spacing are duplicates")
    func caseDuplicateUnit() {
        unitsRejected("Tên đơn vị,Loại\nTổ dân phố 1,tổ\ntổ  DÂN phố 1,tổ\n", "trùng tên")
    }

    @Test("two units with the same id")
    func duplicateID() {
        let errors = unitsRejected(
            "Mã,Tên đơn vị,Loại\nto-1,Tổ dân phố 1,tổ\nto-1,Tổ dân phố 2,tổ\n", "mã «to-1» trùng với mã của đơn vị «Tổ dân phố 1» ở dòng 2")
        #expect(errors.first?.path == "dòng 3, cột «Mã»")
    }

    @Test("an id already in the roster")
    func existingID() {
        unitsRejected(
            "Mã,Tên đơn vị,Loại\ncong-an,Công an xã,Công an\n", "mã «cong-an» đã có trong danh bạ (đơn vị «Công an phường»)",
            existing: RosterFixtures.ward)
    }

    @Test("a name already in the roster")
    func existingName() {
        unitsRejected(
            "Tên đơn vị,Loại\nTổ dân phố 1,tổ\n", "đơn vị «Tổ dân phố 1» đã có trong danh bạ (mã «to-dan-pho-1»)",
            existing: RosterFixtures.ward)
    }

    @Test("an id that is not kebab-case ASCII")
    func badID() {
        let errors = unitsRejected("Mã,Tên đơn vị,Loại\nTổ 1,Tổ dân phố 1,tổ\n", "chỉ được gồm chữ thường không dấu")
        #expect(errors.first?.hint == "ví dụ «to-dan-pho-1»")
    }

    @Test("an unknown parent suggests the nearest name, even typed without diacritics")
    func unknownParent() {
        let errors = unitsRejected(
            "Tên đơn vị,Loại,Trực thuộc\nHội Nông dân,đoàn thể,Uy ban Mat tran To quoc Viet Nam phuong\n",
            "không có đơn vị «Uy ban Mat tran To quoc Viet Nam phuong» để trực thuộc", existing: RosterFixtures.ward)
        #expect(errors.first?.hint == "có phải ý bạn là «Ủy ban Mặt trận Tổ quốc Việt Nam phường»?")
        #expect(errors.first?.path == "dòng 2, cột «Trực thuộc»")
    }

    @Test("units that belong to each other in a loop")
    func cycle() {
        let errors = unitsRejected(
            "Mã,Tên đơn vị,Loại,Trực thuộc\na,A,khác,b\nb,B,khác,a\nc,C,khác,c\n", "trực thuộc nhau thành vòng: «A» → «B» → «A»")
        #expect(errors.contains { $0.message.contains("không thể trực thuộc chính nó") && $0.line == 4 })
        #expect(errors.count == 2)
    }

    @Test("every error of a units file is reported at once")
    func everyUnitError() {
        let errors = unitsRejected("Tên đơn vị,Loại\n,tổ\nTổ 2,\nTổ 3,xyz\n!!!,tổ\n", "tên đơn vị để trống")
        #expect(errors.map(\.line) == [2, 3, 4, 5])
        #expect(errors.last?.message.contains("không tạo được mã từ tên «!!!»") == true)
    }

    @Test("an unknown unit suggests the nearest, even typed without diacritics")
    func unknownUnit() {
        let errors = peopleRejected(
            "Họ và tên,Chức vụ,Đơn vị\nPhan Văn Tài,Hội viên,Hoi Cuu chien binh\n", "không có đơn vị «Hoi Cuu chien binh» trong danh bạ")
        #expect(errors.first?.hint == "có phải ý bạn là «Hội Cựu chiến binh»?")
        #expect(errors.first?.path == "dòng 2, cột «Đơn vị»")
        #expect(errors.first?.line == 2)
    }

    @Test("an unknown unit with nothing near lists the units")
    func unknownUnitList() {
        let errors = peopleRejected("Họ và tên,Chức vụ,Đơn vị\nPhan Văn Tài,Hội viên,Hợp tác xã\n", "không có đơn vị «Hợp tác xã»")
        #expect(errors.first?.hint?.contains("«Tổ dân phố 1»") == true)
    }

    @Test("a name typed in NFD equals the same name in NFC: duplicate people in a unit")
    func nfdDuplicatePerson() {
        let nfd = "Nguyễn Thị Lan".decomposedStringWithCanonicalMapping
        #expect(Array(nfd.utf8) != Array("Nguyễn Thị Lan".utf8))
        let text = "Họ và tên,Chức vụ,Đơn vị\nLê Thị Hoa,Tổ viên,Tổ dân phố 1\n\(nfd),Tổ viên,Tổ dân phố 1\n"
        let errors = peopleRejected(text, "«Nguyễn Thị Lan» đã có trong danh bạ ở đơn vị «Tổ dân phố 1» (mã «nguyen-thi-lan-to-dan-pho-1»)")
        #expect(errors.first?.line == 3)
        let within =
            "Họ và tên,Chức vụ,Đơn vị\nLê Thị Hoa,Tổ viên,Tổ dân phố 1\n\(nfd),Tổ viên,to-dan-pho-1\nLê Thị Hoa,Tổ phó,Tổ dân phố 1"
        let more = peopleRejected(within, "«Lê Thị Hoa» trùng với «Lê Thị Hoa» ở dòng 2, cùng đơn vị «Tổ dân phố 1»")
        #expect(more.map(\.line) == [3, 4])
    }

    @Test("a birth date of 31/02 is not a real day")
    func impossibleBirthDate() {
        let errors = peopleRejected(
            "Họ và tên,Chức vụ,Đơn vị,Ngày sinh\nLê Thị Hoa,Tổ viên,Tổ dân phố 1,31/02/1980\n",
            "ngày sinh: ngày 31/02/1980 không có thật: tháng 2 năm 1980 chỉ có 29 ngày")
        #expect(errors.first?.path == "dòng 2, cột «Ngày sinh»")
    }

    @Test("a birth date in another format")
    func badBirthDate() {
        peopleRejected(
            "Họ và tên,Chức vụ,Đơn vị,Ngày sinh\nLê Thị Hoa,Tổ viên,Tổ dân phố 1,1980\n", "cần ngày dạng dd/mm/yyyy, thấy «1980»")
    }

    @Test("missing people columns")
    func missingPeopleColumns() {
        peopleRejected("Họ và tên,Đơn vị\nLê Thị Hoa,Tổ dân phố 1\n", "thiếu cột bắt buộc «Chức vụ»")
    }

    @Test("every error of a people file is reported at once")
    func everyPersonError() {
        let errors = peopleRejected(
            "Mã,Họ và tên,Chức vụ,Đơn vị\n,,,Tổ dân phố 1\nx y,Lê Thị Hoa,Tổ viên,Tổ dân phố 1\nnguyen-van-hung-van-phong,Lê Văn Hùng,Tổ viên,Tổ dân phố 9\n",
            "họ và tên để trống")
        #expect(errors.map(\.line) == [2, 2, 3, 4, 4])
        #expect(errors.contains { $0.message.contains("chức vụ để trống") })
        #expect(errors.contains { $0.message.contains("mã «nguyen-van-hung-van-phong» đã có trong danh bạ («Nguyễn Văn Hùng»)") })
        #expect(errors.contains { $0.hint == "có phải ý bạn là «Tổ dân phố 1»?" })
    }

    @Test("messages are NFC Vietnamese")
    func nfcMessages() {
        let errors = peopleRejected("Họ và tên,Chức vụ,Đơn vị\nLê Thị Hoa,,Phòng Kinh tê\n", "chức vụ để trống")
        for error in errors {
            #expect(error.rendered == error.rendered.precomposedStringWithCanonicalMapping)
        }
    }

    @Test("a roster saved as JSON reads back the same")
    func jsonRoundTrip() throws {
        let ward = RosterFixtures.ward
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(ward)
        let (read, diagnostics) = RosterImporter.json(Array(data), file: "roster.json", existing: .empty)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.rendered))")
        #expect(read == ward)
    }

    @Test("JSON roster errors carry the JSON path and line")
    func jsonErrors() {
        let text = """
            {
              "units": [
                {"id": "to-1", "name": "Tổ dân phố 1", "kind": "tổ dân phố"},
                {"id": "to-2", "name": "Tổ dân phố 2", "kind": "to-dan-phoo"}
              ],
              "people": [
                {"name": "Lê Thị Hoa", "position": "Tổ trưởng", "unit": "Tổ dân phố 3"},
                {"name": "Lê Văn Tám", "position": 5, "unit": "to-1", "birthDay": "01/01/1990"}
              ]
            }
            """
        let (roster, diagnostics) = RosterImporter.json(utf8(text), file: "roster.json", existing: .empty)
        #expect(roster == nil)
        let kind = diagnostics.first { $0.path == "units[1].kind" }
        #expect(kind?.line == 4)
        #expect(kind?.hint == "có phải ý bạn là «to-dan-pho»?")
        let unit = diagnostics.first { $0.path == "people[0].unit" }
        #expect(unit?.message == "không có đơn vị «Tổ dân phố 3» trong danh bạ")
        #expect(unit?.line == 7)
        #expect(diagnostics.contains { $0.path == "people[1].position" && $0.message.contains("cần một chuỗi, thấy số 5") })
        #expect(diagnostics.contains { $0.severity == .warning && $0.hint == "có phải ý bạn là «birthDate»?" })
    }

    @Test("a JSON roster must be an object")
    func jsonRoot() {
        let (roster, diagnostics) = RosterImporter.json(utf8("[]"), file: "roster.json", existing: .empty)
        #expect(roster == nil)
        #expect(diagnostics.first?.message.contains("tệp danh bạ phải là một đối tượng") == true)
        #expect(diagnostics.first?.line == 1)
    }

    @Test("JSON syntax errors and other encodings are reported")
    func jsonSyntax() {
        let (roster, diagnostics) = RosterImporter.json(utf8("{\"units\": [}"), file: "roster.json", existing: .empty)
        #expect(roster == nil)
        #expect(diagnostics.first?.message.hasPrefix("JSON sai cú pháp") == true)
        let (other, encoding) = RosterImporter.json([0xFF, 0xFE, 0x7B, 0x00], file: "roster.json", existing: .empty)
        #expect(other == nil)
        #expect(encoding.first?.message.contains("UTF-16") == true)
    }
}
