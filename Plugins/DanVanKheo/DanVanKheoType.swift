import ThiDuaCore

/// "Dân vận khéo": units and tổ dân phố register models (mô hình) in the four fields, which are
/// evaluated at six months and at year end (seed 003, phường Minh Xuân 2026–2030).
public struct DanVanKheoType: CampaignType {
    public let definition: CampaignTypeDefinition

    public init() {
        definition = Self.makeDefinition()
    }

    /// The registration form's id.
    public static let registrationForm = "dang-ky-mo-hinh"
    /// The evaluation form's id.
    public static let evaluationForm = "danh-gia-mo-hinh"
    /// The catalogue indicator counted per unit per year.
    public static let modelCount = "mo-hinh-dang-ky"
    /// The catalogue criterion the minimum drives.
    public static let modelCriterion = "dang-ky-mo-hinh"
    /// Models per unit per year when the plan does not say.
    public static let defaultMinimum = 1

    /// The type's data: fields, catalogue, forms and report layouts.
    public static func makeDefinition() -> CampaignTypeDefinition {
        makeDefinition(fields: makeFields(), minimum: defaultMinimum)
    }

    /// The type's data for a plan: its fields, and its minimum of models per unit per year.
    public static func makeDefinition(fields: [TypeField], minimum: Int) -> CampaignTypeDefinition {
        CampaignTypeDefinition(
            id: "dan-van-kheo",
            title: "Dân vận khéo",
            summary: "Xây dựng, đánh giá và nhân rộng các mô hình, điển hình “Dân vận khéo” trên các lĩnh vực.",
            legalBasis: [
                "Văn kiện Đại hội đại biểu toàn quốc lần thứ XIII, XIV của Đảng về công tác dân vận",
                "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tăng cường và đổi mới công tác dân vận của cơ quan hành chính Nhà nước, chính quyền các cấp",
                "Kế hoạch của Ban Thường vụ Tỉnh ủy triển khai Phong trào thi đua “Dân vận khéo” theo giai đoạn",
            ],
            fields: fields,
            indicators: makeIndicators(minimum: minimum),
            criteria: makeCriteria(minimum: minimum),
            attestedChecks: [
                AttestedCheck(id: "mo-hinh-duoc-cong-nhan", title: "Mô hình được đánh giá hiệu quả, được công nhận"),
                AttestedCheck(id: "bao-cao-dung-han", title: "Gửi báo cáo sơ kết, tổng kết đúng hạn"),
            ],
            countedEvents: [
                CountedEvent(id: "model-registration", title: "Mô hình “Dân vận khéo” đã đăng ký trong năm", form: "dang-ky-mo-hinh"),
                CountedEvent(id: "model-evaluation", title: "Lượt đánh giá mô hình", form: "danh-gia-mo-hinh"),
            ],
            forms: makeForms(fields: fields),
            reports: [makeReport(.soKet), makeReport(.tongKet)]
        )
        // The model register (ModelRegister) reads these by id.
        .readingFields([
            registrationForm: ["ten-mo-hinh", "linh-vuc"], evaluationForm: ["ten-mo-hinh", "ky-danh-gia", "xep-loai", "nhan-rong"],
        ])
    }

    static func makeFields() -> [TypeField] {
        [
            TypeField(id: "kinh-te-do-thi", title: "Kinh tế - đô thị"),
            TypeField(id: "van-hoa-xa-hoi", title: "Văn hóa - xã hội"),
            TypeField(id: "quoc-phong-an-ninh", title: "Quốc phòng - an ninh"),
            TypeField(id: "xay-dung-dang", title: "Xây dựng Đảng và hệ thống chính trị"),
        ]
    }

