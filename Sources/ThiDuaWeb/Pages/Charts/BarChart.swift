/// A horizontal bar chart drawn on the server: one bar per row against the row's own scale, a
/// dashed mark where its target lies, the figure and a word ("đạt", "không đạt") after each bar.
///
/// Readable in black and white: rows that miss the target are hatched (not only red), the whole
/// ward is solid black, every bar carries its figure in words; a table with the same figures
/// follows the chart for screen readers and for copying.
struct BarChart {
    /// How a bar is filled.
    enum Style: CaseIterable {
        /// Meets its target (or has none to meet): solid blue.
        case met
        /// Misses its target: red diagonal hatching with a red edge.
        case notMet
        /// The ward (or commune) as a whole: solid black.
        case whole
        /// A score or count with no target: solid blue.
        case neutral
    }

    struct Row {
        var label: String
        /// nil: drawn as "Chưa có số liệu".
        var value: Double?
        /// The value at the right end of the bar's track (> 0).
        var scale: Double
        var target: Double?
        /// The figure after the bar ("85,5%", "8/10 tiêu chí").
        var valueText: String
        /// A word after the figure ("đạt", "không đạt").
        var note: String = ""
        var style: Style = .met
        /// The viewer's own unit: bold label, heavy outline.
        var highlighted: Bool = false
        /// The row's cells in the table under the chart.
        var cells: [String]
    }

    var id: String
    var title: String
    var rows: [Row]
    /// The table's column headings (one per cell of each row).
    var columns: [String]
    /// Ticks of a shared axis (value, label), when every row has the same scale.
    var axis: [(Double, String)] = []
    /// The words above a target shared by every row ("Chỉ tiêu > 85%").
    var targetLabel: String?
    /// Sentence read by screen readers after the title (the figures are in the table).
    var summary: String = ""
    /// Rows beyond this are in the table only.
    var maxRows = 30

    /// Each label on its own line above its bar (long indicator titles), instead of beside it.
    var labelsAbove = false

    static let width = 720.0
    static let barHeight = 16.0
    var labelRight: Double { labelsAbove ? 0 : 236 }
    var trackX: Double { labelsAbove ? 0 : 244 }
    var trackWidth: Double { labelsAbove ? 480 : 300 }
    var rowHeight: Double { labelsAbove ? 40 : 26 }
    static let fontSize = 12.0

