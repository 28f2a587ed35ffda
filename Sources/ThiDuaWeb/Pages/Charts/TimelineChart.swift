import ThiDuaCore

/// A deadline timeline drawn on the server: each milestone on its own line at its date on a
/// time axis, today as a solid vertical line, and under each milestone who has not sent it yet.
///
/// Readable in black and white: the state is a shape (filled circle: done; triangle: overdue;
/// hollow diamond: not due yet; bar: a date to note) and a word on the line, never a colour alone.
struct TimelineChart {
    enum Mark: CaseIterable {
        case done, overdue, upcoming, marker

        var words: String {
            switch self {
            case .done: "Đã đủ"
            case .overdue: "Quá hạn, còn thiếu"
            case .upcoming: "Chưa đến hạn"
            case .marker: "Mốc thời gian"
            }
        }
    }

    struct Row {
        var title: String
        /// The campaign's name, on a timeline across campaigns.
        var campaign: String?
        var date: CivilDate
        /// The date as the plan says it ("trước 15/11/2026").
        var dateText: String
        var mark: Mark
        /// "Quá hạn · 2/5".
        var stateText: String
        /// Names of those who have not sent it (all of them; the chart shortens, the table does not).
        var missing: [String] = []
    }

    var id: String
    var title: String
    var today: CivilDate
    var rows: [Row]
    var summary: String = ""
    /// Rows beyond this are in the table only.
    var maxRows = 25
    /// When set and there are many rows, the chart draws only those overdue or due within these
    /// days around today (a five-year plan has dozens); the table keeps them all.
    var window: Int?

    /// The rows the chart draws.
    var drawn: [Row] {
        guard let window, rows.count > 12 else { return Array(rows.prefix(maxRows)) }
        let from = today.adding(days: -window)
        let to = today.adding(days: window)
        let near = rows.filter { $0.mark == .overdue || ($0.date >= from && $0.date <= to) }
        return Array((near.isEmpty ? Array(rows.suffix(12)) : near).prefix(maxRows))
    }

    static let width = 720.0
    static let axisX = 300.0
    static let axisRight = 700.0
    static let fontSize = 12.0

