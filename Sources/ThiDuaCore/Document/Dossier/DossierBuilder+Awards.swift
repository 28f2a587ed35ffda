import ThiDuaBase

extension DossierBuilder {
    // MARK: Biên bản họp bình xét

    /// The minutes of the council meeting: date, place, members present and absent, quorum,
    /// each nominee's tally and outcome, signed by the chair and the secretary.
    public func minutes(_ review: ReviewRecord) -> Document {
        let closing = review.closed
        let presentNames = closing?.present ?? []
        let present = presentNames.count
        let absent = closing?.absent ?? []
        var body: [Block] = []
        body.append(
            Self.para(
                "Hôm nay, \(closing?.date.longVietnamese ?? review.date.longVietnamese), tại \(review.place ?? "trụ sở \(issuerName)"), \(reviewingBody.inText ?? reviewingBody.name) họp bình xét khen thưởng \(review.period.vietnamese) trong \(plan.movementName)."
            ))
        body.append(.heading("I. THÀNH PHẦN", level: 1))
        body.append(
            Self.para(
                "Tổng số thành viên Hội đồng: \(review.members.count); có mặt: \(present); vắng mặt: \(absent.count)"
                    + (absent.isEmpty ? "." : " (\(absent.joined(separator: ", "))).")))
        body.append(
            .table(
                Table(
                    columns: ["TT", "Họ và tên", "Chức vụ trong Hội đồng", "Có mặt"],
                    rows: review.members.enumerated().map { i, m in
                        ["\(i + 1)", m.name, m.role, closing == nil ? "" : (presentNames.contains(m.name) ? "Có mặt" : "Vắng")]
                    }, widths: [0.6, 4, 3.5, 1.5])))
        if let chair = closing?.chair { body.append(Self.para("Chủ trì: \(chair). Thư ký: \(closing?.secretary ?? "…").")) }
        let rule = review.nominees.first.map { review.rule(for: $0) } ?? .standard
        let quorumMet = rule.quorum.isReached(by: present, of: review.members.count)
        body.append(
            Self.para(
                "Số thành viên có mặt \(present)/\(review.members.count), "
                    + (quorumMet ? "đạt" : "không đạt")
                    + " tỷ lệ tối thiểu \(rule.quorum) tổng số thành viên; cuộc họp "
                    + (quorumMet ? "đủ điều kiện tiến hành." : "không đủ điều kiện biểu quyết.")))
        let results = review.results(present: present, roster: roster)
        body.append(.heading("II. NỘI DUNG", level: 1))
        body.append(
            Self.para(
                "Hội đồng xem xét kết quả đánh giá, xếp hạng và hồ sơ đề nghị; biểu quyết "
                    + (review.secret ? "bằng phiếu kín" : "công khai")
                    + ". Thành viên Hội đồng có xung đột lợi ích với đối tượng được đề nghị (kể cả khi chính mình được đề nghị) không biểu quyết đối với đối tượng đó và không được tính vào số thành viên biểu quyết."
                    + conflictSentence(results)))
        body.append(
            .table(
                Table(
                    columns: ["TT", "Tập thể, cá nhân", "Hình thức đề nghị", "Đồng ý", "Không đồng ý", "Không biểu quyết", "Tỷ lệ đồng ý", "Kết quả"],
                    rows: results.enumerated().map { index, r in
                        let share = r.voting > 0 ? Numbers.vietnamese(Double(r.tally.agree) * 100 / Double(r.voting), maxFractionDigits: 1) + "%" : "—"
                        return [
                            "\(index + 1)", name(r.nominee.participant), awardLabel(r.nominee.award, period: review.period), "\(r.tally.agree)",
                            "\(r.tally.disagree)",
                            "\(r.tally.conflict)", share, r.approved ? "Đề nghị khen thưởng" : "Không đề nghị",
                        ]
                    }, widths: [0.5, 3, 3, 1, 1.1, 1.2, 1, 1.5])))
        body.append(.heading("III. KẾT LUẬN", level: 1))
        let approved = results.filter(\.approved)
        body.append(
            Self.para(
                approved.isEmpty
                    ? "Không có đối tượng nào đạt tỷ lệ đồng ý cần thiết."
                    : "Hội đồng thống nhất đề nghị khen thưởng \(Self.count(Array(Set(approved.map(\.nominee.participant))))) (\(approved.count) lượt đề nghị): "
                        + approved.map { "\(name($0.nominee.participant)) – \(awardLabel($0.nominee.award, period: review.period))" }.joined(separator: "; ")
                        + "."))
        body.append(Self.para("Biên bản kết thúc vào hồi … giờ … cùng ngày, đã thông qua cho các thành viên dự họp cùng nghe và thống nhất."))
        let chair = review.members.first { $0.isChair }
        let secretary = review.members.first { $0.isSecretary }
        return Document(
            header: bodyHeader(
                issuerLine: reviewingBody.headerLine ?? reviewingBody.name.uppercased(), type: "BB", bodySymbol: reviewingBody.symbol ?? "HĐTĐKT",
                placeAndDate: "\(plan.place), \(PartialDate(day: closing?.date.day, month: closing?.date.month, year: review.date.year).vietnamese)"),
            kindName: "BIÊN BẢN", summary: ["Họp \(reviewingBody.inText ?? reviewingBody.name) bình xét khen thưởng \(review.period.vietnamese)"], body: body,
            signatures: [
                Signature(authority: "THƯ KÝ", title: "", name: closing?.secretary ?? secretary?.name),
                Signature(authority: "CHỦ TRÌ", title: "", name: closing?.chair ?? chair?.name),
            ], page: .wide)
    }

    /// Who did not vote on whom because of a conflict, named, so the minutes agree with the table.
    func conflictSentence(_ results: [NomineeResult]) -> String {
        let withConflict = results.filter { $0.tally.conflict > 0 }
        guard !withConflict.isEmpty else { return " Không có thành viên nào phải tránh biểu quyết do xung đột lợi ích." }
        return " Số thành viên không biểu quyết do xung đột lợi ích: "
            + withConflict.map { "\($0.tally.conflict) đối với \(name($0.nominee.participant)) (dòng \(results.firstIndex(of: $0).map { $0 + 1 } ?? 0))" }
            .joined(separator: "; ") + "."
    }
}

extension CivilDate {
    /// "ngày 20 tháng 11 năm 2026".
    var longVietnamese: String { "ngày \(day < 10 ? "0\(day)" : "\(day)") tháng \(month) năm \(year)" }
}
