/// The sample ward the demo runs on: the units and people of a realistic phường after the
/// 2025 reorganisation (Nghị định 150/2025/NĐ-CP), with invented names.
enum SampleWard {
    static let units = """
        Mã,Tên đơn vị,Loại,Trực thuộc
        van-phong,Văn phòng HĐND và UBND,phòng/ban,
        phong-kinh-te,"Phòng Kinh tế, Hạ tầng và Đô thị",phòng/ban,
        phong-vhxh,Phòng Văn hóa – Xã hội,phòng/ban,
        trung-tam-hcc,Trung tâm Phục vụ hành chính công,phòng/ban,
        cong-an,Công an phường,Công an,
        quan-su,Ban Chỉ huy Quân sự phường,quân sự,
        mttq,Ủy ban MTTQ Việt Nam phường,đoàn thể,
        hoi-phu-nu,Hội Liên hiệp Phụ nữ phường,đoàn thể,
        doan-thanh-nien,Đoàn Thanh niên phường,đoàn thể,
        tdp-1,Tổ dân phố 1,tổ dân phố,
        tdp-2,Tổ dân phố 2,tổ dân phố,
        tdp-3,Tổ dân phố 3,tổ dân phố,
        khom-4,Khóm 4,khóm,

        """

    static let people = """
        Họ và tên,Chức vụ,Đơn vị,Ngày sinh
        Nguyễn Thị Thu Hà,Chánh Văn phòng,Văn phòng HĐND và UBND,14/03/1982
        Trần Minh Tuấn,Phó Chánh Văn phòng,Văn phòng HĐND và UBND,
        Lê Thị Ngọc Ánh,Chuyên viên thi đua – khen thưởng,Văn phòng HĐND và UBND,
        Phạm Văn Khoa,Văn thư,Văn phòng HĐND và UBND,
        Đỗ Quang Huy,Trưởng phòng,"Phòng Kinh tế, Hạ tầng và Đô thị",
        Vũ Thị Lan Anh,Chuyên viên,"Phòng Kinh tế, Hạ tầng và Đô thị",
        Bùi Đức Thắng,Chuyên viên địa chính,"Phòng Kinh tế, Hạ tầng và Đô thị",
        Hoàng Thị Mỹ Linh,Chuyên viên,"Phòng Kinh tế, Hạ tầng và Đô thị",
        Ngô Thanh Bình,Trưởng phòng,Phòng Văn hóa – Xã hội,
        Đặng Thị Hồng Nhung,Chuyên viên văn hóa,Phòng Văn hóa – Xã hội,
        Phan Văn Lộc,Chuyên viên lao động – xã hội,Phòng Văn hóa – Xã hội,
        Trịnh Thị Kim Oanh,Chuyên viên y tế,Phòng Văn hóa – Xã hội,
        Lý Quốc Bảo,Phó Giám đốc,Trung tâm Phục vụ hành chính công,
        Mai Thị Thảo,Công chức một cửa,Trung tâm Phục vụ hành chính công,
        Cao Văn Phúc,Công chức một cửa,Trung tâm Phục vụ hành chính công,
        Dương Thị Yến,Công chức một cửa,Trung tâm Phục vụ hành chính công,
        Tạ Minh Khôi,Trưởng Công an phường,Công an phường,
        Lâm Văn Sơn,Phó Trưởng Công an,Công an phường,
        Kiều Thị Hạnh,Cán bộ hộ khẩu,Công an phường,
        Châu Văn Tài,Chỉ huy trưởng,Ban Chỉ huy Quân sự phường,
        Huỳnh Thanh Nam,Chỉ huy phó,Ban Chỉ huy Quân sự phường,
        Tô Thị Bích,Chủ tịch,Ủy ban MTTQ Việt Nam phường,
        Lương Văn Hải,Phó Chủ tịch,Ủy ban MTTQ Việt Nam phường,
        Võ Thị Thanh Tâm,Chủ tịch,Hội Liên hiệp Phụ nữ phường,
        Quách Thị Diệu,Phó Chủ tịch,Hội Liên hiệp Phụ nữ phường,
        Đinh Công Minh,Bí thư,Đoàn Thanh niên phường,
        Hà Thị Phương,Phó Bí thư,Đoàn Thanh niên phường,
        Nguyễn Văn Đức,Tổ trưởng,Tổ dân phố 1,
        Trần Thị Hoa,Tổ phó,Tổ dân phố 1,
        Lê Văn Tám,Tổ trưởng,Tổ dân phố 2,
        Phạm Thị Xuân,Chi hội trưởng phụ nữ,Tổ dân phố 2,
        Nguyễn Hữu Nghĩa,Tổ trưởng,Tổ dân phố 3,
        Đoàn Thị Mến,Tổ phó,Tổ dân phố 3,
        Trương Văn Lực,Trưởng khóm,Khóm 4,
        Ông Thị Sen,Phó trưởng khóm,Khóm 4,
        La Văn Thông,Tổ viên tổ công nghệ số,Tổ dân phố 1,
        Hồ Thị Ngân,Tổ viên tổ công nghệ số,Tổ dân phố 2,
        Giang Văn Toàn,Chuyên viên chuyển đổi số,Văn phòng HĐND và UBND,
        Mạc Thị Vân,Kế toán,Văn phòng HĐND và UBND,
        Thái Văn Hùng,Chuyên viên tư pháp,Phòng Văn hóa – Xã hội,

        """

    static let council = """
        Họ và tên,Chức vụ trong Hội đồng
        Phan Văn Quốc,Chủ tịch Hội đồng
        Nguyễn Thị Thu Hà,Thư ký
        Ngô Thanh Bình,Ủy viên
        Đỗ Quang Huy,Ủy viên
        Tô Thị Bích,Ủy viên
        Tạ Minh Khôi,Ủy viên
        Lý Quốc Bảo,Ủy viên

        """
}
