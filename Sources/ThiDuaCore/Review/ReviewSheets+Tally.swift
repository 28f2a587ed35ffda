import ThiDuaBase

// The tally sheet of ReviewSheets: the paper tally's vote counts by nominee code.

extension ReviewSheets {
    // MARK: Tally sheet

    /// The counts of a tally sheet by nominee code: each row names a nominee of the review once,
    /// with whole numbers of votes from 0 that together do not exceed the council's members.
    /// "Không biểu quyết" may be left empty (0).
    public static func tally(
        _ table: CSVTable, columns: [String: Int], file: String, review: ReviewRecord
    ) -> ([String: Tally], [Diagnostic]) {
        let c = Columns(table: table, indices: columns, specs: tallyColumns)
        guard !table.rows.isEmpty else {
            return (
                [:],
                [
                    headerOnly(
                        file, table, "biên bản kiểm phiếu chưa có đề cử nào: tệp chỉ có dòng tiêu đề",
                        hint: "ghi mỗi đề cử một dòng (\(tallyColumns.map(\.label).joined(separator: ", ")))")
                ]
            )
        }
        let members = review.members.count
        var sheet: [String: Tally] = [:]
        var firstLine: [String: Int] = [:]
        var problems: [Diagnostic] = []
        for row in table.rows {
            var counts: [Int] = []
            for key in ["agree", "disagree", "conflict"] {
                guard columns[key] != nil else {
                    counts.append(0)
                    continue
                }
                let text = c.cell(row, key)
                if text.isEmpty && key == "conflict" {
                    counts.append(0)
                } else if text.isEmpty {
                    problems.append(
                        cellError(
                            file, row, c.name(key), "ô để trống; cần số phiếu, số nguyên từ 0 đến \(members) (số thành viên Hội đồng)"))
                } else if let n = Int(text), n >= 0 {
                    if n > members {
                        problems.append(
                            cellError(
                                file, row, c.name(key),
                                "«\(text)» nhiều hơn số thành viên Hội đồng (\(members)); cần số nguyên từ 0 đến \(members)"))
                    } else {
                        counts.append(n)
                    }
                } else {
                    problems.append(
                        cellError(
                            file, row, c.name(key),
                            "«\(text)» không phải số phiếu; cần số nguyên từ 0 đến \(members) (số thành viên Hội đồng)"))
                }
            }
            let id = c.cell(row, "nominee")
            if id.isEmpty {
                problems.append(cellError(file, row, c.name("nominee"), "ô để trống; cần mã một đề cử của phiên: \(review.nomineeCodes)"))
                continue
            }
            guard review.nominee(id) != nil else {
                let finding = review.unknownNominee(id)
                problems.append(cellError(file, row, c.name("nominee"), finding.message, hint: finding.hint))
                continue
            }
            if let first = firstLine[id] {
                problems.append(
                    rowError(
                        file, row, "đề cử «\(id)» có hai dòng (dòng \(first) và dòng \(row.line))",
                        hint: "mỗi đề cử chỉ ghi một dòng; xóa dòng thừa"))
                continue
            }
            firstLine[id] = row.line
            guard counts.count == 3 else { continue }
            let t = Tally(agree: counts[0], disagree: counts[1], conflict: counts[2])
            guard t.cast <= members else {
                problems.append(
                    rowError(
                        file, row,
                        "đề cử «\(id)» có \(t.cast) phiếu (đồng ý \(t.agree), không đồng ý \(t.disagree), không biểu quyết \(t.conflict)), nhiều hơn số thành viên Hội đồng (\(members))",
                        hint: "tổng số phiếu của một đề cử không vượt quá số thành viên Hội đồng; kiểm tra lại biên bản kiểm phiếu"))
                continue
            }
            sheet[id] = t
        }
        return (sheet, problems)
    }
}