    /// The `<svg>` alone.
    var svg: String {
        let shown = drawn
        let n = SVGBuilder.number
        let lines = shown.map { row in
            row.missing.isEmpty
                ? []
                : SVGBuilder.wrap("Chưa nộp: " + row.missing.joined(separator: ", "), width: Self.axisRight - 12, fontSize: 11, lines: 3)
        }
        let heights = zip(shown, lines).map { row, lines in 36 + (row.campaign == nil ? 0 : 14) + Double(lines.count) * 14 }
        let top = 30.0
        let body = heights.reduce(0, +)
        let more: Double = rows.count > shown.count ? 20 : 0
        let height = shown.isEmpty ? 64 : top + body + 30 + more + 30
        let description = summary.isEmpty ? (shown.isEmpty ? "Chưa có số liệu." : "Số liệu chi tiết ở bảng ngay sau biểu đồ.") : summary
        let (low, high) = Self.span(shown.map(\.date) + [today])
        func x(_ date: CivilDate) -> Double {
            Self.axisX + (Self.axisRight - Self.axisX) * Double(date.ordinal - low) / Double(max(1, high - low))
        }
        return SVGBuilder.document(id: id, width: Self.width, height: height, title: title, description: description) { svg in
            guard !shown.isEmpty else {
                svg.text([("x", "360"), ("y", "38"), ("text-anchor", "middle"), ("font-size", "16")], "Chưa có số liệu")
                return
            }
            // Today, across every line.
            let todayX = x(today)
            let bottom = top + body
            let anchor = todayX > Self.axisRight - 80 ? "end" : "middle"
            svg.text([("x", n(todayX)), ("y", "14"), ("text-anchor", anchor), ("font-weight", "bold")], "Hôm nay \(today.vietnamese)")
            svg.empty(
                "line",
                [("class", "today"), ("x1", n(todayX)), ("y1", "20"), ("x2", n(todayX)), ("y2", n(bottom + 4)), ("stroke", "#0b0c0c"), ("stroke-width", "2")])
            var y = top
            for (index, row) in shown.enumerated() {
                let rowTop = y
                let middle = rowTop + 12
                svg.empty(
                    "line",
                    [
                        ("x1", n(Self.axisX)), ("y1", n(middle)), ("x2", n(Self.axisRight)), ("y2", n(middle)), ("stroke", "#b1b4b6"),
                        ("stroke-dasharray", "2 3"),
                    ])
                let title = SVGBuilder.fit(row.title, width: Self.axisX - 12, fontSize: Self.fontSize)
                svg.text([("x", "0"), ("y", n(rowTop + 16)), ("font-weight", "bold")], title, tooltip: title == row.title ? nil : row.title)
                svg.text(
                    [("x", "0"), ("y", n(rowTop + 31)), ("font-size", "11")],
                    SVGBuilder.fit("\(row.dateText) · \(row.stateText)", width: Self.axisX - 12, fontSize: 11))
                Self.mark(row.mark, x: x(row.date), y: middle, into: &svg)
                for (number, line) in lines[index].enumerated() {
                    svg.text([("x", "12"), ("y", n(rowTop + 46 + Double(number) * 14)), ("font-size", "11")], line)
                }
                y += heights[index]
            }
            // The axis: months (or every few months) between the first and last day.
            svg.empty("line", [("x1", n(Self.axisX)), ("y1", n(bottom + 4)), ("x2", n(Self.axisRight)), ("y2", n(bottom + 4)), ("stroke", "#505a5f")])
            for (day, label) in Self.ticks(low: low, high: high) {
                let tx = Self.axisX + (Self.axisRight - Self.axisX) * Double(day - low) / Double(max(1, high - low))
                svg.empty("line", [("x1", n(tx)), ("y1", n(bottom + 4)), ("x2", n(tx)), ("y2", n(bottom + 9)), ("stroke", "#505a5f")])
                svg.text([("x", n(tx)), ("y", n(bottom + 22)), ("text-anchor", "middle"), ("font-size", "11")], label)
            }
            var legendY = bottom + 30
            if rows.count > shown.count {
                svg.text([("x", "0"), ("y", n(legendY + 12))], "Biểu đồ vẽ \(shown.count)/\(rows.count) mốc gần hôm nay; đủ các mốc ở bảng dưới.")
                legendY += more
            }
            var lx = 0.0
            for mark in Mark.allCases {
                Self.mark(mark, x: lx + 8, y: legendY + 8, into: &svg)
                svg.text([("x", n(lx + 20)), ("y", n(legendY + 12))], mark.words)
                lx += 20 + SVGBuilder.estimatedWidth(mark.words, fontSize: Self.fontSize) + 20
            }
            svg.empty(
                "line", [("x1", n(lx + 6)), ("y1", n(legendY)), ("x2", n(lx + 6)), ("y2", n(legendY + 16)), ("stroke", "#0b0c0c"), ("stroke-width", "2")])
            svg.text([("x", n(lx + 14)), ("y", n(legendY + 12))], "Hôm nay")
        }
    }

    /// The chart in a `<figure>` with its caption (for a page whose own table says the same).
    var figure: String {
        """
        <figure class="chart">
        \(svg)
        <figcaption>\(SVGBuilder.escape(title))</figcaption>
        </figure>

        """
    }

    /// The figure, then the table of the same milestones (with who is missing when anyone is).
    var html: String {
        let names = rows.contains { !$0.missing.isEmpty }
        let campaigns = rows.contains { $0.campaign != nil }
        let body = rows.map { row in
            let who = row.missing.isEmpty ? "–" : row.missing.joined(separator: ", ")
            return (campaigns ? "<tr><td>\(SVGBuilder.escape(row.campaign ?? ""))</td>" : "<tr>")
                + "<td>\(SVGBuilder.escape(row.title))</td><td>\(SVGBuilder.escape(row.dateText))</td><td>\(SVGBuilder.escape(row.stateText))</td>"
                + (names ? "<td>\(SVGBuilder.escape(who))</td>" : "") + "</tr>"
        }.joined(separator: "\n")
        guard !rows.isEmpty else { return figure }
        return figure + """
            <table class="chart-data">
            <caption>Số liệu của biểu đồ: \(SVGBuilder.escape(title))</caption>
            <thead><tr>\(campaigns ? "<th scope=\"col\">Phong trào</th>" : "")<th scope="col">Việc cần nộp</th><th scope="col">Hạn</th><th scope="col">Tình trạng</th>\(names ? "<th scope=\"col\">Chưa nộp</th>" : "")</tr></thead>
            <tbody>
            \(body)
            </tbody>
            </table>

            """
    }

