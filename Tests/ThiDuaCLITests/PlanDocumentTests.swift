import Foundation
import Testing

/// The plan of each seed, re-issued from its campaign file, holds every line and number of the seed.
@Suite("Seed plans re-issued")
struct PlanDocumentTests {
    /// Lines of a seed that the re-issued plan prints differently on purpose, with the reason.
    static let deliberateDifferences: [String: [String: String]] = [
        "nam-gia-nghia-cchc-2026": [
            "Triển khai thực hiện và hoàn thành các nhiệm vụ trong Kế hoạch cải cách hành chính của UBND tỉnh và UBND phường năm 2026; phân đấu xếp hạng Chỉ số cải cách hành chính trong топ dẫn đầu.":
                "Cyrillic «топ» is an encoding accident; the file writes «top»"
        ]
    ]

    /// Removes what is markup in either text, and folds white space, so sentences compare.
    static func plain(_ text: String) -> String {
        var out = text.replacingOccurrences(of: "\\", with: "")
        for mark in ["*", "#"] { out = out.replacingOccurrences(of: mark, with: "") }
        return out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A seed line without its list marker.
    static func seedFragment(_ line: String) -> String {
        var text = plain(line)
        while let first = text.first, first == "-" || first == "+", text.dropFirst().first == " " {
            text = String(text.dropFirst(2))
        }
        return text
    }

    static func seedLines(_ id: String) -> [String] {
        let text = (try? String(contentsOf: Harness.seeds.appendingPathComponent("\(id).txt"), encoding: .utf8)) ?? ""
        return text.components(separatedBy: "\n").map(seedFragment).filter { !$0.isEmpty }
    }

    @Test("the Markdown plan matches its golden file", arguments: Harness.seedIDs)
    func golden(_ id: String) {
        let result = Harness.run(["doc", id, "plan", "--format", "md"])
        #expect(result.code == 0, "\(result.errors)")
        Harness.assertGolden(result.output, "\(id).plan.md")
    }

    @Test("the HTML plan matches its golden file", arguments: Harness.seedIDs)
    func goldenHTML(_ id: String) {
        let result = Harness.run(["doc", id, "plan", "--format", "html"])
        #expect(result.code == 0, "\(result.errors)")
        Harness.assertGolden(result.output, "\(id).plan.html")
    }

    @Test("every line of the seed is in the re-issued plan", arguments: Harness.seedIDs)
    func everyLine(_ id: String) {
        let rendered = Self.plain(Harness.run(["doc", id, "plan", "--format", "md"]).output)
        let skip = Self.deliberateDifferences[id] ?? [:]
        var missing: [String] = []
        for line in Self.seedLines(id) where skip[line] == nil {
            // The header's number and date lines print in the decree's form (blanks as "…").
            if line.hasPrefix("Số") || line.range(of: #"^[^,]{1,40}, ngày"#, options: .regularExpression) != nil { continue }
            // A recipient line gains its purpose before the ";" ("Chủ tịch UBND phường (Báo cáo);").
            var bare = line
            while let last = bare.last, ";.,".contains(last) { bare.removeLast() }
            if !rendered.contains(line) && !rendered.contains(bare + " (") { missing.append(line) }
        }
        #expect(missing.isEmpty, "lines of the seed missing from the plan:\n\(missing.joined(separator: "\n"))")
        #expect(Self.seedLines(id).count > 20)
    }

    @Test("every number and date of the seed is in the re-issued plan", arguments: Harness.seedIDs)
    func everyNumber(_ id: String) throws {
        let seed = try String(contentsOf: Harness.seeds.appendingPathComponent("\(id).txt"), encoding: .utf8)
        let rendered = Harness.run(["doc", id, "plan", "--format", "md"]).output
        let regex = try NSRegularExpression(pattern: #"\d+(?:[/.,-]\d+)*%?"#)
        let tokens = regex.matches(in: seed, range: NSRange(seed.startIndex..., in: seed)).compactMap {
            Range($0.range, in: seed).map { String(seed[$0]) }
        }
        #expect(!tokens.isEmpty)
        let missing = Set(tokens.filter { !rendered.contains($0) })
        #expect(missing.isEmpty, "numbers of the seed missing from the plan: \(missing.sorted())")
    }

    @Test("the plan carries the decree's header and the signer", arguments: Harness.seedIDs)
    func frame(_ id: String) {
        let md = Harness.run(["doc", id, "plan", "--format", "md"]).output
        #expect(md.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(md.contains("Độc lập - Tự do - Hạnh phúc"))
        #expect(md.contains("/KH-UBND"))
        #expect(md.contains("## KẾ HOẠCH"))
        #expect(md.contains("***Nơi nhận:***"))
        #expect(md.contains("CHỦ TỊCH"))
    }
}
