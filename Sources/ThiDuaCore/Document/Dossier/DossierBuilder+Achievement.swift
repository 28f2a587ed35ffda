import Foundation
import ThiDuaBase

extension DossierBuilder {
    // MARK: Báo cáo thành tích (Mẫu 02, 03)

    /// The achievement report of a nominee in the shape of Mẫu số 02 (collective) or 03
    /// (individual): the particulars, I. Sơ lược lý lịch / đặc điểm, II. Thành tích đạt được in
    /// sentences with the figures, III. the awards already received (past ones only: never the
    /// one now proposed). Nothing in it depends on the day it is printed.
    public func achievementReport(_ who: ParticipantRef, evaluation: Evaluation) -> Document {
        let standing = evaluation.standings.first { $0.participant == who }
        let collective = who.kind == .collective
        var body: [Block] = []
        if collective {
            let unit = roster.units.first { $0.id == who.id }
            body.append(Self.para("Tên tập thể: \(name(who))."))
            body.append(Self.para("Địa chỉ: \(plan.issuer.name.replacingOccurrences(of: "Ủy ban nhân dân ", with: "")).".capitalizedFirstLetter))
            body.append(.heading("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", level: 1))
            body.append(
                Self.para(
                    "\(name(who)) là \(unit?.kind.vietnamese ?? "đơn vị") thuộc \(issuerName), có \(roster.people(in: who.id).count) cán bộ, công chức và người lao động."
                ))
            body.append(Self.blank("Đặc điểm, tình hình; chức năng, nhiệm vụ được giao", lines: 3))
        } else {
            let person = roster.people.first { $0.id == who.id }
            body.append(Self.para("Họ và tên: \(name(who))."))
            body.append(Self.para("Ngày, tháng, năm sinh: \(person?.birthDate?.vietnamese ?? "……")."))
            body.append(Self.para("Chức vụ, đơn vị công tác: \(CampaignActions.detail(who, roster))."))
            body.append(.heading("I. SƠ LƯỢC LÝ LỊCH", level: 1))
            body.append(Self.blank("Quá trình công tác; trình độ chuyên môn, lý luận chính trị; quyền hạn, nhiệm vụ được giao", lines: 3))
        }
        body.append(.heading("II. THÀNH TÍCH ĐẠT ĐƯỢC", level: 1))
        body += achievementProse(who, standing: standing, evaluation: evaluation)
        body.append(Self.blank("Biện pháp, giải pháp công tác; sáng kiến; việc thực hiện chủ trương, chính sách", lines: 4))
        body.append(.heading("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", level: 1))
        let past = pastAwards(who, before: evaluation.period)
        body.append(
            past.isEmpty
                ? Self.blank("Danh hiệu thi đua, hình thức khen thưởng đã nhận (năm, số quyết định)", lines: 2) : .list(.dash, past.map { ListItem($0) }))
        let files = evidenceNames(of: who)
        if !files.isEmpty { body.append(Self.para("Tài liệu minh chứng kèm theo: \(files.joined(separator: "; ")).")) }
        return Document(
            header: DocumentHeader(
                issuerLines: collective ? [name(who).uppercased()] : plan.issuer.headerLines, numberLine: nil,
                placeAndDate: "\(plan.place), \(PartialDate(year: evaluation.period.year).vietnamese)"),
            kindName: "BÁO CÁO THÀNH TÍCH",
            summary: [
                "Đề nghị tặng Giấy khen", "\(collective ? "tập thể" : "cá nhân") có thành tích trong \(plan.movementName)",
                collective ? "(Mẫu số 02)" : "(Mẫu số 03)",
            ],
            body: body,
            signatures: collective
                ? [Signature(authority: "XÁC NHẬN CỦA CẤP TRÌNH KHEN", title: "", name: nil), Signature(authority: "THỦ TRƯỞNG ĐƠN VỊ", title: "", name: nil)]
                : [
                    Signature(authority: "XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ", title: "", name: nil),
                    Signature(authority: "NGƯỜI BÁO CÁO THÀNH TÍCH", title: "", name: name(who)),
                ])
    }

    /// The evidence files recorded for a participant, by their display names, oldest first:
    /// a unit's own (evidence is recorded per unit, so a person has none of his own); withdrawn
    /// files are not in the state's list.
    func evidenceNames(of who: ParticipantRef) -> [String] {
        guard who.kind == .collective else { return [] }
        return state.evidence.filter { $0.unit == who.id }.map(\.name)
    }

