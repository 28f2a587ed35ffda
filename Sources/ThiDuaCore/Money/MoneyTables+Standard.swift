import ThiDuaBase

extension MoneyTables {
    /// The known rows: base salaries from 01/7/2018 and ND 91/2017, ND 98/2023 and ND 152/2025.
    ///
    /// Sources are in docs/money.md. Rows marked with a `note` are not confirmed from the
    /// decree's text and may be corrected by a workspace's `tables/money.json`.
    public static let standard = MoneyTables(
        baseSalaries: [
            BaseSalary(from: day(2018, 7, 1), amount: 1_390_000, source: "72/2018/NĐ-CP"),
            BaseSalary(from: day(2019, 7, 1), amount: 1_490_000, source: "38/2019/NĐ-CP"),
            BaseSalary(from: day(2023, 7, 1), amount: 1_800_000, source: "24/2023/NĐ-CP"),
            BaseSalary(from: day(2024, 7, 1), amount: 2_340_000, source: "73/2024/NĐ-CP"),
        ],
        decrees: [
            RewardDecree(
                id: "91/2017/NĐ-CP",
                title: "Nghị định số 91/2017/NĐ-CP quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
                from: day(2017, 10, 1), to: day(2023, 12, 31), collectiveFactor: 2,
                note: "Giấy khen 0,15 lần (cá nhân) đã đối chiếu; các hệ số khác lấy theo Nghị định 98/2023/NĐ-CP, chưa đối chiếu",
                forms: rates(giayKhenXa: 150, giayKhen: 150, bangKhenTinh: 1000)),
            RewardDecree(
                id: "98/2023/NĐ-CP",
                title: "Nghị định số 98/2023/NĐ-CP quy định chi tiết thi hành Luật Thi đua, khen thưởng",
                from: day(2024, 1, 1), to: day(2025, 6, 30), collectiveFactor: 2,
                forms: rates(giayKhenXa: 150, giayKhen: 300, bangKhenTinh: 1000)),
            RewardDecree(
                id: "152/2025/NĐ-CP",
                title: "Nghị định số 152/2025/NĐ-CP quy định chi tiết thi hành Luật Thi đua, khen thưởng",
                from: day(2025, 7, 1), collectiveFactor: 2,
                note: "hệ số tập thể gấp 2 lần cá nhân chưa được xác nhận theo Nghị định 152/2025/NĐ-CP",
                forms: rates(giayKhenXa: 300, giayKhen: 300, bangKhenTinh: 1500)),
        ])

    /// The eleven form keys, in the order of the decrees' tables.
    public static let standardFormKeys = rates(giayKhenXa: 0, giayKhen: 0, bangKhenTinh: 0).map(\.form)

    /// The table shared by the three decrees; only three multiples differ between them.
    private static func rates(giayKhenXa: Int, giayKhen: Int, bangKhenTinh: Int) -> [AwardRate] {
        func rate(_ form: String, _ thousandths: Int, collectiveOnly: Bool = false) -> AwardRate {
            AwardRate(form: form, multiple: Multiple(thousandths: thousandths), collectiveOnly: collectiveOnly)
        }
        return [
            rate("giay-khen-chu-tich-xa", giayKhenXa),
            rate("giay-khen", giayKhen),
            rate("bang-khen-chu-tich-tinh", bangKhenTinh),
            rate("bang-khen-thu-tuong", 3500),
            rate("lao-dong-tien-tien", 300),
            rate("chien-si-thi-dua-co-so", 1000),
            rate("tap-the-lao-dong-tien-tien", 800, collectiveOnly: true),
            rate("tap-the-lao-dong-xuat-sac", 1500, collectiveOnly: true),
            rate("to-dan-pho-van-hoa", 1500, collectiveOnly: true),
            rate("xa-phuong-tieu-bieu", 2000, collectiveOnly: true),
            rate("co-thi-dua-tinh", 8000, collectiveOnly: true),
        ]
    }

    /// A constant day of the tables; the literals above are real days, which the tests check.
    private static func day(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        guard let date = CivilDate(year: year, month: month, day: day) else {
            preconditionFailure("MoneyTables.standard holds an impossible day \(day)/\(month)/\(year)")
        }
        return date
    }
}
