import ThiDuaCore

/// A server-rendered bar chart (SVG, no script): one bar per milestone, received against
/// expected. Black on white with patterns of weight, so it reads on paper; the table under it
/// and the `<title>`/`<desc>` carry the same figures for screen readers.
enum ProgressChart {
    static func svg(_ milestones: [MilestoneProgress], id: String, title: String, today: CivilDate) -> String {
        let rowHeight = 28
        let labelWidth = 260
        let barWidth = 360
        let height = milestones.count * rowHeight + 10
        var bars: [String] = []
        var summary: [String] = []
        for (index, milestone) in milestones.enumerated() {
            let y = 5 + index * rowHeight
            let expected = milestone.expected ?? 0
            let share = expected > 0 ? min(1, Double(milestone.received) / Double(expected)) : 0
            let filled = Int((share * Double(barWidth)).rounded())
            let label = "\(milestone.title) (\(milestone.due.vietnamese))"
            let short = label.count > 40 ? String(label.prefix(39)) + "…" : label
            let fill = milestone.state == .overdue ? "#a4161a" : "#1d4f91"
            bars.append(
                """
                <text x="0" y="\(y + 17)" font-size="12">\(HTML.escape(short))</text>
                <rect x="\(labelWidth)" y="\(y + 4)" width="\(barWidth)" height="18" fill="#ffffff" stroke="#0b0c0c"/>
                <rect x="\(labelWidth)" y="\(y + 4)" width="\(filled)" height="18" fill="\(fill)"/>
                <text x="\(labelWidth + barWidth + 8)" y="\(y + 17)" font-size="12">\(HTML.escape(milestone.fraction))</text>
                """)
            summary.append("\(label): \(milestone.fraction)")
        }
        let width = labelWidth + barWidth + 60
        return """
            <figure class="chart">
            <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="\(id)-tieu-de \(id)-mo-ta" viewBox="0 0 \(width) \(height)" width="100%" font-family="Liberation Sans, Arial, sans-serif">
            <title id="\(id)-tieu-de">\(HTML.escape(title))</title>
            <desc id="\(id)-mo-ta">\(HTML.escape(summary.joined(separator: "; ")))</desc>
            \(bars.joined(separator: "\n"))
            </svg>
            <figcaption>\(HTML.escape(title)). Màu đỏ: đã quá hạn mà còn thiếu. Số liệu chi tiết ở bảng dưới.</figcaption>
            </figure>

            """
    }
}
