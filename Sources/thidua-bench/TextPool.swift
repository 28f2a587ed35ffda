/// Vietnamese sentences for the free-text fields of synthetic forms, so journal lines have the
/// length and the diacritics of real ones.
enum TextPool {
    static let models = [
        "Mô hình “Dân vận khéo” trong giải quyết thủ tục hành chính", "Tuyến phố văn minh, sạch đẹp",
        "Ngày Chủ nhật xanh", "Camera an ninh khu dân cư", "Tổ công nghệ số cộng đồng hướng dẫn người dân",
        "Bữa cơm nghĩa tình cho người cao tuổi neo đơn", "Thu gom rác thải nhựa đổi quà", "Sổ tay điện tử của tổ dân phố",
        "Góc đọc sách cộng đồng", "Nhóm Zalo kết nối hộ kinh doanh", "Hòm thư góp ý trực tuyến",
        "Vận động hiến đất mở rộng hẻm", "Chi hội phụ nữ không có người thân vi phạm pháp luật",
    ]

    static let places = [
        "Tổ dân phố 1", "Tổ dân phố 3", "toàn phường", "khu dân cư số 2", "chợ trung tâm", "tuyến đường Lê Lợi",
        "Trung tâm Phục vụ hành chính công", "các trường học trên địa bàn",
    ]

    static let forces = [
        "Cán bộ, công chức và hội viên", "Đoàn viên thanh niên", "Hội viên phụ nữ và nhân dân", "Ban điều hành tổ dân phố",
        "Công an phường phối hợp lực lượng dân phòng", "Cựu chiến binh và nhân dân",
    ]

    static let sentences = [
        "Đơn vị đã ban hành kế hoạch triển khai, phân công nhiệm vụ cụ thể cho từng cán bộ, công chức.",
        "Tổ chức quán triệt nội dung phong trào đến toàn thể cán bộ, đảng viên và nhân dân trên địa bàn.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn tăng so với cùng kỳ năm trước.",
        "Người dân được hướng dẫn tận tình, không phải đi lại nhiều lần để hoàn thiện hồ sơ.",
        "Phối hợp chặt chẽ với Mặt trận Tổ quốc và các đoàn thể trong công tác tuyên truyền, vận động.",
        "Một số hộ dân còn chưa quen sử dụng dịch vụ công trực tuyến, cần tiếp tục hướng dẫn.",
        "Kinh phí thực hiện còn hạn chế; đề nghị cấp trên quan tâm hỗ trợ trang thiết bị.",
        "Mô hình được nhân dân đồng tình, hưởng ứng và có khả năng nhân rộng ra các khu dân cư khác.",
        "Đã tổ chức 04 buổi tập huấn kỹ năng số cho người dân và hộ kinh doanh.",
        "Không có đơn thư khiếu nại, tố cáo liên quan đến thái độ phục vụ của cán bộ, công chức.",
        "Thực hiện nghiêm quy tắc ứng xử, văn hóa công vụ tại nơi làm việc.",
        "Việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính được thực hiện đầy đủ theo quy định.",
        "Tiếp tục phát huy những kết quả đạt được, khắc phục hạn chế trong năm tới.",
        "Đề xuất khen thưởng kịp thời các tập thể, cá nhân có thành tích tiêu biểu.",
    ]

    static let evidence = [
        "Báo cáo số 15/BC-UBND", "Biên bản kiểm tra ngày 12/10", "Kết quả khảo sát sự hài lòng", "Sổ theo dõi hồ sơ",
        "Quyết định công nhận sáng kiến", "Danh sách người dân được hướng dẫn", "Hình ảnh hoạt động và báo cáo kết quả",
        "Xác nhận của Thủ trưởng đơn vị",
    ]

    static let appraisalReasons = [
        "Minh chứng chưa đầy đủ theo yêu cầu của kế hoạch", "Đã xác minh thực tế tại đơn vị, kết quả phù hợp",
        "Điều chỉnh theo kết quả kiểm tra của Hội đồng", "Đơn vị bổ sung minh chứng sau buổi thẩm định",
    ]

    static let correctionReasons = [
        "Cập nhật số liệu sau rà soát cuối năm", "Nhập nhầm số liệu, điều chỉnh theo báo cáo gốc",
        "Số liệu được cơ quan chuyên môn xác nhận lại",
    ]

    /// A short text for a field, chosen by what its label asks for.
    static func short(_ label: String, using random: inout SeededGenerator) -> String {
        let key = label.lowercased()
        if key.contains("mô hình") || key.contains("sáng kiến") || key.contains("tên") { return random.pick(models) }
        if key.contains("địa bàn") || key.contains("nơi") { return random.pick(places) }
        if key.contains("lực lượng") || key.contains("tham gia") { return random.pick(forces) }
        if key.contains("minh chứng") || key.contains("tài liệu") { return random.pick(evidence) }
        return random.pick(sentences)
    }

    /// One to three sentences.
    static func long(using random: inout SeededGenerator) -> String {
        (0..<random.int(1...3)).map { _ in random.pick(sentences) }.joined(separator: " ")
    }
}
