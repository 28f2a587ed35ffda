import ThiDuaCore

/// "Cải cách hành chính": the CCHC areas of Nghị quyết 76/NQ-CP, the TTHC indicators, and each
/// unit's Chỉ số CCHC this year and last (seeds 001, Phường 6 2023; 004, Nam Gia Nghĩa 2026).
public struct CaiCachHanhChinhType: CampaignType {
    public let definition: CampaignTypeDefinition

    public init() {
        definition = Self.makeDefinition()
    }

    public static func makeDefinition() -> CampaignTypeDefinition {
        var definition = CampaignTypeDefinition(
            id: "cai-cach-hanh-chinh",
            title: "Cải cách hành chính",
            summary: "Thi đua đẩy mạnh cải cách hành chính, nâng cao Chỉ số CCHC và sự hài lòng của người dân, doanh nghiệp.",
            legalBasis: [
                "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030",
                "Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ về Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp",
                "Kế hoạch phát động phong trào thi đua cải cách hành chính của UBND tỉnh hằng năm",
            ],
            fields: makeAreas(),
            indicators: makeIndicators(),
            criteria: makeCriteria(),
            attestedChecks: [
                AttestedCheck(id: "ky-luat-ky-cuong", title: "Thực hiện nghiêm kỷ luật, kỷ cương hành chính Nhà nước"),
                AttestedCheck(id: "hoan-thanh-nhiem-vu", title: "Hoàn thành tốt, xuất sắc nhiệm vụ được giao"),
                AttestedCheck(id: "sang-kien", title: "Có sáng kiến, giải pháp được công nhận và áp dụng"),
                AttestedCheck(id: "dan-dau", title: "Dẫn đầu các phòng, đơn vị trong thực hiện nhiệm vụ CCHC"),
                AttestedCheck(id: "truc-tiep-tham-muu", title: "Trực tiếp tham mưu, chỉ đạo, thực hiện công tác CCHC"),
                AttestedCheck(id: "dao-duc", title: "Có phẩm chất đạo đức tốt, gương mẫu chấp hành"),
                AttestedCheck(id: "hoc-tap", title: "Tích cực học tập nâng cao trình độ"),
                // Recorded by the unit on its proposal form (`de-xuat-ca-nhan`), not self-assessed.
                AttestedCheck(
                    id: "don-vi-de-xuat",
                    title: "Có thành tích xuất sắc, tiêu biểu trong thực hiện tham mưu cải cách hành chính, được đơn vị xét chọn, đề xuất"),
            ],
            countedEvents: [
                CountedEvent(id: "tthc-report", title: "Phiếu số liệu TTHC đã nộp", form: "so-lieu-tthc"),
                CountedEvent(id: "self-assessment", title: "Phiếu tự chấm điểm đã nộp", form: "tu-cham-diem"),
            ],
            forms: makeForms(),
            reports: [makeReport(.soKet), makeReport(.tongKet)])
        definition.scoring = [makeIndexSheet()]
        return definition
    }

