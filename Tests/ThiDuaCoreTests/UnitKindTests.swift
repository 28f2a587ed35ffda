import Foundation
import Testing
import ThiDuaCore

import struct ThiDuaCore.Unit

@Suite("Unit kinds as data")
struct UnitKindTests {
    static let partyCells = UnitKindCatalogue.standard.adding([
        UnitKindDeclaration(id: "chi-bo-khu-dan-cu", label: "Chi bộ khu dân cư", aliases: ["chi bộ KDC"]),
        UnitKindDeclaration(id: "chi-bo-truong-hoc", label: "Chi bộ trường học"),
    ])

    @Test("a roster with declared Party cells imports; without the declaration it is refused with the file to use")
    func declaredKindsImport() {
        let csv = "Tên đơn vị,Loại\nChi bộ khu dân cư số 1,Chi bộ khu dân cư\nChi bộ Trường THCS Lê Lợi,chi bộ trường học\nChi bộ KDC 2,CHI BỘ KDC\n"
        let (units, diagnostics) = RosterImporter.units(csv: utf8(csv), file: "don-vi.csv", existing: .empty, kinds: Self.partyCells)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.rendered))")
        #expect(units.map(\.kind.rawValue) == ["chi-bo-khu-dan-cu", "chi-bo-truong-hoc", "chi-bo-khu-dan-cu"])
        #expect(Self.partyCells.label(of: units[1].kind) == "Chi bộ trường học")
        let errors = unitsRejected(csv, "loại đơn vị «Chi bộ khu dân cư» không có")
        #expect(errors.contains { $0.rendered.contains("tables/unit-kinds.json") }, "\(errors.map(\.rendered))")
    }

    @Test("built-in kinds still read by label, alias and keyword; a stored roster decodes with any keyword")
    func builtInKindsKept() throws {
        let kinds = UnitKindCatalogue.standard
        #expect(kinds.parse("Tổ dân phố") == .toDanPho)
        #expect(kinds.parse("TDP") == .toDanPho)
        #expect(kinds.parse("phòng , ban") == .phongBan)
        #expect(kinds.parse("đoàn thể chính trị-xã hội") == .doanThe)
        #expect(kinds.parse("cong-an") == .congAn)
        #expect(kinds.parse("Chi bộ khu dân cư") == nil)
        let stored = #"{"id":"cb-1","name":"Chi bộ 1","kind":"chi-bo-khu-dan-cu"}"#
        let unit = try JSONDecoder().decode(Unit.self, from: Data(stored.utf8))
        #expect(unit.kind.rawValue == "chi-bo-khu-dan-cu")
        let again = try JSONEncoder().encode(Unit(id: "p", name: "Phòng", kind: .phongBan))
        #expect(String(decoding: again, as: UTF8.self).contains(#""kind":"phong-ban""#))
    }

    @Test("tables/unit-kinds.json: read, and a bad id or repeated kind is an error naming the key")
    func workspaceFile() {
        let good = #"{"unitKinds": [{"id": "chi-bo-khu-dan-cu", "label": "Chi bộ khu dân cư"}]}"#
        let (kinds, findings) = UnitKindCatalogue.loading(bytes: utf8(good), file: "tables/unit-kinds.json")
        #expect(findings.isEmpty, "\(findings.map(\.rendered))")
        #expect(kinds.parse("chi bộ khu dân cư")?.rawValue == "chi-bo-khu-dan-cu")
        let bad = #"{"unitKinds": [{"id": "Chi Bộ", "label": "Chi bộ"}, {"id": "x", "label": ""}, {"id": "x", "label": "X"}]}"#
        let (fallback, problems) = UnitKindCatalogue.loading(bytes: utf8(bad), file: "tables/unit-kinds.json")
        #expect(fallback == .standard)
        let rendered = problems.map(\.rendered)
        #expect(rendered.contains { $0.contains("unitKinds[0].id") }, "\(rendered)")
        #expect(rendered.contains { $0.contains("unitKinds[1].label") && $0.contains("không được để trống") }, "\(rendered)")
        #expect(rendered.contains { $0.contains("unitKinds[2].id") && $0.contains("khai báo hai lần") }, "\(rendered)")
        #expect(problems.allSatisfy { $0.file == "tables/unit-kinds.json" && $0.line != nil })
    }

    @Test("one refused unit row: its people are told the row, not «no such unit»; good units of the file still count")
    func refusedUnitRow() {
        let units = RosterImporter.checkedUnits(
            csv: utf8("Tên đơn vị,Loại\nTổ dân phố 1,tổ dân phố\nChi bộ khu dân cư số 1,chi bộ\n"), file: "don-vi.csv", existing: .empty,
            kinds: .standard)
        #expect(units.diagnostics.hasErrors)
        #expect(units.units.map(\.name) == ["Tổ dân phố 1"])
        #expect(units.refused.map(\.name) == ["Chi bộ khu dân cư số 1"])
        let (people, problems) = RosterImporter.people(
            csv: utf8("Họ và tên,Chức vụ,Đơn vị\nNguyễn Văn An,Tổ trưởng,Tổ dân phố 1\nLê Thị Bình,Bí thư,Chi bộ khu dân cư số 1\n"),
            file: "ca-nhan.csv", existing: .empty, units: units.units, refused: units.refused)
        #expect(people.isEmpty)
        let errors = problems.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map(\.rendered))")
        #expect(errors.first?.line == 3)
        #expect(errors.first?.rendered.contains("bị từ chối ở dòng 3 của tệp don-vi.csv") == true, "\(errors.map(\.rendered))")
        #expect(errors.allSatisfy { !$0.rendered.contains("không có đơn vị") })
    }
}