    /// Section II in sentences: the criteria met (by their text, never their code), the figures
    /// against the plan's targets, the rank.
    func achievementProse(_ who: ParticipantRef, standing: Standing?, evaluation: Evaluation) -> [Block] {
        guard let standing else { return [Self.blank("Kết quả thực hiện nhiệm vụ, chỉ tiêu thi đua", lines: 4)] }
        var out: [Block] = []
        let subject = who.kind == .collective ? name(who) : "đồng chí \(name(who))"
        let met = standing.criteria.filter { $0.truth == .met }.map { Self.sentenceFragment(Self.withoutNumber($0.text)) }
        let notMet = standing.criteria.filter { $0.truth != .met }.map { Self.sentenceFragment(Self.withoutNumber($0.text)) }
        if !met.isEmpty {
            out.append(
                Self.para(
                    "Trong \(evaluation.period.vietnamese), thực hiện \(plan.movementName), \(subject) đã đạt \(met.count)/\(standing.criteria.count) tiêu chí thi đua: \(met.joined(separator: "; "))."
                ))
        }
        if !notMet.isEmpty {
            out.append(Self.para("Các tiêu chí chưa đạt hoặc chưa có số liệu: \(notMet.joined(separator: "; "))."))
        }
        // What the unit or person declared of the type's checks (kỷ luật, sáng kiến…), with the evidence.
        // A check a form attests (the unit's proposal of a person) is the unit's word, not the person's.
        let byForms = Set(campaign.definition.forms.compactMap(\.attests))
        func declared(_ fromForms: Bool, _ label: String) -> [String] {
            campaign.definition.attestedChecks.filter { byForms.contains($0.id) == fromForms }.compactMap { check -> String? in
                guard let a = facts.assessment(of: check.id, by: who, in: evaluation.period), a.met == true else { return nil }
                return Self.sentenceFragment(check.title)
                    + (a.evidence.map { " (\(label): \($0.trimmingCharacters(in: CharacterSet(charactersIn: " .;"))))" } ?? "")
            }
        }
        let own = declared(false, "minh chứng")
        if !own.isEmpty {
            out.append(Self.para("Kết quả tự đánh giá theo tiêu chuẩn khen thưởng: \(own.joined(separator: "; "))."))
        }
        let attested = declared(true, "văn bản")
        if !attested.isEmpty { out.append(Self.para("Đơn vị xác nhận: \(attested.joined(separator: "; ")).")) }
        let evaluator = RuleEvaluator(facts: facts, period: evaluation.period)
        let figures = standing.indicators.compactMap { i -> String? in
            guard let value = i.value else { return nil }
            var text = "\(Self.sentenceFragment(i.title)) đạt \(evaluator.format(value, i.indicator))"
            if let target = i.target {
                text += " (chỉ tiêu kế hoạch: \(target.comparison.words) \(evaluator.format(target.value, i.indicator, fixed: false)))"
            }
            return text
        }
        if !figures.isEmpty { out.append(Self.para("Kết quả các chỉ tiêu: \(figures.joined(separator: "; ")).")) }
        if let rank = standing.rank {
            let of = evaluation.standings.filter { $0.participant.kind == who.kind && $0.rank != nil }.count
            out.append(Self.para("Kết quả đánh giá, xếp hạng: xếp thứ \(rank)/\(of) \(who.kind.vietnamese) tham gia phong trào."))
        }
        if out.isEmpty { out.append(Self.blank("Kết quả thực hiện nhiệm vụ, chỉ tiêu thi đua", lines: 4)) }
        return out
    }

    /// The awards received in the years before this period, as the ledger gives them, without
    /// the internal listing names of campaigns. Awards of the period itself (the one now
    /// proposed, or decided the same day in another campaign) are not yet "đã được khen thưởng".
    func pastAwards(_ who: ParticipantRef, before period: EvaluationPeriod) -> [String] {
        (history[who] ?? []).compactMap { line in
            // Lines read "Năm 2025: …".
            if let year = Int(line.dropFirst("Năm ".count).prefix(4)), year >= period.year { return nil }
            guard let open = line.range(of: " («", options: .backwards) else { return line }
            return String(line[..<open.lowerBound])
        }
    }

    /// A criterion's sentence without the plan's numbering ("1.2. 100% …" → "100% …"), for a
    /// list inside a sentence.
    static func withoutNumber(_ text: String) -> String {
        guard let match = text.range(of: #"^\d+(\.\d+)*\.\s+"#, options: .regularExpression) else { return text }
        return String(text[match.upperBound...])
    }

    /// A plan's sentence as part of a longer one: no final stop, first letter lower-cased
    /// unless it starts a proper name.
    static func sentenceFragment(_ text: String) -> String {
        var t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = t.last, last == "." || last == ";" || last == ":" { t.removeLast() }
        let words = t.split(separator: " ", maxSplits: 2)
        // "Chỉ số CCHC …" stays; "Hoàn thành …" → "hoàn thành …".
        if let first = words.first, first.count > 1, words.count > 1, let second = words[1].first, !second.isUppercase {
            return t.lowercasedFirst
        }
        return t
    }
}

extension Comparison {
    /// In words for official prose: "không thấp hơn", "không quá".
    var words: String {
        switch self {
        case .atLeast: "không thấp hơn"
        case .greaterThan: "cao hơn"
        case .equal: "bằng"
        case .atMost: "không quá"
        case .lessThan: "dưới"
        }
    }
}