    /// The unit's CCHC index sheet: the areas (lĩnh vực) as blocks, their component criteria with
    /// maximum points, each self-scored by the unit and appraised. A plan brings it in with an
    /// indicator `"source": {"scoring": "chi-so-cchc"}`, whose value is then total ÷ 100 × 100.
    /// The points are a default of 100; a plan whose province sets others writes its own table
    /// with the same id in `scoring`.
    static func makeIndexSheet() -> ScoringTable {
        func block(_ id: String, _ items: [(String, String, Double)]) -> ScoringBlock {
            ScoringBlock(
                id: id, title: makeAreas().first { $0.id == id }?.title ?? id,
                items: items.map { ScoringItem(id: $0.0, title: $0.1, max: $0.2, evidence: "Tài liệu kiểm chứng") })
        }
        return ScoringTable(
            id: "chi-so-cchc", title: "Bảng tự chấm điểm Chỉ số cải cách hành chính của cơ quan, đơn vị",
            blocks: [
                block(
                    "chi-dao-dieu-hanh",
                    [
                        ("cchc-ke-hoach", "Ban hành và thực hiện kế hoạch cải cách hành chính năm", 3),
                        ("cchc-bao-cao", "Báo cáo cải cách hành chính đầy đủ, đúng hạn", 3),
                        ("cchc-tuyen-truyen", "Tuyên truyền cải cách hành chính", 3),
                        ("cchc-kiem-tra", "Kiểm tra, tự kiểm tra công tác cải cách hành chính", 3),
                    ]),
                block(
                    "the-che",
                    [
                        ("cchc-ra-soat-van-ban", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật", 4),
                        ("cchc-thi-hanh", "Tổ chức thi hành văn bản quy phạm pháp luật", 4),
                    ]),
                block(
                    "tthc-mot-cua",
                    [
                        ("cchc-cong-khai-tthc", "Công bố, công khai thủ tục hành chính", 5),
                        ("cchc-dung-han", "Giải quyết hồ sơ thủ tục hành chính đúng hạn", 10),
                        ("cchc-mot-cua", "Thực hiện cơ chế một cửa, một cửa liên thông", 5),
                        ("cchc-phan-anh", "Tiếp nhận, xử lý phản ánh, kiến nghị về thủ tục hành chính", 5),
                    ]),
                block(
                    "to-chuc-bo-may",
                    [
                        ("cchc-sap-xep", "Sắp xếp tổ chức bộ máy theo quy định", 4),
                        ("cchc-phan-cap", "Thực hiện phân cấp, ủy quyền", 4),
                    ]),
                block(
                    "che-do-cong-vu",
                    [
                        ("cchc-vi-tri-viec-lam", "Quản lý, sử dụng công chức theo vị trí việc làm", 4),
                        ("cchc-ky-luat", "Chấp hành kỷ luật, kỷ cương hành chính", 4),
                        ("cchc-boi-duong", "Đào tạo, bồi dưỡng cán bộ, công chức", 4),
                    ]),
                block(
                    "tai-chinh-cong",
                    [
                        ("cchc-tu-chu", "Thực hiện cơ chế tự chủ, quản lý tài chính công", 5),
                        ("cchc-tiet-kiem", "Thực hành tiết kiệm, chống lãng phí", 5),
                    ]),
                block(
                    "chinh-quyen-so",
                    [
                        ("cchc-van-ban-dien-tu", "Xử lý văn bản trên môi trường mạng, ký số", 8),
                        ("cchc-dvc-truc-tuyen", "Cung cấp dịch vụ công trực tuyến", 9),
                        ("cchc-so-hoa", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", 8),
                    ]),
            ],
            text: [
                "Thang điểm mặc định 100 điểm theo các lĩnh vực của Chương trình tổng thể cải cách hành chính (Nghị quyết 76/NQ-CP); nơi tỉnh ban hành Bộ chỉ số riêng thì kế hoạch ghi bảng điểm theo Bộ chỉ số đó."
            ])
    }

    static func makeAreas() -> [TypeField] {
        [
            TypeField(id: "the-che", title: "Cải cách thể chế"),
            TypeField(id: "tthc-mot-cua", title: "Cải cách thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông"),
            TypeField(id: "to-chuc-bo-may", title: "Cải cách tổ chức bộ máy"),
            TypeField(id: "che-do-cong-vu", title: "Cải cách chế độ công vụ"),
            TypeField(id: "tai-chinh-cong", title: "Cải cách tài chính công"),
            TypeField(id: "chinh-quyen-so", title: "Xây dựng và phát triển chính quyền điện tử, chính quyền số"),
            TypeField(id: "chi-dao-dieu-hanh", title: "Công tác chỉ đạo, điều hành cải cách hành chính"),
        ]
    }

    static func makeIndicators() -> [CatalogueIndicator] {
        func percent(
            _ id: String, _ title: String, _ target: Double?, _ field: String, scope: IndicatorScope = .campaign
        ) -> CatalogueIndicator {
            CatalogueIndicator(
                id: id, title: title, measure: .percent, defaultTarget: target.map { Target(.atLeast, $0) }, scope: scope, field: field)
        }
        return [
            percent("dung-han", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn và trước hạn", 99, "tthc-mot-cua"),
            percent("truc-tuyen-toan-trinh", "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình", 100, "chinh-quyen-so"),
            percent("thanh-toan-truc-tuyen", "Tỷ lệ TTHC có nghĩa vụ tài chính được thanh toán trực tuyến", 100, "chinh-quyen-so"),
            percent("so-hoa-ket-qua", "Tỷ lệ số hóa kết quả giải quyết TTHC còn hiệu lực", 98, "tthc-mot-cua"),
            percent("luan-chuyen-dien-tu", "Tỷ lệ hồ sơ TTHC luân chuyển nội bộ bằng phương thức điện tử", 80, "tthc-mot-cua"),
            percent("phan-cap", "Tỷ lệ TTHC được phân cấp giải quyết", 20, "tthc-mot-cua"),
            percent("hai-long", "Mức độ hài lòng của người dân, doanh nghiệp", 98, "tthc-mot-cua"),
            percent("khong-cung-cap-lai", "Tỷ lệ không phải cung cấp lại giấy tờ đã được chấp nhận", 95, "tthc-mot-cua"),
            percent("ky-so", "Tỷ lệ văn bản, hồ sơ được ký số", 100, "chinh-quyen-so"),
            percent("van-ban-dien-tu", "Tỷ lệ văn bản, hồ sơ công việc xử lý trên môi trường mạng", 100, "chinh-quyen-so"),
            percent("boi-duong", "Tỷ lệ cán bộ, công chức được bồi dưỡng", 100, "che-do-cong-vu"),
            percent(
                "boi-duong-du-lieu", "Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng dữ liệu, dịch vụ công trực tuyến", 30, "che-do-cong-vu"
            ),
            percent("cong-khai-tthc", "Tỷ lệ TTHC được công bố, công khai, cập nhật", 100, "tthc-mot-cua"),
            percent("tich-hop-cong-dvc", "Tỷ lệ dịch vụ công trực tuyến tích hợp trên Cổng Dịch vụ công quốc gia", 100, "chinh-quyen-so"),
            percent("hop-cchc-lanh-dao", "Tỷ lệ lãnh đạo UBND tham gia đầy đủ các cuộc họp về CCHC", 100, "chi-dao-dieu-hanh"),
            percent("chi-so-cchc", "Chỉ số cải cách hành chính của cơ quan, đơn vị", 80, "chi-dao-dieu-hanh", scope: .collective),
        ]
    }

    static func makeCriteria() -> [CatalogueCriterion] {
        let unitIndex = Rule.any([
            .all([
                .compare(indicator: "chi-so-cchc", subject: .unit, comparison: .atLeast, value: 80),
                .compareWithPrevious(indicator: "chi-so-cchc", subject: .unit, comparison: .greaterThan),
            ]),
            .compare(indicator: "chi-so-cchc", subject: .unit, comparison: .atLeast, value: 83),
        ])
        return [
            CatalogueCriterion(
                id: "chi-so-don-vi", appliesTo: .individual,
                text: "Công tác tại cơ quan, đơn vị có Chỉ số CCHC từ 80% trở lên và cao hơn năm trước liền kề, hoặc từ 83% trở lên.",
                field: "chi-dao-dieu-hanh", rule: unitIndex),
            CatalogueCriterion(
                id: "ky-luat-va-mot-trong", appliesTo: .collective,
                text: "Thực hiện nghiêm kỷ luật, kỷ cương hành chính và dẫn đầu hoặc có sáng kiến trong công tác CCHC.",
                rule: .all([
                    .attested(check: "ky-luat-ky-cuong", evidence: false),
                    .any([.attested(check: "dan-dau", evidence: true), .attested(check: "sang-kien", evidence: true)]),
                ])),
        ]
    }

    static func makeForms() -> [FormSpec] {
        [
            FormSpec(
                id: "so-lieu-tthc", title: "Phiếu số liệu giải quyết thủ tục hành chính", filledBy: .collective,
                fields: [
                    FieldSpec(id: "don-vi", label: "Cơ quan, đơn vị", kind: .unit),
                    FieldSpec(id: "ky-bao-cao", label: "Kỳ báo cáo", kind: .choice, choices: ["6 tháng", "Cả năm"]),
                    FieldSpec(id: "dung-han", label: "Tỷ lệ hồ sơ đúng hạn (%)", kind: .percent, reports: "dung-han"),
                    FieldSpec(
                        id: "truc-tuyen-toan-trinh", label: "Tỷ lệ dịch vụ công trực tuyến toàn trình (%)", kind: .percent, reports: "truc-tuyen-toan-trinh"),
                    FieldSpec(id: "thanh-toan-truc-tuyen", label: "Tỷ lệ thanh toán trực tuyến (%)", kind: .percent, reports: "thanh-toan-truc-tuyen"),
                    FieldSpec(id: "so-hoa-ket-qua", label: "Tỷ lệ số hóa kết quả (%)", kind: .percent, reports: "so-hoa-ket-qua"),
                    FieldSpec(id: "luan-chuyen-dien-tu", label: "Tỷ lệ luân chuyển điện tử (%)", kind: .percent, reports: "luan-chuyen-dien-tu"),
                    FieldSpec(id: "hai-long", label: "Mức độ hài lòng (%)", kind: .percent, reports: "hai-long"),
                    FieldSpec(
                        id: "khong-cung-cap-lai", label: "Tỷ lệ không phải cung cấp lại giấy tờ (%)", kind: .percent, required: false),
                ]),
            FormSpec(
                id: "tu-cham-diem", title: "Phiếu tự chấm điểm Chỉ số cải cách hành chính", filledBy: .collective, repeated: true,
                fields: [
                    FieldSpec(id: "don-vi", label: "Cơ quan, đơn vị", kind: .unit),
                    FieldSpec(id: "linh-vuc", label: "Lĩnh vực", kind: .choice, choices: makeAreas().map(\.title)),
                    FieldSpec(id: "tieu-chi", label: "Tiêu chí, tiêu chí thành phần", kind: .text),
                    FieldSpec(id: "diem-toi-da", label: "Điểm tối đa", kind: .number),
                    FieldSpec(id: "diem-tu-cham", label: "Điểm tự chấm", kind: .number),
                    FieldSpec(id: "tai-lieu-kiem-chung", label: "Tài liệu kiểm chứng", kind: .text, required: false),
                ]),
            // The unit's proposal of its own people: each row attests `don-vi-de-xuat` for the
            // person, with the unit's document as the evidence (seed 004, III.3.2 b).
            FormSpec(
                id: "de-xuat-ca-nhan", title: "Phiếu đơn vị xét chọn, đề xuất cá nhân có thành tích xuất sắc, tiêu biểu trong công tác cải cách hành chính",
                filledBy: .collective, repeated: true,
                fields: [
                    FieldSpec(id: "don-vi", label: "Cơ quan, đơn vị", kind: .unit),
                    FieldSpec(id: "ca-nhan", label: "Họ và tên người được đề xuất", kind: .person),
                    FieldSpec(id: "thanh-tich", label: "Thành tích xuất sắc, tiêu biểu trong thực hiện tham mưu cải cách hành chính", kind: .longText),
                    FieldSpec(
                        id: "van-ban", label: "Văn bản xét chọn, đề xuất của đơn vị (số, ngày)", kind: .text,
                        help: "Ví dụ: Công văn số 45/VP ngày 02/11/2026; biên bản họp xét chọn của đơn vị.", role: .evidence),
                ], attests: "don-vi-de-xuat"),
            FormSpec(
                id: "bao-cao-tong-ket", title: "Báo cáo tổng kết phong trào thi đua CCHC của đơn vị", filledBy: .collective,
                fields: [
                    FieldSpec(id: "don-vi", label: "Cơ quan, đơn vị", kind: .unit),
                    FieldSpec(id: "chi-so-cchc", label: "Chỉ số CCHC năm nay (%)", kind: .percent, reports: "chi-so-cchc"),
                    FieldSpec(
                        id: "chi-so-cchc-nam-truoc", label: "Chỉ số CCHC năm trước (%)", kind: .percent, required: false, reports: "chi-so-cchc", previous: true
                    ),
                    FieldSpec(id: "ket-qua", label: "Kết quả nổi bật", kind: .longText),
                    FieldSpec(id: "sang-kien", label: "Sáng kiến, giải pháp", kind: .longText, required: false),
                ]),
        ]
    }

    static func makeReport(_ kind: ReportKind) -> ReportLayout {
        ReportLayout(
            kind: kind,
            title: kind == .soKet
                ? "Báo cáo sơ kết 6 tháng phong trào thi đua cải cách hành chính"
                : "Báo cáo tổng kết phong trào thi đua cải cách hành chính",
            sections: [
                ReportSection(
                    id: "chi-dao", heading: "Công tác chỉ đạo, điều hành, tuyên truyền", source: .handwritten,
                    prompt: "Văn bản chỉ đạo, hình thức tuyên truyền"),
                ReportSection(id: "tham-gia", heading: "Tình hình tham gia phong trào", source: .participation),
                ReportSection(id: "chi-tieu", heading: "Kết quả thực hiện các chỉ tiêu cải cách thủ tục hành chính", source: .indicators),
                ReportSection(id: "chi-so", heading: "Kết quả Chỉ số CCHC và xếp hạng các đơn vị", source: .standings),
                ReportSection(
                    id: "sang-kien", heading: "Sáng kiến, giải pháp, cách làm mới", source: .handwritten,
                    prompt: "Sáng kiến được công nhận, áp dụng"),
                ReportSection(id: "ton-tai", heading: "Tồn tại, hạn chế và nguyên nhân", source: .handwritten, prompt: "Tồn tại, hạn chế"),
                ReportSection(id: "khen-thuong", heading: "Kết quả bình xét, khen thưởng", source: .awards),
                ReportSection(
                    id: "phuong-huong", heading: "Phương hướng, nhiệm vụ thời gian tới", source: .handwritten, prompt: "Nhiệm vụ trọng tâm"),
            ])
    }
}
