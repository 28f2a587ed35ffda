import Foundation
import Testing

@testable import ThiDuaCore
@testable import ThiDuaWeb

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The SVG charts on their own: well-formed XML (Foundation's XMLParser), every text escaped,
/// bars to scale, Vietnamese numbers, and a readable "Chưa có số liệu" when there is nothing.
@Suite struct ChartTests {
    /// What XMLParser saw: elements with their attributes, and the text of every `<text>`.
    final class Reader: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var texts: [String] = []
        var current: String?
        var error: String?

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            elements.append((name, attributes))
            if name == "text" || name == "title" || name == "desc" { current = "" }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" || name == "title" || name == "desc", let text = current { texts.append(text) }
            current = nil
        }
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { error = "\(parseError)" }

        /// The elements named `name`.
        func all(_ name: String) -> [[String: String]] { elements.filter { $0.name == name }.map(\.attributes) }
    }

    static func parse(_ svg: String) -> Reader {
        let reader = Reader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        let ok = parser.parse()
        #expect(ok, "not well-formed: \(reader.error ?? "") in\n\(svg)")
        return reader
    }

    static let hostile = "<script>&\"'"

    static func progress(units: [(String, Double?, Truth)], target: Double = 80, measure: Measure = .percent) -> IndicatorProgress {
        IndicatorProgress(
            indicator: "ty-le", title: "Tỷ lệ hồ sơ đúng hạn", measure: measure, target: Target(.atLeast, target), campaign: nil, campaignTruth: nil,
            aggregateSentence: nil,
            units: units.enumerated().map { IndicatorProgress.UnitValue(unit: "dv-\($0.offset)", name: $0.element.0, value: $0.element.1, truth: $0.element.2) }
        )
    }

    @Test func barsScaleToTheirTrackAndTheTargetLineSitsAtTheTarget() throws {
        let item = Self.progress(units: [("Một", 50, .notMet), ("Hai", 100, .met), ("Ba", 85.5, .met)])
        let chart = try #require(Charts.indicator(item, id: "t"))
        let reader = Self.parse(chart.svg)
        let bars = reader.all("rect").filter { $0["class"] == "bar" }
        #expect(bars.map { $0["width"] } == ["150", "300", "256.5"])
        // Every bar starts at the track; the target (80%) is 240 px into a 300 px track.
        #expect(Set(bars.map { $0["x"] }) == [SVGBuilder.number(chart.trackX)])
        let targets = reader.all("line").filter { $0["class"] == "target" }
        #expect(targets.count == 3)
        #expect(Set(targets.map { $0["x1"] }) == [SVGBuilder.number(chart.trackX + 240)])
        // Missing the target is hatched, not only coloured; words say it too.
        #expect(bars[0]["fill"] == "url(#t-gach)")
        #expect(reader.texts.contains("50% · không đạt"))
        #expect(reader.texts.contains("85,5% · đạt"))
        #expect(reader.texts.contains("Chỉ tiêu ≥ 80%"))
        #expect(reader.all("pattern").first?["id"] == "t-gach")
        // The accessible name and description.
        let svg = try #require(reader.all("svg").first)
        #expect(svg["role"] == "img")
        #expect(svg["aria-label"] == "Tỷ lệ hồ sơ đúng hạn (chỉ tiêu ≥ 80%)")
        #expect(svg["aria-describedby"] == "t-mo-ta")
        #expect(reader.texts.contains("Tỷ lệ hồ sơ đúng hạn (chỉ tiêu ≥ 80%)"))
    }

    @Test func countsScaleToARoundNumberAboveTheLargestValue() throws {
        let item = Self.progress(units: [("Một", 3, .notMet), ("Hai", 7, .met)], target: 4, measure: .count)
        let chart = try #require(Charts.indicator(item, id: "c"))
        #expect(chart.rows.map(\.scale) == [10, 10])
        let reader = Self.parse(chart.svg)
        #expect(reader.all("rect").filter { $0["class"] == "bar" }.map { $0["width"] } == ["90", "210"])
        #expect(reader.texts.contains("7 · đạt"))
        #expect([1.0, 2, 2.5, 7, 10, 11, 0.3, 1250].map(ChartNumber.niceCeiling) == [1, 2, 2.5, 10, 10, 20, 0.5, 2000])
    }

    @Test func everyTextIsEscapedAndReadsBackAsWritten() throws {
        let name = Self.hostile + "\u{1B}\u{7}"
        let item = Self.progress(units: [(name, 90, .met)])
        let chart = try #require(Charts.indicator(item, id: "x"))
        let svg = chart.svg
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;&amp;&quot;&#39;"))
        let reader = Self.parse(svg)
        // Control characters (not allowed in XML) became spaces; the rest is the name as written.
        #expect(reader.texts.contains(Self.hostile + "  "))
        // The table under the chart: the same name, escaped the same way (no control character reaches the page).
        #expect(chart.html.contains("<td>&lt;script&gt;&amp;&quot;&#39;  </td>"))
        #expect(!chart.html.contains("<script>"))

        let milestone = MilestoneProgress(
            campaign: "p", milestone: "m", title: Self.hostile, due: CivilDate(year: 2026, month: 3, day: 1)!,
            lastDay: CivilDate(year: 2026, month: 3, day: 1)!,
            form: "f", expected: 2, received: 1, late: 0, state: .overdue, missing: ["a"])
        let roster = Roster(units: [ThiDuaCore.Unit(id: "a", name: Self.hostile, kind: .khac)], people: [])
        let timeline = Charts.deadlines([milestone], id: "h", title: "Thời hạn", today: CivilDate(year: 2026, month: 5, day: 1)!, roster: roster)
        let read = Self.parse(timeline.svg)
        #expect(read.texts.contains(Self.hostile))
        #expect(read.texts.contains("Chưa nộp: " + Self.hostile))
        #expect(!timeline.html.contains("<script>"))
    }

    @Test func nothingToDrawSaysSoInsteadOfABrokenChart() throws {
        let empty = BarChart(id: "e", title: "Xếp hạng", rows: [], columns: [])
        let reader = Self.parse(empty.svg)
        #expect(reader.texts.contains("Chưa có số liệu"))
        #expect(empty.html.contains("<figure class=\"chart\">"))
        #expect(!empty.html.contains("<table"))
        // Units without a value: their rows say so where the bar would be.
        let item = Self.progress(units: [("Một", nil, .missing)])
        let chart = try #require(Charts.indicator(item, id: "m"))
        let read = Self.parse(chart.svg)
        #expect(read.all("rect").filter { $0["class"] == "bar" }.isEmpty)
        #expect(read.texts.contains("Chưa có số liệu"))
        #expect(chart.html.contains("<td>Chưa có số liệu</td>"))
        let timeline = TimelineChart(id: "t", title: "Thời hạn", today: CivilDate(year: 2026, month: 1, day: 1)!, rows: [])
        #expect(Self.parse(timeline.svg).texts.contains("Chưa có số liệu"))
        // A campaign with no standings at all.
        let evaluation = Evaluation(
            campaign: "p", period: EvaluationPeriod(year: 2026), standings: [], indicators: [], registrations: [], locked: false)
        #expect(Self.parse(Charts.standings(evaluation, id: "s", campaign: "P").svg).texts.contains("Chưa có số liệu"))
    }

    @Test func numbersAreWrittenTheVietnameseWay() {
        #expect(ChartNumber.value(85.5, .percent) == "85,5%")
        #expect(ChartNumber.value(88, .percent) == "88%")
        #expect(ChartNumber.value(1250, .count) == "1.250")
        #expect(ChartNumber.decimal(1_250_000.25) == "1.250.000,3")
        #expect(ChartNumber.decimal(-0.04) == "0")
        #expect(ChartNumber.decimal(-2.5) == "-2,5")
        #expect(ChartNumber.value(86.25, .score) == "86,3 điểm")
        #expect(ChartNumber.target(Target(.greaterThan, 85), .percent) == "> 85%")
        #expect(SVGBuilder.number(12.25) == "12.3" || SVGBuilder.number(12.25) == "12.2")
        #expect(SVGBuilder.number(240) == "240")
    }

    @Test func timelinePlacesMilestonesByDateWithTodayMarked() throws {
        let day = { (m: Int, d: Int) in CivilDate(year: 2026, month: m, day: d)! }
        func milestone(_ title: String, _ due: CivilDate, _ state: MilestoneProgress.State, missing: [String] = []) -> MilestoneProgress {
            MilestoneProgress(
                campaign: "p", milestone: title, title: title, due: due, lastDay: due, form: "f", expected: 3, received: 3 - missing.count, late: 0,
                state: state, missing: missing)
        }
        let roster = Roster(
            units: [ThiDuaCore.Unit(id: "a", name: "Phòng Kinh tế", kind: .phongBan), ThiDuaCore.Unit(id: "b", name: "Tổ dân phố 2", kind: .khac)],
            people: [])
        let chart = Charts.deadlines(
            [
                milestone("Đăng ký", day(2, 15), .overdue, missing: ["a", "b"]), milestone("Sơ kết", day(6, 15), .done),
                milestone("Tổng kết", day(11, 15), .upcoming),
            ],
            id: "d", title: "Thời hạn", today: day(5, 1), roster: roster)
        let reader = Self.parse(chart.svg)
        #expect(reader.all("polygon").filter { $0["class"] == "moc-qua-han" }.count == 2)  // the row and the legend
        #expect(reader.all("circle").filter { $0["class"] == "moc-du" }.count == 2)
        let x = { (name: String) in
            Double(
                reader.all(name == "circle" ? "circle" : "line").first { $0["class"] == (name == "circle" ? "moc-du" : "today") }?[
                    name == "circle" ? "cx" : "x1"] ?? "") ?? -1
        }
        // 15/6 lies right of today (1/5), both inside the axis.
        #expect(x("today") > TimelineChart.axisX && x("today") < x("circle") && x("circle") < TimelineChart.axisRight)
        #expect(reader.texts.contains("Hôm nay 01/5/2026") || reader.texts.contains { $0.hasPrefix("Hôm nay ") })
        #expect(reader.texts.contains("Chưa nộp: Phòng Kinh tế, Tổ dân phố 2"))
        #expect(chart.html.contains("<td>Phòng Kinh tế, Tổ dân phố 2</td>"))
        #expect(TimelineChart.ticks(low: day(1, 1).ordinal, high: day(12, 31).ordinal).first?.1 == "T1/2026")
    }
}
