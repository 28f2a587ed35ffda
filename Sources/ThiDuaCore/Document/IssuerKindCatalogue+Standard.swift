import ThiDuaBase

extension IssuerKindCatalogue {
    /// The issuers a ward's plans come from. The UBND follows Nghị định 30/2020/NĐ-CP; the Ủy
    /// ban MTTQ, Hướng dẫn 91/HD-MTTW-BTT (Quốc hiệu, "Số: …/KH-MTTQ-BTT"); the Đảng ủy,
    /// Hướng dẫn 36-HD/VPTW ("ĐẢNG CỘNG SẢN VIỆT NAM", "*", "Số 25-KH/ĐU", "T/M"); the Đoàn,
    /// Hướng dẫn 29-HD/TWĐTN-VP ("ĐOÀN TNCS HỒ CHÍ MINH", "***", "Số: 12-KH/ĐTN"). The Hội's
    /// wording is common practice, not checked against their own rules: docs/documents.md.
    public static let standard = IssuerKindCatalogue(kinds: [
        IssuerKind(
            id: "ubnd", label: "Ủy ban nhân dân xã, phường", aliases: ["UBND", "ủy ban nhân dân", "UBND xã", "UBND phường"],
            name: "Ủy ban nhân dân {địa bàn}", headerLines: ["ỦY BAN NHÂN DÂN", "{ĐỊA BÀN}"], numbering: .state, symbol: "UBND",
            signer: SignerForm(authority: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH"),
            deputySigner: SignerForm(authority: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH"),
            sources: ["Nghị định 30/2020/NĐ-CP, Phụ lục I"]),
        IssuerKind(
            id: "mttq", label: "Ủy ban MTTQ Việt Nam xã, phường (Ban Thường trực)",
            aliases: ["MTTQ", "mặt trận", "mặt trận tổ quốc", "ủy ban mttq", "ban thường trực mttq"],
            name: "Ủy ban Mặt trận Tổ quốc Việt Nam {địa bàn}", headerLines: ["ỦY BAN MTTQ VIỆT NAM", "{ĐỊA BÀN}", "BAN THƯỜNG TRỰC"],
            numbering: .state, symbol: "MTTQ-BTT", signer: SignerForm(authority: "TM. BAN THƯỜNG TRỰC", title: "CHỦ TỊCH"),
            deputySigner: SignerForm(authority: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH"),
            awarding: AwardingBodies(
                reviewingBody: ReviewingBody(
                    name: "Ban Thường trực Ủy ban MTTQ Việt Nam {địa bàn}", inText: "Ban Thường trực Ủy ban MTTQ Việt Nam {địa bàn}",
                    headerLine: "BAN THƯỜNG TRỰC", symbol: "MTTQ-BTT", signerAuthority: "TM. BAN THƯỜNG TRỰC", signerTitle: "CHỦ TỊCH"),
                upwardProposal: UpwardProposal(addressee: "Ban Thường trực Ủy ban MTTQ Việt Nam {cấp trên}", award: "Bằng khen"),
                decisionMaker: "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM {ĐỊA BÀN}",
                executors: "Các ban công tác Mặt trận, các tổ chức thành viên"),
            sources: ["Hướng dẫn 91/HD-MTTW-BTT ngày 08/4/2013 của Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam"]),
        IssuerKind(
            id: "dang-uy", label: "Đảng ủy xã, phường", aliases: ["ĐU", "đảng ủy", "đảng ủy xã", "đảng ủy phường"], level: .dang,
            name: "Đảng ủy {địa bàn}", upperLine: "ĐẢNG BỘ {CẤP TRÊN}", headerLines: ["ĐẢNG ỦY {ĐỊA BÀN}"],
            heading: ["ĐẢNG CỘNG SẢN VIỆT NAM"], mark: "*", numbering: .party, symbol: "ĐU",
            signer: SignerForm(authority: "T/M ĐẢNG ỦY", title: "BÍ THƯ"), deputySigner: SignerForm(authority: "K/T BÍ THƯ", title: "PHÓ BÍ THƯ"),
            awarding: AwardingBodies(
                reviewingBody: ReviewingBody(
                    name: "Ban Thường vụ Đảng ủy {địa bàn}", inText: "Ban Thường vụ Đảng ủy {địa bàn}", headerLine: "BAN THƯỜNG VỤ",
                    symbol: "ĐU", signerAuthority: "T/M BAN THƯỜNG VỤ", signerTitle: "BÍ THƯ"),
                upwardProposal: UpwardProposal(addressee: "Ban Thường vụ Tỉnh ủy", award: "Bằng khen"),
                decisionMaker: "BAN THƯỜNG VỤ ĐẢNG ỦY {ĐỊA BÀN}", executors: "Văn phòng Đảng ủy, các chi bộ trực thuộc"),
            sources: [
                "Hướng dẫn 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng (tiêu đề, tên cơ quan, số và ký hiệu)",
                "Hướng dẫn 11-HD/VPTW ngày 28/5/2004 (thể thức đề ký của đảng ủy cơ sở: T/M ĐẢNG ỦY, T/M BAN THƯỜNG VỤ)",
            ]),
        IssuerKind(
            id: "doan", label: "Đoàn TNCS Hồ Chí Minh xã, phường", aliases: ["ĐTN", "đoàn", "đoàn thanh niên", "đoàn tncs"],
            name: "Đoàn TNCS Hồ Chí Minh {địa bàn}", upperLine: "BCH {CẤP TRÊN}", headerLines: ["BCH ĐOÀN {ĐỊA BÀN}"],
            heading: ["ĐOÀN TNCS HỒ CHÍ MINH"], mark: "***", numbering: .youthUnion, symbol: "ĐTN",
            signer: SignerForm(authority: "TM. BAN THƯỜNG VỤ", title: "BÍ THƯ"),
            deputySigner: SignerForm(authority: "TM. BAN THƯỜNG VỤ", title: "PHÓ BÍ THƯ"),
            awarding: AwardingBodies(
                reviewingBody: ReviewingBody(
                    name: "Ban Thường vụ Đoàn {địa bàn}", inText: "Ban Thường vụ Đoàn {địa bàn}", headerLine: "BAN THƯỜNG VỤ", symbol: "ĐTN",
                    signerAuthority: "TM. BAN THƯỜNG VỤ", signerTitle: "BÍ THƯ"),
                upwardProposal: UpwardProposal(addressee: "Ban Thường vụ Tỉnh đoàn", award: "Bằng khen"),
                decisionMaker: "BAN THƯỜNG VỤ ĐOÀN {ĐỊA BÀN}", executors: "Các chi đoàn trực thuộc"),
            sources: ["Hướng dẫn 29-HD/TWĐTN-VP ngày 29/10/2013 của Ban Bí thư Trung ương Đoàn (thể thức văn bản của Đoàn)"]),
        hoi(
            id: "hoi-phu-nu", label: "Hội Liên hiệp Phụ nữ xã, phường", aliases: ["hội phụ nữ", "hội LHPN", "phụ nữ"],
            name: "Hội Liên hiệp Phụ nữ", short: "HỘI LHPN", symbol: "HPN"),
        hoi(
            id: "hoi-cuu-chien-binh", label: "Hội Cựu chiến binh xã, phường", aliases: ["hội CCB", "cựu chiến binh", "CCB"],
            name: "Hội Cựu chiến binh", short: "HỘI CỰU CHIẾN BINH", symbol: "CCB"),
        hoi(
            id: "hoi-nong-dan", label: "Hội Nông dân xã, phường", aliases: ["hội ND", "nông dân", "HND"], name: "Hội Nông dân",
            short: "HỘI NÔNG DÂN", symbol: "HND"),
    ])

    /// A Hội of the ward: the Quốc hiệu, the state's numbering, its Ban Chấp hành signing
    /// (common practice; not checked against the Hội's own rules).
    private static func hoi(id: String, label: String, aliases: [String], name: String, short: String, symbol: String) -> IssuerKind {
        IssuerKind(
            id: id, label: label, aliases: aliases, name: "\(name) {địa bàn}", upperLine: "\(short) {CẤP TRÊN}",
            headerLines: ["\(short) {ĐỊA BÀN}"], numbering: .state, symbol: symbol,
            signer: SignerForm(authority: "TM. BAN CHẤP HÀNH", title: "CHỦ TỊCH"),
            deputySigner: SignerForm(authority: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH"),
            awarding: AwardingBodies(
                reviewingBody: ReviewingBody(
                    name: "Ban Thường vụ \(name) {địa bàn}", inText: "Ban Thường vụ \(name) {địa bàn}", headerLine: "BAN THƯỜNG VỤ",
                    symbol: symbol, signerAuthority: "TM. BAN THƯỜNG VỤ", signerTitle: "CHỦ TỊCH"),
                upwardProposal: UpwardProposal(addressee: "Ban Thường vụ \(name) {cấp trên}", award: "Bằng khen"),
                decisionMaker: "BAN THƯỜNG VỤ \(short) {ĐỊA BÀN}", executors: "Các chi hội trực thuộc"),
            sources: ["chưa đối chiếu với quy định về thể thức văn bản của Hội; theo cách trình bày thường gặp"])
    }
}
