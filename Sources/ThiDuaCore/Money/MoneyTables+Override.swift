import ThiDuaBase

extension MoneyTables {
    /// These tables with an override's rows merged in, or these tables unchanged with the errors.
    ///
    /// Base salary rows are added (a date already present is an error); new decrees are added
    /// (a known number, an end before the start, or days shared with another decree are
    /// errors); decree changes edit a known decree. Amounts, multiples and factors must be
    /// positive. Diagnostics carry JSON paths but no file; the loader adds the file and lines.
    public func merged(with change: MoneyOverride) -> (tables: MoneyTables, diagnostics: [Diagnostic]) {
        var problems: [Diagnostic] = []
        func error(_ path: String, _ message: String, hint: String? = nil) {
            problems.append(Diagnostic(.error, path: path, message: message, hint: hint))
        }
        if let version = change.version, version != MoneyOverride.currentVersion {
            error(
                "version", "phiên bản tệp là \(version) nhưng ThiDua này đọc phiên bản \(MoneyOverride.currentVersion)",
                hint: "đặt \"version\": \(MoneyOverride.currentVersion)")
        }

        var salaries = baseSalaries
        for (i, row) in (change.baseSalaries ?? []).enumerated() {
            let path = "baseSalaries[\(i)]"
            if row.amount <= 0 {
                error(path + ".amount", "mức lương cơ sở phải là số đồng dương, thấy \(Numbers.grouped(row.amount))")
            }
            if row.source.trimmingCharacters(in: .whitespaces).isEmpty {
                error(path + ".source", "cần nêu văn bản quy định mức lương này", hint: "ví dụ \"73/2024/NĐ-CP\"")
            }
            if let clash = salaries.first(where: { $0.from == row.from }) {
                error(
                    path + ".from",
                    "ngày \(row.from.vietnamese) đã có mức lương cơ sở \(Numbers.grouped(clash.amount)) đồng (\(clash.source))",
                    hint: "mỗi ngày chỉ có một mức; xóa dòng trùng hoặc sửa ngày")
            } else {
                salaries.append(row)
            }
        }

        // Each decree remembers where the file touched it, to place an overlap.
        var merged: [(decree: RewardDecree, place: String?)] = decrees.map { ($0, nil) }
        for (i, decree) in (change.decrees ?? []).enumerated() {
            let path = "decrees[\(i)]"
            var valid = true
            if decree.id.trimmingCharacters(in: .whitespaces).isEmpty {
                error(path + ".id", "số hiệu nghị định không được để trống", hint: "ví dụ \"98/2023/NĐ-CP\"")
                valid = false
            } else if merged.contains(where: { $0.decree.id == decree.id }) {
                error(
                    path + ".id", "nghị định «\(decree.id)» đã có trong bảng",
                    hint: "để sửa hệ số hay ngày hết hiệu lực của nghị định đã có, dùng «decreeChanges»")
                valid = false
            }
            if let to = decree.to, to < decree.from {
                error(path + ".to", "ngày hết hiệu lực \(to.vietnamese) trước ngày có hiệu lực \(decree.from.vietnamese)")
                valid = false
            }
            checkFactor(decree.collectiveFactor, at: path + ".collectiveFactor", into: &problems)
            if decree.forms.isEmpty {
                error(path + ".forms", "nghị định cần ít nhất một hình thức khen thưởng có hệ số")
            }
            checkRates(decree.forms, at: path + ".forms", into: &problems)
            if valid { merged.append((decree, path + ".from")) }
        }

        var changed: [String: String] = [:]
        for (i, edit) in (change.decreeChanges ?? []).enumerated() {
            let path = "decreeChanges[\(i)]"
            guard let index = merged.firstIndex(where: { $0.decree.id == edit.decree }) else {
                let known = merged.map(\.decree.id)
                error(
                    path + ".decree", "không có nghị định «\(edit.decree)» để sửa; các nghị định có: \(known.joined(separator: ", "))",
                    hint: DidYouMean.suggestion(for: edit.decree, among: known).map { "có phải ý bạn là «\($0)»?" })
                continue
            }
            if let earlier = changed[edit.decree] {
                error(path + ".decree", "nghị định «\(edit.decree)» đã được sửa ở \(earlier)", hint: "gộp hai mục làm một")
                continue
            }
            changed[edit.decree] = path
            var decree = merged[index].decree
            if let to = edit.to {
                if to < decree.from {
                    error(path + ".to", "ngày hết hiệu lực \(to.vietnamese) trước ngày có hiệu lực \(decree.from.vietnamese)")
                }
                decree.to = to
                merged[index].place = path + ".to"
            }
            if let factor = edit.collectiveFactor {
                checkFactor(factor, at: path + ".collectiveFactor", into: &problems)
                decree.collectiveFactor = factor
            }
            if let note = edit.note { decree.note = note }
            if let rates = edit.forms {
                checkRates(rates, at: path + ".forms", into: &problems)
                for rate in rates {
                    if let k = decree.forms.firstIndex(where: { $0.form == rate.form }) {
                        decree.forms[k] = rate
                    } else {
                        decree.forms.append(rate)
                    }
                }
            }
            merged[index].decree = decree
        }

        for i in merged.indices {
            for j in merged.indices where j > i && merged[i].decree.overlaps(merged[j].decree) {
                let (a, b) = (merged[i].decree, merged[j].decree)
                error(
                    merged[j].place ?? merged[i].place ?? "decrees",
                    "thời gian hiệu lực của Nghị định \(b.id) (\(b.periodText)) trùng với Nghị định \(a.id) (\(a.periodText)); "
                        + "mỗi ngày chỉ áp dụng một nghị định",
                    hint: "đặt ngày hết hiệu lực «to» cho nghị định cũ trong «decreeChanges», hoặc sửa ngày «from»")
            }
        }

        guard !problems.hasErrors else { return (self, problems) }
        return (MoneyTables(baseSalaries: salaries, decrees: merged.map(\.decree)), problems)
    }

    private func checkFactor(_ factor: Int, at path: String, into problems: inout [Diagnostic]) {
        guard factor < 1 else { return }
        problems.append(
            Diagnostic(
                .error, path: path, message: "hệ số tập thể phải là số nguyên từ 1 trở lên, thấy \(factor)",
                hint: "tập thể nhận gấp 2 lần cá nhân: đặt 2"))
    }

    private func checkRates(_ rates: [AwardRate], at path: String, into problems: inout [Diagnostic]) {
        var seen: [String: Int] = [:]
        for (k, rate) in rates.enumerated() {
            let place = "\(path)[\(k)]"
            if let problem = Identifier.problem(rate.form) {
                problems.append(Diagnostic(.error, path: place + ".form", message: "mã hình thức không hợp lệ: \(problem)"))
            } else if let first = seen[rate.form] {
                problems.append(
                    Diagnostic(
                        .error, path: place + ".form", message: "hình thức «\(rate.form)» đã có ở \(path)[\(first)]",
                        hint: "mỗi hình thức chỉ một hệ số; xóa dòng trùng"))
            } else {
                seen[rate.form] = k
            }
            if rate.multiple.thousandths <= 0 {
                problems.append(
                    Diagnostic(
                        .error, path: place + ".multiple", message: "hệ số phải lớn hơn 0, thấy \(rate.multiple.vietnamese)",
                        hint: "ghi hệ số của nghị định, ví dụ 0.3"))
            }
        }
    }
}
