import Foundation
import Testing
import ThiDuaCLI
import ThiDuaCore
import ThiDuaTestSupport

/// The sample ward of `thidua demo` in a fresh folder: 13 units and 40 people, and every campaign
/// of the repository run through a whole cycle (enrolment, forms, self-assessment, evaluation,
/// council review, decision) with fixed days.
struct DossierWard {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-dossier-ward-\(UUID().uuidString)")
        let demo = Harness.run(["--today", "2026-12-20", "--actor", "Lê Thị Ngọc Ánh", "demo", "--out", root.path, "--quiet"])
        try #require(demo.code == 0, "thidua demo failed: \(demo.output)\(demo.errors)")
    }

    func run(_ arguments: [String]) -> Harness.Result {
        Harness.run(["--workspace", root.path, "--today", "2026-12-20", "--actor", "Lê Thị Ngọc Ánh"] + arguments)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// What a campaign's PDFs must show, read from its file and journal.
struct DossierExpectations {
    let plan: CampaignPlan
    let state: CampaignState
    let roster: Roster

    init(workspace root: URL, campaign id: String) throws {
        let workspace = Workspace(root: root)
        roster = try workspace.loadRoster()
        let file = try #require(workspace.campaignFile(id))
        plan = try #require(CampaignLoader(registry: CompiledTypes.registry(for: workspace)).load(path: file.path).validPlan)
        state = CampaignState(events: try workspace.journal(for: id).read().events)
    }

    /// The texts a document of this file name must contain.
    func texts(for file: String) -> [String] {
        let kind = String(file.dropFirst(plan.id.count + 1).prefix { $0 != "." })
        let issuer = plan.issuer.headerLines.last ?? plan.issuer.name.uppercased()
        let nation = DocumentHeader.nationalName
        let signer = plan.signer.name.map { [$0] } ?? []
        let review = state.reviews.last { $0.closed != nil }
        switch kind {
        case "plan": return [nation, issuer, plan.documentKind, plan.title.components(separatedBy: "\n")[0]] + signer
        case _ where kind.hasPrefix("form-"): return [nation, issuer, plan.name]
        case _ where kind.hasPrefix("nop-"): return [nation, issuer, plan.name, "NGƯỜI LẬP BIỂU"]
        case "so-ket", "tong-ket": return [nation, issuer, "BÁO CÁO", plan.name] + signer
        case "bien-ban":
            return [nation, "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG", "BIÊN BẢN", plan.name]
                + [review?.closed?.chair, review?.closed?.secretary].compactMap { $0 }
        case "to-trinh", "to-trinh-cap-tren": return [nation, issuer, "TỜ TRÌNH", "Kính gửi:"] + signer
        case _ where kind.hasPrefix("thanh-tich-"):
            // A collective reports under its own name; an individual under the ward.
            let unit = roster.units.first { kind == "thanh-tich-\($0.id)" }
            return [nation, unit?.name.uppercased() ?? issuer, "BÁO CÁO THÀNH TÍCH", "THỦ TRƯỞNG ĐƠN VỊ"]
        case _ where kind.hasPrefix("quyet-dinh"):
            let decision = state.decisions.filter { !$0.upward }.first
            // Every awardee of the list, the total, and every line of "Nơi nhận".
            return [nation, issuer, "QUYẾT ĐỊNH", "Điều 1.", "Tổng cộng", "Nơi nhận:", "Như Điều 3;", "Hội đồng TĐKT;", "Lưu: VT."] + signer
                + (decision?.lines.map(\.name) ?? [])
                + [decision.map { Numbers.grouped($0.total) }].compactMap { $0 }
        case _ where kind.hasPrefix("giay-khen"):
            let decision = state.decisions.filter { !$0.upward }.first
            return [nation, "GIẤY KHEN", "CHỦ TỊCH \(plan.issuer.name.uppercased())"] + signer + (decision?.lines.map(\.name) ?? [])
        default: return [nation]
        }
    }
}

@Suite("Dossier DOCX through LibreOffice", .serialized)
struct DossierLibreOfficeTests {
    /// One campaign of each type: the four compiled and the declared `chuyen-doi-so`.
    static let wardCampaigns = ["minh-xuan-dvk-2026", "phu-ly-cqtt-2024", "phung-chi-kien-dvcq-2024", "minh-xuan-cds-2026"]

    @Test(
        "doc --all --format docx gives every kind for a campaign of each type; LibreOffice converts each file and the PDF reads right",
        .enabled(
            if: ExternalTool.availableOrRequired("soffice", "pdftotext"), "LibreOffice (soffice) or poppler (pdftotext) is not installed"),
        .timeLimit(.minutes(10)))
    func everyType() throws {
        let soffice = try ExternalTool.require("soffice")
        let pdftotext = try ExternalTool.require("pdftotext")
        let ward = try DossierWard()
        defer { ward.remove() }
        let cycle = try DossierCycle.run()
        defer { cycle.remove() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-dossier-lo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let docx = folder.appendingPathComponent("docx")

        // (workspace, campaign): Cải cách hành chính from the cycle with a proposal upward, the rest from the ward.
        let campaigns = Self.wardCampaigns.map { (ward.root, $0) } + [(cycle.root, DossierCycle.campaign)]
        var expectations: [String: [String]] = [:]
        for (root, id) in campaigns {
            let run = { (arguments: [String]) in Harness.run(["--workspace", root.path, "--today", "2026-12-20"] + arguments) }
            let all = run(["doc", id, "--all", "--format", "docx", "--out", docx.path])
            #expect(all.code == 0, "\(id): \(all.errors)")
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: docx.path)) ?? []).filter { $0.hasPrefix(id + "-") }
            // Every kind the campaign's data allows (the kind alone succeeds) is among the files of --all.
            for kind in [
                "plan", "form", "filled-forms", "so-ket", "tong-ket", "bien-ban", "to-trinh", "to-trinh-cap-tren", "thanh-tich",
                "quyet-dinh", "giay-khen",
            ] {
                let alone = run(["doc", id, kind, "--format", "md", "--out", folder.appendingPathComponent("md").path])
                let prefix = kind == "form" ? "form-" : kind == "filled-forms" ? "nop-" : kind == "to-trinh" ? "to-trinh." : kind
                let present = files.contains { $0.dropFirst(id.count + 1).hasPrefix(prefix) }
                #expect(alone.code != 0 || present, "\(id): --all wrote no \(kind) though `doc \(id) \(kind)` succeeds")
            }
            // A plan with award kinds has its council review and decision; one without (Dân vận khéo,
            // Chính quyền thân thiện) stops at the reports.
            let expect = try DossierExpectations(workspace: root, campaign: id)
            let minimum =
                ["plan", "form-", "nop-", "so-ket", "tong-ket"]
                + (expect.plan.awards.isEmpty ? [] : ["bien-ban", "to-trinh", "thanh-tich-", "quyet-dinh", "giay-khen"])
            for prefix in minimum {
                #expect(files.contains { $0.dropFirst(id.count + 1).hasPrefix(prefix) }, "\(id): no \(prefix) file in \(files.sorted())")
            }
            for file in files { expectations[file] = expect.texts(for: file) }
        }
        #expect(expectations.keys.contains("\(DossierCycle.campaign)-to-trinh-cap-tren.docx"))
        // The year's report of the ward.
        let year = ward.run(["doc", "--year", "2026", "--format", "docx", "--out", docx.path])
        #expect(year.code == 0, "\(year.errors)")
        expectations["tong-hop-khen-thuong-2026.docx"] = [
            DocumentHeader.nationalName, "PHƯỜNG MINH XUÂN", "BÁO CÁO", "Tổng hợp kết quả thi đua, khen thưởng năm 2026",
            "Phạm Quốc Chương",
            "ĐỐI TƯỢNG ĐƯỢC ĐỀ NGHỊ KHEN THƯỞNG NHIỀU LẦN",
        ]

        // One LibreOffice run for every file, with a private profile.
        let names = expectations.keys.sorted()
        let pdf = folder.appendingPathComponent("pdf")
        let started = Date()
        let convert = try ExternalTool.run(
            soffice,
            [
                "-env:UserInstallation=\(folder.appendingPathComponent("profile").absoluteString)", "--headless", "--convert-to", "pdf",
                "--outdir", pdf.path,
            ]
                + names.map { docx.appendingPathComponent($0).path }, timeout: 540)
        print("LibreOffice converted \(names.count) DOCX files to PDF in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        #expect(convert.status == 0, "soffice: \(convert.output)")
        for name in names {
            let base = String(name.dropLast(".docx".count))
            let file = pdf.appendingPathComponent(base + ".pdf")
            guard FileManager.default.fileExists(atPath: file.path) else {
                Issue.record("LibreOffice made no PDF of \(name): \(convert.output.suffix(2000))")
                continue
            }
            let text = folder.appendingPathComponent(base + ".txt")
            let extracted = try ExternalTool.run(pdftotext, [file.path, text.path], timeout: 60)
            #expect(extracted.status == 0, "pdftotext \(name): \(extracted.output)")
            let content = ((try? String(contentsOf: text, encoding: .utf8)) ?? "").precomposedStringWithCanonicalMapping
            // Reading order, white space folded: a line that wraps in a narrow column still reads whole.
            let flat = content.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for expected in expectations[name] ?? [] {
                let folded = expected.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                #expect(flat.contains(folded), "the PDF of \(name) lacks «\(expected)»")
            }
        }
    }
}
