import ThiDuaCore

/// What the type computes from a campaign's state: models counted per unit per year, and the
/// register of models in the reports.
extension DanVanKheoType {
    /// `mo-hinh-dang-ky` for every enrolled unit in every year some model was registered (a unit
    /// with none counts 0 that year, so it falls short of the minimum instead of lacking data).
    public func derivedValues(in context: CampaignContext) -> [DerivedValue] {
        let rows = context.rows(of: Self.registrationForm)
        guard let last = rows.map(\.period.year).max() else { return [] }
        let register = ModelRegister(context, upTo: last)
        var out: [DerivedValue] = []
        for year in Set(rows.map(\.period.year)).sorted() {
            let seq = rows.filter { $0.period.year == year }.map(\.seq).max() ?? 0
            for unit in context.state.units {
                out.append(
                    DerivedValue(
                        indicator: Self.modelCount, participant: .unit(unit), period: EvaluationPeriod(year: year),
                        value: Double(register.registered(by: unit, in: year)), seq: seq))
            }
        }
        return out
    }

    /// `ket-qua-mo-hinh`: the register up to the report's year, with each unit's count of the
    /// year against the plan's minimum.
    public func section(_ section: ReportSection, in context: CampaignContext, period: EvaluationPeriod) -> SectionContent? {
        guard section.id == "ket-qua-mo-hinh" else { return nil }
        let register = ModelRegister(context, upTo: period.year)
        let minimum = Self.minimum(of: settings(DanVanKheoSettings.self, of: context.plan)) ?? Self.defaultMinimum
        guard !register.models.isEmpty else {
            return SectionContent(paragraphs: ["Chưa có mô hình, nội dung nào được đăng ký."])
        }
        let models = register.models
        let ofYear = models.filter { $0.registered == period.year }.count
        func count(_ stage: ModelStage) -> Int { models.filter { $0.stage == stage }.count }
        var paragraphs = [
            "Đến hết \(period.vietnamese), sổ theo dõi có \(models.count) mô hình (đăng ký \(period.vietnamese): \(ofYear)); "
                + ModelStage.allCases.map { "\($0.vietnamese.lowercased()): \(count($0))" }.joined(separator: "; ") + "."
        ]
        let short = context.state.units.filter { register.registered(by: $0, in: period.year) < minimum }
        if context.state.units.isEmpty {
            // No unit enrolled: nobody to hold to the minimum.
        } else if short.isEmpty {
            paragraphs.append("Tất cả \(context.state.units.count) đơn vị đã đăng ký đủ ít nhất \(minimum) mô hình \(period.vietnamese).")
        } else {
            paragraphs.append(
                "Đơn vị chưa đăng ký đủ \(minimum) mô hình \(period.vietnamese): "
                    + short.map { "\(context.name(.unit($0))) (\(register.registered(by: $0, in: period.year))/\(minimum))" }
                    .joined(separator: ", ") + ".")
        }
        let rows = models.enumerated().map { i, model -> [String] in
            var status = model.stage.vietnamese
            if let year = model.reached[model.stage] { status += " (\(year))" }
            if let rating = model.rating { status += "; xếp loại: \(rating)" }
            return [
                "\(i + 1)", model.unit.map { context.name(.unit($0)) } ?? "", model.name, model.field ?? "",
                model.registered.map(String.init) ?? "chưa có phiếu đăng ký", status,
            ]
        }
        return SectionContent(
            paragraphs: paragraphs, columns: ["TT", "Đơn vị", "Tên mô hình", "Lĩnh vực", "Năm đăng ký", "Tình trạng"], rows: rows,
            widths: [0.6, 2.6, 3.6, 2, 1.2, 2.6],
            notes: [
                "Tình trạng: đã đăng ký → đang thực hiện (có đánh giá 6 tháng) → đã đánh giá (có đánh giá cả năm) → đã nhân rộng; mô hình của các năm trước được giữ trong sổ."
            ])
    }
}
