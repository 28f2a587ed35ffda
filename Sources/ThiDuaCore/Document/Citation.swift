import ThiDuaBase

/// How running text cites a document: "Kế hoạch số 04/KH-UBND ngày 03/01/2025 của Ủy ban nhân
/// dân phường Phùng Chí Kiên". A draft keeps its blanks where the official will write them, as
/// the header prints them: "Kế hoạch số      /KH-UBND ngày … tháng 3 năm 2026".
extension DocumentNumber {
    /// "số 04/KH-UBND", or "số      /KH-UBND" while the number is blank; "số 25-KH/ĐU".
    var cited: String { "số \(number ?? "     ")\(style == .state ? "/" : "-")\(symbol)" }
}

extension PartialDate {
    /// "ngày 03/01/2025" when the date is complete (as the seeds cite their bases); otherwise
    /// the draft form with a "…" for each blank part, "ngày … tháng 3 năm 2026".
    var cited: String { complete == nil ? vietnamese : "ngày \(vietnameseShort)" }

    /// "05/4/2023" style for running text, or what is known.
    var vietnameseShort: String {
        switch (day, month, year) {
        case let (d?, m?, y?): return "\(CivilDate.padDay(d))/\(m < 3 ? "0\(m)" : "\(m)")/\(y)"
        case let (nil, m?, y?): return "tháng \(m)/\(y)"
        case let (_, _, y?): return "năm \(y)"
        default: return "…"
        }
    }
}

extension CampaignPlan {
    /// "Kế hoạch số      /KH-UBND ngày … tháng 3 năm 2026 của Ủy ban nhân dân phường Minh Xuân".
    var citation: String {
        "\(documentKind.capitalizedFirst) \(number.cited) \(date.cited) của \(issuer.name)"
    }

    /// The plan's title on one line, to follow "về" in running text.
    var titleInText: String {
        var text = title.replacingOccurrences(of: "\n", with: " ")
        // "về Về việc …" would say "về" twice.
        if text.lowercased().hasPrefix("về việc ") { text = String(text.dropFirst("Về việc ".count)) }
        return text.lowercasedFirst
    }

    /// The movement's formal name for official documents, from the plan's title: "phong trào thi
    /// đua “Cải cách hành chính” trên địa bàn Phường 6 năm 2023". Never the internal listing name
    /// ("Cải cách hành chính 2023 — Phường 6"), which is for the software's lists only.
    public var movementName: String {
        var text = title.replacingOccurrences(of: "\n", with: " ")
        while text.contains("  ") { text = text.replacingOccurrences(of: "  ", with: " ") }
        // The plan's verb is not part of the name: "Phát động phong trào…", "Triển khai Phong trào…".
        for verb in ["Phát động ", "Triển khai ", "Tổ chức ", "Về việc ", "Kế hoạch "] where text.hasPrefix(verb) {
            text = String(text.dropFirst(verb.count))
        }
        text = text.lowercasedFirst
        if let range = text.range(of: "phong trào") { return String(text[range.lowerBound...]) }
        return text.hasPrefix("thi đua") ? "phong trào " + text : text
    }
}

extension AwardKind {
    /// The award's name after "Tặng" in a decision of its own grantor: "Giấy khen" rather than
    /// "Giấy khen của Chủ tịch UBND phường" under the chairman's own signature.
    var grantedName: String {
        if title.hasPrefix("Giấy khen") { return "Giấy khen" }
        return title
    }
}

extension String {
    /// "KẾ HOẠCH" → "Kế hoạch".
    var capitalizedFirst: String {
        let lower = lowercased()
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }

    /// "Phát động …" → "phát động …".
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
