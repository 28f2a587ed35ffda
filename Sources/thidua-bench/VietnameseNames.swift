/// Lists the synthetic rosters draw from: family names with their rough share of the
/// population, middle and given names by gender, the provinces and ward names, and the units a
/// ward People's Committee usually has.
enum VietnameseNames {
    /// Họ, weighted by approximate frequency (per cent of the population).
    static let familyNames: [(String, Double)] = [
        ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 5.1), ("Huỳnh", 4), ("Phan", 4.5),
        ("Vũ", 3.9), ("Võ", 3.9), ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1),
        ("Lý", 0.5), ("Đinh", 0.5), ("Trương", 0.5), ("Lương", 0.3), ("Mai", 0.3), ("Cao", 0.3), ("Đoàn", 0.3),
        ("Hà", 0.3), ("Tạ", 0.2), ("Lâm", 0.2), ("Chu", 0.1), ("Quách", 0.1), ("Thái", 0.1), ("Kiều", 0.1),
        ("Vương", 0.1), ("Tô", 0.1), ("La", 0.1), ("Triệu", 0.1), ("Lưu", 0.1), ("Tăng", 0.1),
    ]

    /// Tên đệm of men.
    static let maleMiddle = [
        "Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thanh", "Xuân", "Đình", "Ngọc", "Quốc", "Trọng", "Duy", "Tuấn",
        "Hoàng", "Gia", "Anh", "Tiến", "Mạnh", "Bá",
    ]

    /// Tên đệm of women.
    static let femaleMiddle = [
        "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Thùy", "Hồng", "Phương", "Minh", "Mỹ", "Bích", "Diệu",
        "Khánh", "Hải", "Như", "Quỳnh", "Bảo", "Hoài",
    ]

    /// Tên of men.
    static let maleGiven = [
        "Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Nam", "Long", "Sơn", "Thắng", "Cường", "Quân", "Phong", "Hiếu", "Trung",
        "Khoa", "Đạt", "Huy", "Tài", "Thành", "Lâm", "Bình", "Tâm", "Phúc", "An", "Khang", "Bảo", "Tùng", "Vinh", "Hòa",
        "Nghĩa", "Toàn", "Quang", "Hoàng", "Duy", "Trí", "Kiên", "Hậu", "Lộc", "Thịnh", "Vũ",
    ]

    /// Tên of women.
    static let femaleGiven = [
        "Lan", "Mai", "Hương", "Hoa", "Linh", "Trang", "Thảo", "Hà", "Ngọc", "Phương", "Nhung", "Yến", "Hằng", "Thủy",
        "Thu", "Hạnh", "Loan", "Liên", "Dung", "Vân", "Oanh", "Trinh", "Nga", "Huyền", "Quyên", "Chi", "Ly", "Vy", "Anh",
        "Tâm", "Nhàn", "Xuân", "Hiền", "Giang", "Nhi", "My", "Thư", "Diệp", "Uyên", "Tuyết",
    ]

    /// The 34 provinces and centrally-run cities from 1 July 2025.
    static let provinces = [
        "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
        "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình",
        "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Thành phố Hồ Chí Minh",
        "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
    ]

    /// Place names wards and communes are often called by.
    static let placeNames = [
        "Minh Xuân", "Hòa Bình", "Tân Phú", "An Khánh", "Bình Minh", "Thạnh Mỹ", "Phú Lợi", "Long Thạnh", "Hưng Phú",
        "Đông Hòa", "Tân An", "Phước Long", "Vĩnh Hưng", "Quang Trung", "Hồng Hà", "Trung Sơn", "Nam Gia Nghĩa",
        "Phù Lý", "Phùng Chí Kiên", "Kim Long", "Xuân Phú", "Thành Công", "Yên Hòa", "Phú Thượng", "Nghĩa Tân",
        "Hiệp Bình", "Tăng Nhơn Phú", "Bình Thạnh", "Chánh Hưng", "Tân Định", "Cầu Kiệu", "Lê Lợi", "Trần Phú",
        "Hòa Khánh", "Sơn Trà", "Ngũ Hành Sơn", "Hải Châu", "Cẩm Lệ", "Thanh Khê", "An Hải", "Mỹ An", "Tân Thành",
        "Đồng Xoài", "Thuận An", "Dĩ An", "Tân Uyên", "Long Khánh", "Bảo Lộc", "Gia Nghĩa", "Buôn Hồ", "Ea Kao",
    ]

    /// Mặt trận and đoàn thể of a ward; three of them take part each year.
    static let massOrganisations = [
        "Ủy ban Mặt trận Tổ quốc Việt Nam", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
        "Hội Cựu chiến binh", "Hội Nông dân",
    ]
}