    static func makeIndicators(minimum: Int) -> [CatalogueIndicator] {
        [
            CatalogueIndicator(
                id: modelCount, title: "Số mô hình “Dân vận khéo” đăng ký trong năm", measure: .count,
                defaultTarget: Target(.atLeast, Double(minimum)), scope: .collective),
            CatalogueIndicator(
                id: "dung-han", title: "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng và trước hạn", measure: .percent,
                defaultTarget: Target(.atLeast, 98), scope: .campaign),
            CatalogueIndicator(
                id: "hai-long", title: "Mức độ hài lòng của người dân và tổ chức", measure: .percent, scope: .campaign),
            CatalogueIndicator(
                id: "quy-tac-ung-xu", title: "Tỷ lệ cán bộ, công chức thực hiện nghiêm quy tắc ứng xử, đạo đức công vụ",
                measure: .percent, defaultTarget: Target(.atLeast, 100), scope: .campaign),
            CatalogueIndicator(
                id: "chinh-quyen-than-thien", title: "Duy trì mô hình “Chính quyền thân thiện, vì Nhân dân phục vụ”",
                measure: .yesNo, defaultTarget: Target(.equal, 1), scope: .campaign),
        ]
    }

    static func makeCriteria(minimum: Int) -> [CatalogueCriterion] {
        let count = minimum < 10 ? "0\(minimum)" : "\(minimum)"
        return [
            CatalogueCriterion(
                id: modelCriterion, appliesTo: .collective,
                text: "Đăng ký ít nhất \(count) nội dung hoặc mô hình “Dân vận khéo” gắn với nhiệm vụ chuyên môn trong năm.",
                rule: .count(kind: "model-registration", comparison: .atLeast, value: minimum)),
            CatalogueCriterion(
                id: "mo-hinh-hieu-qua", appliesTo: .collective,
                text: "Mô hình đăng ký được đánh giá hiệu quả, có khả năng nhân rộng.",
                rule: .attested(check: "mo-hinh-duoc-cong-nhan", evidence: true)),
            CatalogueCriterion(
                id: "bao-cao-dung-han", appliesTo: .collective, text: "Gửi báo cáo sơ kết, tổng kết đúng thời hạn.",
                rule: .attested(check: "bao-cao-dung-han", evidence: false)),
        ]
    }

    static func makeForms(fields: [TypeField]) -> [FormSpec] {
        let fieldChoices = fields.map(\.title)
        return [
            FormSpec(
                id: registrationForm, title: "Phiếu đăng ký mô hình “Dân vận khéo”", filledBy: .collective, repeated: true,
                fields: [
                    FieldSpec(id: "don-vi", label: "Cơ quan, đơn vị, tổ dân phố đăng ký", kind: .unit),
                    FieldSpec(id: "ten-mo-hinh", label: "Tên mô hình", kind: .text),
                    FieldSpec(id: "linh-vuc", label: "Lĩnh vực", kind: .choice, choices: fieldChoices),
                    FieldSpec(id: "dia-ban", label: "Địa bàn thực hiện", kind: .text),
                    FieldSpec(id: "muc-tieu", label: "Mục tiêu, nội dung chủ yếu", kind: .longText),
                    FieldSpec(id: "luc-luong", label: "Lực lượng tham gia", kind: .text),
                    FieldSpec(id: "bat-dau", label: "Thời gian bắt đầu", kind: .date),
                    FieldSpec(id: "phu-trach", label: "Người phụ trách", kind: .person, required: false),
                ]),
            FormSpec(
                id: evaluationForm, title: "Phiếu đánh giá mô hình “Dân vận khéo”", filledBy: .collective, repeated: true,
                fields: [
                    FieldSpec(id: "don-vi", label: "Cơ quan, đơn vị, tổ dân phố", kind: .unit),
                    FieldSpec(id: "ten-mo-hinh", label: "Tên mô hình", kind: .text),
                    FieldSpec(id: "ky-danh-gia", label: "Kỳ đánh giá", kind: .choice, choices: ["6 tháng", "Cả năm"]),
                    FieldSpec(id: "ket-qua", label: "Kết quả đạt được", kind: .longText),
                    FieldSpec(id: "so-nguoi-huong-loi", label: "Số người dân được hưởng lợi", kind: .integer, required: false),
                    FieldSpec(id: "xep-loai", label: "Tự xếp loại", kind: .choice, choices: ["Hiệu quả", "Đạt", "Chưa đạt"]),
                    FieldSpec(id: "de-nghi-cong-nhan", label: "Đề nghị công nhận mô hình", kind: .yesNo),
                    FieldSpec(
                        id: "nhan-rong", label: "Đã nhân rộng ra đơn vị, địa bàn khác", kind: .yesNo, required: false,
                        help: "Có khi mô hình đã được áp dụng ở nơi khác."),
                ]),
            FormSpec(
                id: "bao-cao-so-ket", title: "Báo cáo sơ kết 6 tháng của cơ quan, đơn vị", filledBy: .collective,
                fields: [
                    FieldSpec(id: "don-vi", label: "Cơ quan, đơn vị, tổ dân phố", kind: .unit),
                    FieldSpec(id: "so-mo-hinh", label: "Số mô hình đang thực hiện", kind: .integer),
                    FieldSpec(id: "ket-qua", label: "Kết quả nổi bật", kind: .longText),
                    FieldSpec(id: "kho-khan", label: "Khó khăn, vướng mắc", kind: .longText, required: false),
                ]),
            FormSpec(
                id: "bao-cao-tong-ket", title: "Báo cáo tổng kết năm của cơ quan, đơn vị", filledBy: .collective,
                fields: [
                    FieldSpec(id: "don-vi", label: "Cơ quan, đơn vị, tổ dân phố", kind: .unit),
                    FieldSpec(id: "so-mo-hinh", label: "Số mô hình đã thực hiện", kind: .integer),
                    FieldSpec(id: "so-mo-hinh-hieu-qua", label: "Số mô hình hiệu quả", kind: .integer),
                    FieldSpec(id: "ket-qua", label: "Kết quả, hiệu quả mang lại", kind: .longText),
                    FieldSpec(id: "kien-nghi", label: "Kiến nghị, đề xuất", kind: .longText, required: false),
                ]),
        ]
    }

