import ThiDuaBase

/// A law or decree a ward's award documents cite ("Căn cứ …"), with the days it is in force.
/// A document cites, for each subject, the text in force on the document's own date, so a
/// decision of 2023 cites the Luật Thi đua, khen thưởng of 2003 and Nghị định 91/2017, never a
/// text passed later.
///
/// Numbers and dates checked against the texts (December 2026):
/// - Luật Tổ chức chính quyền địa phương số 77/2015/QH13 ngày 19/6/2015, in force 01/01/2016;
///   amended by Luật số 47/2019/QH14 ngày 22/11/2019, in force 01/7/2020 (the consolidated text
///   32/VBHN-VPQH 2023 lists both); replaced by Luật số 65/2025/QH15 ngày 19/02/2025 (in force
///   01/3/2025), itself replaced by Luật số 72/2025/QH15 ngày 16/6/2025, in force the day it was
///   passed (its Điều 54: "có hiệu lực thi hành từ ngày được thông qua"; Luật 65/2025 ends that day;
///   the district level ends 01/7/2025). Decisions of 2025–2026 cite it as "Luật Tổ chức chính
///   quyền địa phương ngày 16 tháng 6 năm 2025".
/// - Luật Thi đua, khen thưởng ngày 26/11/2003, amended 14/6/2005 and 16/11/2013 (the last in force
///   01/6/2014), to 31/12/2023;
///   Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022, in force 01/01/2024.
/// - Nghị định 91/2017/NĐ-CP ngày 31/7/2017 (to 31/12/2023); Nghị định 98/2023/NĐ-CP ngày
///   31/12/2023 (01/01/2024 – 30/6/2025); Nghị định 152/2025/NĐ-CP ngày 14/6/2025 (from 01/7/2025).
/// Sources: /work/shared/docs/domain.md §1; the consolidated text of the 2015 law; the final
/// article of Luật 72/2025/QH15; decisions of 2025–2026 citing these texts. See docs/documents.md.
public struct LegalBasis: Hashable, Sendable {
    /// What a basis governs: one text of each subject is cited.
    public enum Subject: Int, Hashable, Sendable, CaseIterable, Comparable {
        /// The law on local government (who may decide).
        case localGovernment
        /// The law on emulation and commendation.
        case emulationLaw
        /// The government's decree that details that law.
        case emulationDecree

        public static func < (a: Subject, b: Subject) -> Bool { a.rawValue < b.rawValue }
    }

    public let subject: Subject
    /// The text as it follows "Căn cứ ", without the closing ";".
    public let citation: String
    /// The short name for prose and tests: "Nghị định 91/2017/NĐ-CP".
    public let short: String
    /// First day in force.
    public let from: CivilDate
    /// Last day in force; nil while in force.
    public let until: CivilDate?

    public init(subject: Subject, citation: String, short: String, from: CivilDate, until: CivilDate? = nil) {
        self.subject = subject
        self.citation = citation
        self.short = short
        self.from = from
        self.until = until
    }

    /// Whether the text is in force on `date`.
    public func inForce(on date: CivilDate) -> Bool { from <= date && until.map { date <= $0 } ?? true }

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        // The table below holds real dates only; a typo must fail the tests, not run.
        guard let date = CivilDate(year: year, month: month, day: day) else { preconditionFailure("bad date in LegalBasis table") }
        return date
    }

    /// Every text known, oldest first within a subject.
    public static let all: [LegalBasis] = [
        LegalBasis(
            subject: .localGovernment, citation: "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
            short: "Luật Tổ chức chính quyền địa phương số 77/2015/QH13", from: day(2016, 1, 1), until: day(2020, 6, 30)),
        LegalBasis(
            subject: .localGovernment,
            citation:
                "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019",
            short: "Luật Tổ chức chính quyền địa phương số 77/2015/QH13", from: day(2020, 7, 1), until: day(2025, 2, 28)),
        LegalBasis(
            subject: .localGovernment, citation: "Luật Tổ chức chính quyền địa phương số 65/2025/QH15 ngày 19 tháng 02 năm 2025",
            short: "Luật Tổ chức chính quyền địa phương số 65/2025/QH15", from: day(2025, 3, 1), until: day(2025, 6, 15)),
        LegalBasis(
            subject: .localGovernment, citation: "Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025",
            short: "Luật Tổ chức chính quyền địa phương số 72/2025/QH15", from: day(2025, 6, 16)),
        LegalBasis(
            subject: .emulationLaw,
            citation:
                "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013",
            short: "Luật Thi đua, khen thưởng năm 2003", from: day(2014, 6, 1), until: day(2023, 12, 31)),
        LegalBasis(
            subject: .emulationLaw, citation: "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022",
            short: "Luật Thi đua, khen thưởng số 06/2022/QH15", from: day(2024, 1, 1)),
        LegalBasis(
            subject: .emulationDecree,
            citation:
                "Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
            short: "Nghị định 91/2017/NĐ-CP", from: day(2017, 9, 15), until: day(2023, 12, 31)),
        LegalBasis(
            subject: .emulationDecree,
            citation:
                "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
            short: "Nghị định 98/2023/NĐ-CP", from: day(2024, 1, 1), until: day(2025, 6, 30)),
        LegalBasis(
            subject: .emulationDecree,
            citation:
                "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
            short: "Nghị định 152/2025/NĐ-CP", from: day(2025, 7, 1)),
    ]

    /// The texts in force on `date`, one per subject, in the order a decision cites them:
    /// local government, the law, the decree.
    public static func inForce(on date: CivilDate, subjects: [Subject] = Subject.allCases) -> [LegalBasis] {
        subjects.compactMap { subject in all.last { $0.subject == subject && $0.inForce(on: date) } }
    }

    /// "Căn cứ …;" lines for a document dated `date`.
    public static func lines(on date: CivilDate, subjects: [Subject] = Subject.allCases) -> [String] {
        inForce(on: date, subjects: subjects).map { "Căn cứ \($0.citation);" }
    }
}
