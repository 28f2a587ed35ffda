import ThiDuaCore

/// "Dân vận chính quyền, chính quyền phục vụ người dân và doanh nghiệp": collectives are judged
/// on seven criteria, among them their rank (or rise in rank) in the yearly DVCQ assessment;
/// awards every year and at the end (seed 000, phường Phùng Chí Kiên 2024–2026).
public struct DanVanChinhQuyenType: CampaignType {
    public let definition: CampaignTypeDefinition

    public init() {
        definition = Self.makeDefinition()
    }

    /// The rank indicator of the catalogue.
    public static let rankIndicator = "xep-hang-dvcq"
    /// The catalogue criterion the thresholds drive.
    public static let rankCriterion = "xep-hang"

    /// The definition with the default thresholds.
    public static func makeDefinition() -> CampaignTypeDefinition {
        makeDefinition(thresholds: RankThresholds())
    }

    /// The definition whose rank criterion uses these thresholds.
    public static func makeDefinition(thresholds: RankThresholds) -> CampaignTypeDefinition {
        let collective: [(String, String, Rule?)] = [
            (
                "ke-hoach", "Xây dựng kế hoạch phát động phong trào thi đua với các nội dung, mục tiêu, đối tượng thi đua cụ thể.",
                .attested(check: "ke-hoach", evidence: true)
            ),
            (
                "lanh-dao-chi-dao",
                "Thực hiện tốt công tác lãnh đạo, chỉ đạo, tham mưu ban hành văn bản triển khai công tác dân vận chính quyền.", nil
            ),
            ("tuyen-truyen", "Tổ chức tuyên truyền về công tác dân vận chính quyền với nhiều hình thức phù hợp, hiệu quả.", nil),
            (
                "xep-hang", "Xếp thứ hạng cao hoặc có sự thay đổi vượt bậc về thứ hạng so với năm trước.",
                thresholds.rule(rank: rankIndicator)
            ),
            (
                "kinh-phi", "Quản lý, sử dụng kinh phí cho công tác dân vận chính quyền hiệu quả và đúng quy định.",
                .attested(check: "kinh-phi-dung-quy-dinh", evidence: false)
            ),
            ("de-xuat-van-ban", "Kịp thời đề xuất cấp có thẩm quyền ban hành văn bản triển khai công tác dân vận chính quyền.", nil),
            (
                "bao-cao", "Thực hiện chế độ thông tin báo cáo đầy đủ, đúng thời gian.",
                .compare(indicator: "bao-cao-dung-han", subject: .own, comparison: .equal, value: 1)
            ),
        ]
        return CampaignTypeDefinition(
            id: "dan-van-chinh-quyen",
            title: "Dân vận chính quyền, chính quyền phục vụ người dân và doanh nghiệp",
            summary:
                "Đẩy mạnh công tác dân vận chính quyền, hướng đến sự hài lòng của người dân và doanh nghiệp; xếp hạng kết quả thực hiện hằng năm.",
            legalBasis: [
                "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính Nhà nước, chính quyền các cấp trong tình hình mới",
                "Luật Thực hiện dân chủ ở cơ sở ngày 10/11/2022; Nghị định số 59/2023/NĐ-CP",
                "Bộ tiêu chí đánh giá kết quả thực hiện dân vận chính quyền của tỉnh",
            ],
            indicators: [
                CatalogueIndicator(
                    id: rankIndicator, title: "Thứ hạng trong đánh giá, xếp hạng dân vận chính quyền", measure: .rank, scope: .collective),
                CatalogueIndicator(
                    id: "bao-cao-dung-han", title: "Thực hiện chế độ báo cáo đầy đủ, đúng hạn", measure: .yesNo,
                    defaultTarget: Target(.equal, 1), scope: .collective),
                CatalogueIndicator(
                    id: "diem-dvcq", title: "Điểm đánh giá theo Bộ tiêu chí dân vận chính quyền", measure: .score, scope: .collective),
            ],
            criteria: collective.map { CatalogueCriterion(id: $0.0, appliesTo: .collective, text: $0.1, rule: $0.2) } + [
                CatalogueCriterion(
                    id: "hoan-thanh-noi-dung", appliesTo: .individual, text: "Hoàn thành tốt, xuất sắc các nội dung thi đua.",
                    rule: .attested(check: "hoan-thanh-noi-dung", evidence: false)),
                CatalogueCriterion(
                    id: "sang-kien", appliesTo: .individual, text: "Có giải pháp, sáng kiến, cách làm mới hiệu quả có thể nhân rộng.",
                    rule: .attested(check: "sang-kien", evidence: true)),
            ],
            attestedChecks: [
                AttestedCheck(id: "ke-hoach", title: "Đã ban hành kế hoạch phát động phong trào"),
                AttestedCheck(id: "kinh-phi-dung-quy-dinh", title: "Sử dụng kinh phí đúng quy định"),
                AttestedCheck(id: "hoan-thanh-noi-dung", title: "Hoàn thành tốt, xuất sắc các nội dung thi đua"),
                AttestedCheck(id: "sang-kien", title: "Có giải pháp, sáng kiến, cách làm mới được công nhận"),
                AttestedCheck(id: "tieu-bieu", title: "Có thành tích tiêu biểu, xuất sắc, có khả năng nhân rộng"),
            ],
            countedEvents: [CountedEvent(id: "self-assessment", title: "Phiếu tự đánh giá đã nộp", form: "tu-danh-gia")],
            forms: [
                FormSpec(
                    id: "tu-danh-gia", title: "Phiếu tự đánh giá theo Bộ tiêu chí dân vận chính quyền", filledBy: .collective,
                    repeated: true,
                    fields: [
                        FieldSpec(id: "don-vi", label: "Cơ quan, đơn vị", kind: .unit),
                        FieldSpec(id: "tieu-chi", label: "Tiêu chí", kind: .choice, choices: collective.map(\.0)),
                        FieldSpec(id: "tu-danh-gia", label: "Tự đánh giá", kind: .choice, choices: ["Đạt", "Chưa đạt"]),
                        FieldSpec(id: "minh-chung", label: "Minh chứng", kind: .text, required: false),
                    ]),
                FormSpec(
                    id: "xep-hang", title: "Kết quả đánh giá, xếp hạng dân vận chính quyền", filledBy: .collective, repeated: true,
                    fields: [
                        FieldSpec(id: "don-vi", label: "Cơ quan, đơn vị", kind: .unit),
                        FieldSpec(id: "nam", label: "Năm", kind: .integer, role: .year),
                        FieldSpec(id: "diem", label: "Điểm", kind: .number, reports: "diem-dvcq"),
                        FieldSpec(id: "thu-hang", label: "Thứ hạng", kind: .integer, reports: "xep-hang-dvcq"),
                    ]),
                FormSpec(
                    id: "bao-cao-tong-ket", title: "Báo cáo kết quả thực hiện phong trào của đơn vị", filledBy: .collective,
                    fields: [
                        FieldSpec(id: "don-vi", label: "Cơ quan, đơn vị", kind: .unit),
                        FieldSpec(id: "ket-qua", label: "Kết quả nổi bật", kind: .longText),
                        FieldSpec(id: "sang-kien", label: "Giải pháp, sáng kiến", kind: .longText, required: false),
                    ]),
            ],
            reports: [ReportKind.soKet, .tongKet].map { kind in
                ReportLayout(
                    kind: kind,
                    title:
                        "Báo cáo \(kind.vietnamese) phong trào thi đua “Đẩy mạnh công tác dân vận chính quyền, chính quyền phục vụ người dân và doanh nghiệp”",
                    sections: [
                        ReportSection(
                            id: "lanh-dao", heading: "Công tác lãnh đạo, chỉ đạo, tuyên truyền", source: .handwritten,
                            prompt: "Văn bản ban hành, hình thức tuyên truyền"),
                        ReportSection(id: "tham-gia", heading: "Tình hình tham gia phong trào", source: .participation),
                        ReportSection(
                            id: "xep-hang", heading: "Kết quả đánh giá, xếp hạng dân vận chính quyền", source: .type,
                            prompt: "Thứ hạng của các đơn vị"),
                        ReportSection(id: "danh-gia", heading: "Kết quả đánh giá các tiêu chí thi đua", source: .standings),
                        ReportSection(id: "chi-tieu", heading: "Kết quả thực hiện các tiêu chí", source: .indicators),
                        ReportSection(
                            id: "han-che", heading: "Hạn chế, nguyên nhân", source: .handwritten, prompt: "Hạn chế và nguyên nhân"),
                        ReportSection(id: "khen-thuong", heading: "Kết quả khen thưởng", source: .awards),
                        ReportSection(
                            id: "phuong-huong", heading: "Phương hướng, nhiệm vụ", source: .handwritten, prompt: "Nhiệm vụ thời gian tới"),
                    ])
            })
    }
}
