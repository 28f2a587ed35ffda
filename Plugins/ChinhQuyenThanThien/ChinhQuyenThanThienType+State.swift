import ThiDuaCore

/// What the type computes from a campaign's state: the signing rate and the citizens' satisfaction.
extension ChinhQuyenThanThienType {
    /// The people who signed the pledge ("Đồng ý cam kết": có) in or before a year, with the
    /// journal line of the latest signature.
    static func signers(in context: CampaignContext, upTo year: Int) -> (people: Set<String>, seq: Int) {
        var people = Set<String>()
        var seq = 0
        for row in context.rows(of: pledgeForm) where row.period.year <= year {
            guard let who = row.participant, who.kind == .individual, row["cam-ket"] == .yesNo(true) else { continue }
            people.insert(who.id)
            seq = max(seq, row.seq)
        }
        return (people, seq)
    }

    /// The years with rows of a form.
    static func years(of form: String, in context: CampaignContext) -> [Int] {
        Set(context.rows(of: form).map(\.period.year)).sorted()
    }

    /// `ty-le-ky-cam-ket`: officials enrolled who signed, in percent, each year from the first
    /// signature to the end of the plan (a signature holds for the years after). `hai-long`:
    /// satisfied answers in percent of the survey forms of the year, for the whole campaign and
    /// for each unit named on a form.
    public func derivedValues(in context: CampaignContext) -> [DerivedValue] {
        var out: [DerivedValue] = []
        let enrolled = Set(context.state.people)
        if let first = Self.years(of: Self.pledgeForm, in: context).first, !enrolled.isEmpty {
            for year in first...max(first, context.plan.period.end.year) {
                let (signed, seq) = Self.signers(in: context, upTo: year)
                let rate = Double(signed.intersection(enrolled).count) * 100 / Double(enrolled.count)
                out.append(DerivedValue(indicator: "ty-le-ky-cam-ket", participant: nil, period: EvaluationPeriod(year: year), value: rate, seq: seq))
            }
        }
        let satisfied = Set(Self.satisfied.map(VietnameseText.key))
        var tally: [String?: [Int: (Int, Int, Int)]] = [:]  // unit (nil: all) → year → (satisfied, answers, seq)
        for row in context.rows(of: Self.surveyForm) {
            guard let answer = row["muc-do"] else { continue }
            let yes = satisfied.contains(VietnameseText.key(answer.display)) ? 1 : 0
            var units: [String?] = [nil]
            if case .unit(let id)? = row["don-vi"] { units.append(id) }
            for unit in units {
                let before = tally[unit, default: [:]][row.period.year] ?? (0, 0, 0)
                tally[unit, default: [:]][row.period.year] = (before.0 + yes, before.1 + 1, max(before.2, row.seq))
            }
        }
        for (unit, years) in tally {
            for (year, (yes, all, seq)) in years {
                out.append(
                    DerivedValue(
                        indicator: "hai-long", participant: unit.map(ParticipantRef.unit), period: EvaluationPeriod(year: year),
                        value: Double(yes) * 100 / Double(all), seq: seq))
            }
        }
        return out
    }

    /// `cam-ket`: officials enrolled and signed, per unit, with the rate and who has not signed.
    public func section(_ section: ReportSection, in context: CampaignContext, period: EvaluationPeriod) -> SectionContent? {
        guard section.id == "cam-ket" else { return nil }
        let enrolled = context.state.people
        guard !enrolled.isEmpty else {
            return SectionContent(paragraphs: ["Chưa có cán bộ, công chức nào tham gia phong trào nên chưa có kết quả ký cam kết."])
        }
        let signed = Self.signers(in: context, upTo: period.year).people
        var order: [String] = []
        var counts: [String: (Int, Int)] = [:]
        var unitOf: [String: String] = [:]
        for person in context.roster.people where unitOf[person.id] == nil { unitOf[person.id] = person.unit }
        for person in enrolled {
            let unit = unitOf[person] ?? ""
            if counts[unit] == nil { order.append(unit) }
            let before = counts[unit] ?? (0, 0)
            counts[unit] = (before.0 + 1, before.1 + (signed.contains(person) ? 1 : 0))
        }
        func percent(_ part: Int, _ whole: Int) -> String { Numbers.vietnamese(Double(part) * 100 / Double(whole), maxFractionDigits: 1) }
        var rows = order.enumerated().map { i, unit -> [String] in
            let (all, yes) = counts[unit] ?? (0, 0)
            let name = unit.isEmpty ? "Không rõ đơn vị" : context.name(.unit(unit))
            return ["\(i + 1)", name, "\(all)", "\(yes)", percent(yes, all)]
        }
        let total = enrolled.filter(signed.contains).count
        rows.append(["", "Tổng cộng", "\(enrolled.count)", "\(total)", percent(total, enrolled.count)])
        var paragraphs = [
            "Đến hết \(period.vietnamese), \(total)/\(enrolled.count) cán bộ, công chức tham gia phong trào đã ký cam kết (tỷ lệ \(percent(total, enrolled.count))%)."
        ]
        let missing = enrolled.filter { !signed.contains($0) }
        if !missing.isEmpty {
            paragraphs.append(
                "Chưa ký cam kết: " + missing.prefix(10).map { context.name(.person($0)) }.joined(separator: ", ")
                    + (missing.count > 10 ? " và \(missing.count - 10) người khác." : "."))
        }
        return SectionContent(
            paragraphs: paragraphs, columns: ["TT", "Đơn vị", "Số cán bộ, công chức tham gia", "Đã ký cam kết", "Tỷ lệ (%)"], rows: rows,
            widths: [0.6, 4, 2, 1.6, 1.4], notes: ["Tỷ lệ = số người đã ký bản cam kết (đồng ý) / số người tham gia phong trào."])
    }
}
