import ThiDuaBase

extension PlanValidator {
    /// The Giấy khen's boxes for pre-printed blanks lie on the landscape A4 sheet (297 × 210 mm)
    /// and have a readable size.
    mutating func checkCertificate() {
        guard let positions = plan.certificate?.positions else { return }
        for (key, box) in positions.boxes {
            guard let box else { continue }
            let path = "certificate.positions.\(key)"
            if !(box.x >= 0 && box.x < 297) { error("\(path).x", "lề trái \(Numbers.vietnamese(box.x)) mm nằm ngoài trang; cần từ 0 đến dưới 297 mm") }
            if !(box.y >= 0 && box.y < 210) { error("\(path).y", "lề trên \(Numbers.vietnamese(box.y)) mm nằm ngoài trang; cần từ 0 đến dưới 210 mm") }
            if !(box.width > 0) {
                error("\(path).width", "độ rộng \(Numbers.vietnamese(box.width)) mm phải lớn hơn 0")
            } else if box.x >= 0, box.x + box.width > 297 {
                error(
                    "\(path).width",
                    "ô chữ từ \(Numbers.vietnamese(box.x)) mm rộng \(Numbers.vietnamese(box.width)) mm vượt mép phải trang (297 mm)",
                    hint: "độ rộng tối đa ở vị trí này là \(Numbers.vietnamese(297 - box.x)) mm")
            }
            if let size = box.size, !(size >= 6 && size <= 72) {
                error("\(path).size", "cỡ chữ \(Numbers.vietnamese(size)) pt không hợp lệ; cần từ 6 đến 72")
            }
        }
    }
}
