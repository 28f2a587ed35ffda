import Testing
import ThiDuaCore

/// Vietnamese number formatting used by every document.
@Suite struct NumbersTests {
    @Test("section numbers in Roman numerals", arguments: [(1, "I"), (3, "III"), (4, "IV"), (9, "IX"), (14, "XIV"), (19, "XIX"), (39, "XXXIX")])
    func roman(value: Int, expected: String) {
        #expect(Numbers.roman(value) == expected)
    }

    @Test("thousands with dots, decimals with a comma")
    func grouping() {
        #expect(Numbers.grouped(2_340_000) == "2.340.000")
        #expect(Numbers.grouped(-1_200) == "-1.200")
        #expect(Numbers.vietnamese(81.5) == "81,5")
        #expect(Numbers.vietnamese(98) == "98")
    }
}
