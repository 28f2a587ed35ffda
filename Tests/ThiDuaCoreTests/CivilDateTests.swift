import Testing
import ThiDuaCore

@Suite("Dates")
struct CivilDateTests {
    @Test(
        "impossible days are rejected",
        arguments: ["30/02/2026", "29/02/2025", "31/04/2026", "00/01/2026", "15/13/2026", "1/1/26", "2026-02-30", "abc"])
    func impossible(_ text: String) {
        #expect(CivilDate(parsing: text) == nil)
    }

    @Test("real days parse in both forms")
    func real() {
        #expect(CivilDate(parsing: "29/02/2024") == CivilDate(year: 2024, month: 2, day: 29))
        #expect(CivilDate(parsing: "5/4/2023") == CivilDate(year: 2023, month: 4, day: 5))
        #expect(CivilDate(parsing: "2026-11-15") == CivilDate(year: 2026, month: 11, day: 15))
    }

    @Test("Nghị định 30 form: leading zero on days under 10 and months 1 and 2")
    func decreeForm() {
        #expect(CivilDate(year: 2025, month: 1, day: 3)?.vietnamese == "03/01/2025")
        #expect(CivilDate(year: 2024, month: 3, day: 12)?.vietnamese == "12/3/2024")
        #expect(PartialDate(month: 4, year: 2023).vietnamese == "ngày … tháng 4 năm 2023")
        #expect(PartialDate(day: 3, month: 1, year: 2025).vietnamese == "ngày 03 tháng 01 năm 2025")
    }

    @Test("adding days crosses months and years")
    func arithmetic() {
        let date = CivilDate(year: 2024, month: 12, day: 30)!
        #expect(date.adding(days: 3) == CivilDate(year: 2025, month: 1, day: 2))
        #expect(date.adding(days: -365) == CivilDate(year: 2023, month: 12, day: 31))
        #expect(CivilDate(year: 2025, month: 1, day: 1)!.ordinal - CivilDate(year: 2024, month: 1, day: 1)!.ordinal == 366)
    }
}