    /// The `<svg>` alone.
    var svg: String {
        let shown = Array(rows.prefix(maxRows))
        let top: Double = targetLabel != nil ? 24 : 8
        let axisHeight: Double = axis.isEmpty ? 0 : 22
        let more: Double = rows.count > shown.count ? 20 : 0
        let styles = Set(shown.filter { $0.value != nil }.map(\.style))
        let hasTarget = shown.contains { $0.target != nil }
        let legendItems = Self.Style.allCases.filter(styles.contains).count + (hasTarget ? 1 : 0)
        let legendHeight: Double = legendItems > 0 ? 28 : 0
        let empty = shown.isEmpty
        let height = empty ? 64 : top + Double(shown.count) * rowHeight + axisHeight + more + legendHeight + 6
        let description = summary.isEmpty ? (empty ? "Chưa có số liệu." : "Số liệu chi tiết ở bảng ngay sau biểu đồ.") : summary
        return SVGBuilder.document(id: id, width: Self.width, height: height, title: title, description: description) { svg in
            guard !empty else {
                svg.text([("x", "360"), ("y", "38"), ("text-anchor", "middle"), ("font-size", "16")], "Chưa có số liệu")
                return
            }
            Self.patterns(id, into: &svg)
            if let targetLabel, let first = shown.first(where: { $0.target != nil }), let target = first.target {
                let x = trackX + trackWidth * Self.share(target, first.scale)
                let anchor = x > Self.width - 90 ? "end" : (x < trackX + 60 ? "start" : "middle")
                svg.text([("x", SVGBuilder.number(x)), ("y", "16"), ("text-anchor", anchor), ("font-weight", "bold")], targetLabel)
            }
            for (index, row) in shown.enumerated() {
                draw(row, id: id, y: top + Double(index) * rowHeight, into: &svg)
            }
            var y = top + Double(shown.count) * rowHeight
            if !axis.isEmpty {
                let scale = shown[0].scale
                svg.empty(
                    "line",
                    [
                        ("x1", SVGBuilder.number(trackX)), ("y1", SVGBuilder.number(y + 2)), ("x2", SVGBuilder.number(trackX + trackWidth)),
                        ("y2", SVGBuilder.number(y + 2)), ("stroke", "#505a5f"),
                    ])
                for (value, label) in axis {
                    let x = trackX + trackWidth * Self.share(value, scale)
                    svg.empty(
                        "line",
                        [
                            ("x1", SVGBuilder.number(x)), ("y1", SVGBuilder.number(y + 2)), ("x2", SVGBuilder.number(x)), ("y2", SVGBuilder.number(y + 6)),
                            ("stroke", "#505a5f"),
                        ])
                    svg.text([("x", SVGBuilder.number(x)), ("y", SVGBuilder.number(y + 18)), ("text-anchor", "middle"), ("font-size", "11")], label)
                }
                y += axisHeight
            }
            if rows.count > shown.count {
                svg.text([("x", "0"), ("y", SVGBuilder.number(y + 14))], "… và \(rows.count - shown.count) dòng khác (xem bảng dưới).")
                y += more
            }
            if legendHeight > 0 {
                Self.legend(styles: styles, target: hasTarget, id: id, y: y + 8, into: &svg)
            }
        }
    }

