import Foundation
import ThiDuaCore

/// "Chính quyền thân thiện": every official signs the pledge "4 xin, 4 luôn, 5 không"; the
/// Văn phòng evaluates and proposes awards (seed 002, xã Phú Lý 2024).
public struct ChinhQuyenThanThienType: CampaignType {
    public let definition: CampaignTypeDefinition

    public init() {
        definition = Self.makeDefinition()
    }

    /// Đồng Nai's wording (2025); provinces word them differently, so a plan may override them.
    public static let defaultPledge = Pledge(
        xin: ["Xin chào", "Xin lỗi", "Xin cảm ơn", "Xin phép"],
        luon: ["Luôn mỉm cười", "Luôn nhẹ nhàng", "Luôn lắng nghe", "Luôn giúp đỡ"],
        khong: [
            "Không cửa quyền, hách dịch, gây khó khăn, phiền hà",
            "Không quan liêu, vô cảm, vô trách nhiệm",
            "Không tham nhũng, lãng phí, lợi ích nhóm",
            "Không xu nịnh, chạy chọt, gian dối",
            "Không lợi dụng chức vụ, quyền hạn trong thực thi công vụ",
        ])

    /// Who evaluates when the plan does not say.
    public static let defaultEvaluator = "Văn phòng UBND"

    /// The pledge form's id.
    public static let pledgeForm = "cam-ket-4-xin-4-luon-5-khong"
    /// The citizens' survey form's id.
    public static let surveyForm = "khao-sat-hai-long"
    /// The survey's answers, best first; the first two count as satisfied.
    public static let surveyAnswers = ["Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng"]
    static let satisfied = Array(surveyAnswers.prefix(2))

    /// The definition with the default pledge and evaluator.
    public static func makeDefinition() -> CampaignTypeDefinition {
        makeDefinition(pledge: defaultPledge, evaluator: defaultEvaluator)
    }

    /// The definition with a plan's pledge wording and evaluator.
    public static func makeDefinition(pledge: Pledge, evaluator: String) -> CampaignTypeDefinition {
        CampaignTypeDefinition(
            id: "chinh-quyen-than-thien",
            title: "Chính quyền thân thiện",
            summary: "Xây dựng chính quyền thân thiện, vì Nhân dân phục vụ: mỗi cán bộ, công chức ký cam kết “4 xin, 4 luôn, 5 không”.",
            legalBasis: [
                "Chỉ thị của Ban Thường vụ Tỉnh ủy về xây dựng và thực hiện mô hình “Chính quyền thân thiện”",
                "Kế hoạch của Ban Dân vận Tỉnh ủy và Ban Cán sự đảng UBND tỉnh về mô hình “Chính quyền thân thiện”",
            ],
            indicators: [
                CatalogueIndicator(
                    id: "ty-le-ky-cam-ket", title: "Tỷ lệ cán bộ, công chức ký cam kết", measure: .percent,
                    defaultTarget: Target(.equal, 100), scope: .campaign),
                CatalogueIndicator(
                    id: "hai-long", title: "Mức độ hài lòng của người dân", measure: .percent, scope: .campaign),
            ],
            criteria: [
                CatalogueCriterion(
                    id: "ky-cam-ket", appliesTo: .individual, text: "Ký cam kết thực hiện “4 xin, 4 luôn, 5 không”.",
                    rule: .attested(check: "pledge-signed", evidence: true)),
                CatalogueCriterion(
                    id: "thuc-hien-tot", appliesTo: .individual,
                    text: "Được \(evaluator) đánh giá thực hiện tốt mô hình “Chính quyền thân thiện”.",
                    rule: .attested(check: "danh-gia-tot", evidence: true)),
            ],
            attestedChecks: [
                AttestedCheck(id: "pledge-signed", title: "Đã ký cam kết “4 xin, 4 luôn, 5 không”"),
                AttestedCheck(id: "danh-gia-tot", title: "Được đánh giá thực hiện tốt"),
            ],
            countedEvents: [
                CountedEvent(id: "pledge", title: "Bản cam kết đã ký", form: pledgeForm),
                CountedEvent(id: "survey", title: "Phiếu khảo sát sự hài lòng đã thu", form: surveyForm),
            ],
            forms: makeForms(pledge: pledge, evaluator: evaluator),
            reports: [makeReport(.soKet, evaluator: evaluator), makeReport(.tongKet, evaluator: evaluator)]
        )
        // The signing rate and the satisfaction tally read these by id.
        .readingFields([pledgeForm: ["cam-ket"], surveyForm: ["muc-do", "don-vi"]])
    }

