import ThiDuaBase

extension IssuerKindCatalogue {
    /// Fills what a plan leaves out from its issuer kind (`issuer.kind`): the issuer's name,
    /// header lines, upper line, heading and mark; the symbol and number style; the signer's
    /// authority and title; the `awarding` bodies. What the file gives wins, key by key. A plan
    /// without a kind is returned as it is. The findings: an unknown kind (with a did-you-mean),
    /// a wording that needs `locality` or `upperLocality` the file does not give.
    public func resolve(_ plan: CampaignPlan) -> (plan: CampaignPlan, findings: [Diagnostic]) {
        let catalogue = adding(plan.issuerKinds)
        var findings = Self.problems(in: plan.issuerKinds, path: "issuerKinds")
        guard let id = plan.issuer.kind else { return (plan, findings) }
        guard let kind = catalogue.kind(id) else {
            let names = catalogue.kinds.map(\.id) + catalogue.kinds.map(\.label)
            let guess = VietnameseText.suggestion(for: id, among: names)
            findings.append(
                Diagnostic(
                    .error, path: "issuer.kind",
                    message: "loại cơ quan ban hành «\(InputLimits.shown(id))» không có; có: \(catalogue.allowedDescription)",
                    hint: guess.map { "có phải ý bạn là «\($0)»?" }
                        ?? "loại khác khai báo trong «issuerKinds» của kế hoạch hoặc tệp tables/issuer-kinds.json"))
            return (plan, findings)
        }
        var out = plan
        var missing: Set<String> = []
        func fill(_ text: String) -> String {
            var text = text
            for (token, value, key) in [
                ("{địa bàn}", plan.issuer.locality, "locality"), ("{ĐỊA BÀN}", plan.issuer.locality?.uppercased(), "locality"),
                ("{cấp trên}", plan.issuer.upperLocality, "upperLocality"),
                ("{CẤP TRÊN}", plan.issuer.upperLocality?.uppercased(), "upperLocality"),
            ] where text.contains(token) {
                if let value, !value.isEmpty {
                    text = text.replacingOccurrences(of: token, with: value)
                } else {
                    missing.insert(key)
                }
            }
            return text
        }
        var issuer = out.issuer
        if issuer.name.isEmpty { issuer.name = fill(kind.name) }
        if issuer.headerLines.isEmpty { issuer.headerLines = kind.headerLines.map(fill) }
        if issuer.upperLine == nil { issuer.upperLine = kind.upperLine.map(fill) }
        if issuer.heading == nil { issuer.heading = kind.heading }
        if issuer.mark == nil { issuer.mark = kind.mark }
        // The level is for the record; a Party kind records "dang" unless the file says otherwise.
        if let level = kind.level, issuer.level == .xa { issuer.level = level }
        out.issuer = issuer
        let style = kind.numbering ?? .state
        if out.number.style == .state { out.number.style = style }
        if out.number.symbol.isEmpty {
            out.number.symbol = style.symbol(type: Self.typeAbbreviation(plan.documentKind), issuer: kind.symbol)
        }
        if out.signer.authority == nil && out.signer.title.isEmpty { out.signer.authority = kind.signer.authority.map(fill) }
        if out.signer.title.isEmpty { out.signer.title = fill(kind.signer.title) }
        if let defaults = kind.awarding {
            var awarding = out.awarding ?? AwardingBodies()
            if awarding.reviewingBody == nil {
                awarding.reviewingBody = defaults.reviewingBody.map { body in
                    ReviewingBody(
                        name: fill(body.name), inText: body.inText.map(fill), headerLine: body.headerLine.map(fill), symbol: body.symbol,
                        signerAuthority: body.signerAuthority.map(fill), signerTitle: body.signerTitle.map(fill))
                }
            }
            if awarding.upwardProposal == nil {
                awarding.upwardProposal = defaults.upwardProposal.map { UpwardProposal(addressee: fill($0.addressee), award: $0.award) }
            }
            if awarding.decisionMaker == nil { awarding.decisionMaker = defaults.decisionMaker.map(fill) }
            if awarding.executors == nil { awarding.executors = defaults.executors.map(fill) }
            out.awarding = awarding
        }
        for key in missing.sorted() {
            findings.append(
                Diagnostic(
                    .error, path: "issuer.\(key)",
                    message: "loại cơ quan ban hành «\(kind.id)» cần «\(key)» để viết tên cơ quan",
                    hint: key == "locality" ? "ví dụ \"locality\": \"phường Minh Xuân\"" : "ví dụ \"upperLocality\": \"tỉnh Tuyên Quang\""))
        }
        return (out, findings)
    }

    /// The type abbreviation of a document type name (Nghị định 30/2020/NĐ-CP, Phụ lục III):
    /// "KẾ HOẠCH" → "KH"; a type not listed gives "KH".
    static func typeAbbreviation(_ documentKind: String) -> String {
        let table: [String: String] = [
            "KẾ HOẠCH": "KH", "CHƯƠNG TRÌNH": "CTr", "HƯỚNG DẪN": "HD", "QUYẾT ĐỊNH": "QĐ", "CHỈ THỊ": "CT", "THÔNG BÁO": "TB",
            "BÁO CÁO": "BC", "TỜ TRÌNH": "TTr", "BIÊN BẢN": "BB", "NGHỊ QUYẾT": "NQ", "ĐỀ ÁN": "ĐA",
        ]
        return table[documentKind.uppercased()] ?? "KH"
    }
}