    /// The first and last day drawn (as ordinals): the dates with a margin, never a zero span.
    static func span(_ dates: [CivilDate]) -> (Int, Int) {
        let days = dates.map(\.ordinal)
        guard let first = days.min(), let last = days.max() else { return (0, 1) }
        let margin = max(10, (last - first) / 20)
        return (first - margin, last + margin)
    }

    /// Tick marks on the first day of months: every month, or every 2, 3, 6, 12 months so that
    /// no more than 8 are drawn; labelled "T3/2026".
    static func ticks(low: Int, high: Int) -> [(Int, String)] {
        let months = max(1, (high - low) / 30)
        let step = [1, 2, 3, 6, 12, 24, 60].first { months / $0 <= 8 } ?? 120
        var out: [(Int, String)] = []
        guard var date = CivilDate.fromOrdinal(low) else { return [] }
        guard var month = CivilDate(year: date.year, month: date.month, day: 1) else { return [] }
        if month.ordinal < low { month = month.addingMonths(1) }
        date = month
        while date.ordinal <= high, out.count < 40 {
            if (date.month - 1) % step == 0 {
                out.append((date.ordinal, step >= 12 ? String(date.year) : "T\(date.month)/\(date.year)"))
            }
            date = date.addingMonths(1)
        }
        return out
    }

    static func mark(_ mark: Mark, x: Double, y: Double, into svg: inout SVGBuilder) {
        let n = SVGBuilder.number
        switch mark {
        case .done:
            svg.empty("circle", [("class", "moc-du"), ("cx", n(x)), ("cy", n(y)), ("r", "6"), ("fill", "#1d4f91"), ("stroke", "#0b0c0c")])
        case .overdue:
            svg.empty(
                "polygon",
                [
                    ("class", "moc-qua-han"), ("points", "\(n(x)),\(n(y - 8)) \(n(x + 7)),\(n(y + 6)) \(n(x - 7)),\(n(y + 6))"), ("fill", "#a4161a"),
                    ("stroke", "#0b0c0c"),
                ])
        case .upcoming:
            svg.empty(
                "polygon",
                [
                    ("class", "moc-sap-toi"), ("points", "\(n(x)),\(n(y - 7)) \(n(x + 7)),\(n(y)) \(n(x)),\(n(y + 7)) \(n(x - 7)),\(n(y))"),
                    ("fill", "#ffffff"),
                    ("stroke", "#0b0c0c"), ("stroke-width", "2"),
                ])
        case .marker:
            svg.empty("rect", [("class", "moc"), ("x", n(x - 2)), ("y", n(y - 7)), ("width", "4"), ("height", "14"), ("fill", "#505a5f")])
        }
    }
}

extension CivilDate {
    /// The date of an ordinal day (the inverse of `ordinal`), nil outside the calendar's range.
    static func fromOrdinal(_ ordinal: Int) -> CivilDate? {
        // From the first of January of a year near it, day by day through the months.
        guard let anchor = CivilDate(year: 2000, month: 1, day: 1) else { return nil }
        return anchor.adding(days: ordinal - anchor.ordinal)
    }

    /// The same day of the month `count` months later (the first of the month is all we use).
    func addingMonths(_ count: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + count
        return CivilDate(year: index / 12, month: index % 12 + 1, day: min(day, CivilDate.daysIn(month: index % 12 + 1, year: index / 12))) ?? self
    }
}