    /// The forms, with the plan's pledge wording and evaluator.
    public static func makeForms(pledge: Pledge, evaluator: String = defaultEvaluator) -> [FormSpec] {
        var preamble = ["Tôi xin cam kết thực hiện nghiêm túc khẩu hiệu “4 xin, 4 luôn, 5 không” trong thực thi công vụ:", "4 xin:"]
        preamble += pledge.xin.map { "- \($0);" }
        preamble.append("4 luôn:")
        preamble += pledge.luon.map { "- \($0);" }
        preamble.append("5 không:")
        preamble += pledge.khong.map { "- \($0);" }
        return [
            FormSpec(
                id: pledgeForm, title: "Bản cam kết thực hiện “4 xin, 4 luôn, 5 không”", filledBy: .individual,
                fields: [
                    FieldSpec(id: "ho-ten", label: "Họ và tên", kind: .person),
                    FieldSpec(id: "chuc-vu", label: "Chức vụ", kind: .text),
                    FieldSpec(id: "don-vi", label: "Đơn vị công tác", kind: .unit),
                    FieldSpec(id: "ngay-ky", label: "Ngày ký", kind: .date),
                    FieldSpec(id: "cam-ket", label: "Đồng ý cam kết", kind: .yesNo),
                ],
                preamble: preamble),
            FormSpec(
                id: "danh-gia-van-phong", title: "Phiếu đánh giá thực hiện mô hình “Chính quyền thân thiện”", filledBy: .individual,
                repeated: true,
                fields: [
                    FieldSpec(id: "ho-ten", label: "Họ và tên", kind: .person),
                    FieldSpec(id: "4-xin", label: "Thực hiện “4 xin”", kind: .yesNo),
                    FieldSpec(id: "4-luon", label: "Thực hiện “4 luôn”", kind: .yesNo),
                    FieldSpec(id: "5-khong", label: "Thực hiện “5 không”", kind: .yesNo),
                    FieldSpec(id: "xep-loai", label: "Xếp loại", kind: .choice, choices: ["Tốt", "Đạt", "Chưa đạt"]),
                    FieldSpec(id: "nhan-xet", label: "Nhận xét của \(evaluator)", kind: .longText, required: false),
                ],
                preamble: ["Đơn vị đánh giá: \(evaluator)."]),
            FormSpec(
                id: surveyForm, title: "Phiếu khảo sát sự hài lòng của người dân", repeated: true,
                fields: [
                    FieldSpec(
                        id: "don-vi", label: "Bộ phận được đánh giá", kind: .unit, required: false,
                        help: "Để trống nếu phiếu đánh giá chung cả Ủy ban."),
                    FieldSpec(id: "ngay", label: "Ngày khảo sát", kind: .date, required: false),
                    FieldSpec(id: "muc-do", label: "Mức độ hài lòng", kind: .choice, choices: surveyAnswers),
                    FieldSpec(id: "gop-y", label: "Góp ý của người dân", kind: .text, required: false),
                ],
                preamble: ["Mỗi dòng là một phiếu của một người dân; phiếu không ghi tên người trả lời."]),
            FormSpec(
                id: "bao-cao-tong-ket", title: "Báo cáo kết quả thực hiện mô hình “Chính quyền thân thiện”", filledBy: .collective,
                fields: [
                    FieldSpec(id: "don-vi", label: "Đơn vị", kind: .unit),
                    FieldSpec(id: "so-ky-cam-ket", label: "Số người đã ký cam kết", kind: .integer),
                    FieldSpec(id: "ket-qua", label: "Kết quả nổi bật", kind: .longText),
                ]),
        ]
    }

    /// The citizens' satisfaction, counted from the survey forms: the same block a declared type uses.
    static let satisfactionTally = FormTally(
        form: surveyForm, groupBy: nil, split: "muc-do", share: satisfied, shareTitle: "Tỷ lệ hài lòng (%)")

    static func makeReport(_ kind: ReportKind, evaluator: String) -> ReportLayout {
        ReportLayout(
            kind: kind,
            title: "Báo cáo \(kind.vietnamese) thực hiện mô hình “Chính quyền thân thiện”",
            sections: [
                ReportSection(
                    id: "trien-khai", heading: "Công tác triển khai, quán triệt", source: .handwritten,
                    prompt: "Hình thức triển khai, hướng dẫn ký cam kết"),
                ReportSection(
                    id: "cam-ket", heading: "Kết quả ký cam kết “4 xin, 4 luôn, 5 không”", source: .type,
                    prompt: "Kết quả ký cam kết"),
                ReportSection(
                    id: "hai-long", heading: "Kết quả khảo sát sự hài lòng của người dân", source: .tally,
                    prompt: "Kết quả khảo sát sự hài lòng", tally: satisfactionTally),
                ReportSection(id: "danh-gia", heading: "Kết quả đánh giá của \(evaluator)", source: .standings),
                ReportSection(id: "han-che", heading: "Hạn chế, nguyên nhân", source: .handwritten, prompt: "Hạn chế và nguyên nhân"),
                ReportSection(id: "khen-thuong", heading: "Đề xuất khen thưởng", source: .awards),
                ReportSection(
                    id: "phuong-huong", heading: "Phương hướng thời gian tới", source: .handwritten, prompt: "Nhiệm vụ tiếp theo"),
            ])
    }
}