    static func makeReport(_ kind: ReportKind) -> ReportLayout {
        let title =
            kind == .soKet
            ? "Báo cáo sơ kết 6 tháng Phong trào thi đua “Dân vận khéo”"
            : "Báo cáo tổng kết năm Phong trào thi đua “Dân vận khéo”"
        var sections = [
            ReportSection(
                id: "lanh-dao-chi-dao", heading: "Công tác lãnh đạo, chỉ đạo triển khai", source: .handwritten,
                prompt: "Các văn bản đã ban hành, hình thức quán triệt, tuyên truyền"),
            ReportSection(
                id: "ket-qua-mo-hinh", heading: "Kết quả thực hiện các mô hình, điển hình “Dân vận khéo”", source: .type,
                prompt: "Các mô hình đã đăng ký, thực hiện, đánh giá và nhân rộng"),
            ReportSection(id: "hieu-qua", heading: "Hiệu quả mang lại", source: .indicators),
            ReportSection(
                id: "cach-lam-hay", heading: "Những cách làm hay, sáng tạo", source: .handwritten,
                prompt: "Mô hình, cách làm tiêu biểu có thể nhân rộng"),
            ReportSection(
                id: "kho-khan", heading: "Khó khăn, vướng mắc", source: .handwritten, prompt: "Khó khăn, vướng mắc và nguyên nhân"),
            ReportSection(id: "kien-nghi", heading: "Kiến nghị, đề xuất", source: .handwritten, prompt: "Kiến nghị với cấp trên"),
            ReportSection(
                id: "phuong-huong", heading: "Phương hướng, nhiệm vụ thời gian tiếp theo", source: .handwritten,
                prompt: "Nhiệm vụ trọng tâm kỳ tới"),
        ]
        if kind == .tongKet {
            sections.insert(ReportSection(id: "tham-gia", heading: "Tình hình tham gia phong trào", source: .participation), at: 1)
            sections.append(ReportSection(id: "khen-thuong", heading: "Kết quả bình xét, khen thưởng", source: .awards))
        }
        return ReportLayout(kind: kind, title: title, sections: sections)
    }
}