    /// The chart in a `<figure>` with its caption, then the table of the same figures.
    var html: String {
        let header = columns.map { "<th scope=\"col\">\(SVGBuilder.escape($0))</th>" }.joined()
        let body = rows.map { row in
            "<tr>" + row.cells.map { "<td>\(SVGBuilder.escape($0))</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        return """
            <figure class="chart">
            \(svg)
            <figcaption>\(SVGBuilder.escape(title))</figcaption>
            </figure>
            \(rows.isEmpty ? "" : """
            <table class="chart-data">
            <caption>Số liệu của biểu đồ: \(SVGBuilder.escape(title))</caption>
            <thead><tr>\(header)</tr></thead>
            <tbody>
            \(body)
            </tbody>
            </table>
            """)

            """
    }

    /// Where `value` falls on a track of `scale`, from 0 to 1.
    static func share(_ value: Double, _ scale: Double) -> Double {
        guard scale > 0, value.isFinite else { return 0 }
        return min(1, max(0, value / scale))
    }

    static func patterns(_ id: String, into svg: inout SVGBuilder) {
        svg.open("defs")
        svg.open("pattern", [("id", "\(id)-gach"), ("width", "6"), ("height", "6"), ("patternUnits", "userSpaceOnUse"), ("patternTransform", "rotate(45)")])
        svg.empty("rect", [("width", "6"), ("height", "6"), ("fill", "#ffffff")])
        svg.empty("line", [("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "6"), ("stroke", "#a4161a"), ("stroke-width", "3")])
        svg.close()
        svg.close()
        svg.newline()
    }

    static func fill(_ style: Style, id: String) -> (fill: String, stroke: String) {
        switch style {
        case .met, .neutral: ("#1d4f91", "#1d4f91")
        case .notMet: ("url(#\(id)-gach)", "#a4161a")
        case .whole: ("#0b0c0c", "#0b0c0c")
        }
    }

    func draw(_ row: Row, id: String, y: Double, into svg: inout SVGBuilder) {
        let n = SVGBuilder.number
        let fontSize = Self.fontSize
        let barHeight = Self.barHeight
        let label = SVGBuilder.fit(row.label, width: labelsAbove ? Self.width - 10 : labelRight - 4, fontSize: fontSize)
        var labelAttributes: [SVGBuilder.Attribute] =
            labelsAbove ? [("x", "0"), ("y", n(y + 13))] : [("x", n(labelRight)), ("y", n(y + 17)), ("text-anchor", "end")]
        if row.highlighted || row.style == .whole { labelAttributes.append(("font-weight", "bold")) }
        svg.text(labelAttributes, label, tooltip: label == row.label ? nil : row.label)
        // Beside the label, the bar is centred in the row; under it, the bar takes the row's lower part.
        let barY = labelsAbove ? y + 19 : y + (rowHeight - barHeight) / 2
        let textY = barY + 12
        svg.empty(
            "rect",
            [
                ("x", n(trackX)), ("y", n(barY)), ("width", n(trackWidth)), ("height", n(barHeight)), ("fill", "#ffffff"),
                ("stroke", row.highlighted ? "#0b0c0c" : "#505a5f"), ("stroke-width", row.highlighted ? "3" : "1"),
            ])
        let after: String
        if let value = row.value {
            let length = trackWidth * Self.share(value, row.scale)
            let (fill, stroke) = Self.fill(row.style, id: id)
            if length > 0 {
                svg.empty(
                    "rect",
                    [("class", "bar"), ("x", n(trackX)), ("y", n(barY)), ("width", n(length)), ("height", n(barHeight)), ("fill", fill), ("stroke", stroke)])
            }
            after = row.note.isEmpty ? row.valueText : "\(row.valueText) · \(row.note)"
        } else {
            svg.text([("x", n(trackX + 6)), ("y", n(textY)), ("font-style", "italic")], "Chưa có số liệu")
            after = row.note
        }
        if let target = row.target {
            let x = trackX + trackWidth * Self.share(target, row.scale)
            svg.empty(
                "line",
                [
                    ("class", "target"), ("x1", n(x)), ("y1", n(barY - 4)), ("x2", n(x)), ("y2", n(barY + barHeight + 4)), ("stroke", "#0b0c0c"),
                    ("stroke-width", "2"),
                    ("stroke-dasharray", "4 2"),
                ])
        }
        if !after.isEmpty {
            let text = SVGBuilder.fit(after, width: Self.width - trackX - trackWidth - 10, fontSize: fontSize)
            var attributes: [SVGBuilder.Attribute] = [("x", n(trackX + trackWidth + 8)), ("y", n(textY))]
            if row.highlighted { attributes.append(("font-weight", "bold")) }
            svg.text(attributes, text, tooltip: text == after ? nil : after)
        }
    }

    static func legend(styles: Set<Style>, target: Bool, id: String, y: Double, into svg: inout SVGBuilder) {
        let n = SVGBuilder.number
        var x = 0.0
        for style in Style.allCases where styles.contains(style) {
            let (fill, stroke) = fill(style, id: id)
            let words: String
            switch style {
            case .met: words = "Đạt chỉ tiêu"
            case .notMet: words = "Không đạt (gạch chéo)"
            case .whole: words = "Toàn phường, xã"
            case .neutral: words = "Điểm, số đạt được"
            }
            svg.empty("rect", [("x", n(x)), ("y", n(y)), ("width", "18"), ("height", "12"), ("fill", fill), ("stroke", stroke)])
            svg.text([("x", n(x + 24)), ("y", n(y + 11))], words)
            x += 24 + SVGBuilder.estimatedWidth(words, fontSize: fontSize) + 18
        }
        if target {
            svg.empty(
                "line",
                [
                    ("x1", n(x + 8)), ("y1", n(y - 2)), ("x2", n(x + 8)), ("y2", n(y + 14)), ("stroke", "#0b0c0c"), ("stroke-width", "2"),
                    ("stroke-dasharray", "4 2"),
                ])
            svg.text([("x", n(x + 18)), ("y", n(y + 11))], "Chỉ tiêu")
        }
    }
}
