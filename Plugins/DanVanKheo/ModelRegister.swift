import ThiDuaCore

/// The register of a campaign's models, carried across the years of the plan: every model
/// registered or evaluated up to a year, matched by unit and name (letter case and spacing
/// folded, as names are compared everywhere).
public struct ModelRegister: Sendable {
    public private(set) var models: [RegisteredModel] = []

    /// The register as it stands at the end of `year`.
    public init(_ context: CampaignContext, upTo year: Int) {
        var index: [String: Int] = [:]
        func slot(_ row: FormRow, _ name: String) -> Int {
            let unit = context.unit(of: row)
            let key = (unit ?? "") + "\u{1F}" + VietnameseText.key(name)
            if let known = index[key] { return known }
            models.append(RegisteredModel(unit: unit, name: name, field: nil, registered: nil, reached: [:], rating: nil))
            index[key] = models.count - 1
            return models.count - 1
        }
        for row in context.rows(of: DanVanKheoType.registrationForm) where row.period.year <= year {
            guard case .text(let name)? = row["ten-mo-hinh"] else { continue }
            let i = slot(row, name)
            models[i].registered = min(models[i].registered ?? row.period.year, row.period.year)
            if models[i].field == nil { models[i].field = row["linh-vuc"]?.display }
        }
        for row in context.rows(of: DanVanKheoType.evaluationForm) where row.period.year <= year {
            guard case .text(let name)? = row["ten-mo-hinh"] else { continue }
            let i = slot(row, name)
            let term = row["ky-danh-gia"].map { VietnameseText.key($0.display) } ?? ""
            let y = row.period.year
            func reach(_ stage: ModelStage) { models[i].reached[stage] = min(models[i].reached[stage] ?? y, y) }
            reach(.carriedOut)
            if !term.contains("6 tháng") {
                reach(.assessed)
                if let rating = row["xep-loai"]?.display { models[i].rating = rating }
            }
            if row["nhan-rong"] == .yesNo(true) { reach(.replicated) }
        }
    }

    /// Models a unit registered in a year.
    public func registered(by unit: String, in year: Int) -> Int {
        models.filter { $0.unit == unit && $0.registered == year }.count
    }
}
