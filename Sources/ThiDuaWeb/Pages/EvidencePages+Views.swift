import Foundation
import ThiDuaCore

/// The markup of the evidence pages: the list (shared by every role) and the unit's upload form.
extension EvidencePages {
    static func renderUnit(
        _ context: RequestContext, campaign: OpenCampaign, unit: ThiDuaCore.Unit, values: [String: String], errors: [FieldError], notice: String?
    ) -> String {
        let base = "/don-vi/phong-trao/\(campaign.plan.id)"
        let records = UnitPages.office(context).evidence(in: campaign, for: .unit(unit.id))
        let limit = InputLimits.size(InputLimits.evidenceFile.bytes)
        let forms = UnitPages.forms(campaign).map { ($0.id, $0.title) }
        let indicators = campaign.plan.indicators.map { ($0.id, $0.title) }
        let accept = EvidenceKind.allCases.map { ".\($0.fileExtension)" }.joined(separator: ",") + ",.jpeg"
        var main = Layout.errorSummary(errors) + "\n"
        main += """
            <p><a href="\(HTML.escape(context.site.link(base)))">← \(HTML.escape(campaign.plan.name))</a></p>
            <h1>Minh chứng của đơn vị</h1>
            <p>Đơn vị: <strong>\(HTML.escape(unit.name))</strong>. Phong trào: \(HTML.escape(campaign.plan.name)).</p>

            """
        if let notice { main += "<div class=\"notice\" role=\"status\"><p>\(HTML.escape(notice))</p></div>\n" }
        main += list(context, campaign: campaign, records: records, linkBase: base + "/minh-chung", showUnit: false, withdrawable: campaign.state.closed == nil)
        main += withdrawnList(campaign, UnitPages.office(context).withdrawnEvidence(in: campaign, for: .unit(unit.id)), showUnit: false)
        let fileHint = "Nhận \(EvidenceKind.allowedList); mỗi tệp tối đa \(limit). Loại tệp được kiểm tra theo nội dung, không theo tên."
        main += """
            <h2>Gửi minh chứng mới</h2>
            <form method="post" action="\(HTML.escape(context.site.link(base + "/minh-chung")))" enctype="multipart/form-data" novalidate>
            \(HTML.csrfField(context.csrfToken))
            <div class="\(groupClass(errors, fileField))">
            <label for="\(fileField)">Tệp minh chứng</label>
            <p id="\(fileField)-goi-y" class="hint">\(HTML.escape(fileHint))</p>
            \(Layout.inlineError(errors, field: fileField))
            <input type="file" id="\(fileField)" name="\(fileField)" accept="\(HTML.escape(accept))"\(describedBy(errors, fileField, hint: true))>
            </div>
            \(select(formField, label: "Thuộc biểu mẫu (không bắt buộc)", options: forms, value: values[formField] ?? "", errors: errors))
            \(select(indicatorField, label: "Thuộc chỉ tiêu (không bắt buộc)", options: indicators, value: values[indicatorField] ?? "", errors: errors))
            <div class="\(groupClass(errors, noteField))">
            <label for="\(noteField)">Mô tả (không bắt buộc)</label>
            <p id="\(noteField)-goi-y" class="hint">Tệp này chứng minh điều gì, tối đa \(EvidenceRequest.maximumNoteLength) ký tự.</p>
            \(Layout.inlineError(errors, field: noteField))
            <textarea id="\(noteField)" name="\(noteField)" rows="3"\(describedBy(errors, noteField, hint: true))>\(HTML.escape(values[noteField] ?? ""))</textarea>
            </div>
            <button type="submit">Gửi minh chứng</button>
            </form>
            """
        return Layout.page(title: "Minh chứng – \(campaign.plan.name)", context: context, hasErrors: !errors.isEmpty, main: main)
    }

    static func renderCouncil(_ context: RequestContext, campaign: OpenCampaign) -> String {
        let base = "/hoi-dong/phong-trao/\(campaign.plan.id)"
        var main = """
            <p><a href="\(HTML.escape(context.site.link(base)))">← Bình xét – \(HTML.escape(campaign.plan.name))</a></p>
            <h1>Minh chứng của các đề cử</h1>

            """
        if let review = campaign.state.openReview {
            main +=
                "<p>Phiên «\(HTML.escape(review.id))», kỳ \(HTML.escape(review.period.vietnamese)): minh chứng các đơn vị được đề cử (và đơn vị của cá nhân được đề cử) đã gửi.</p>\n"
            let records = UnitPages.office(context).evidence(in: campaign, for: .council)
            main += list(context, campaign: campaign, records: records, linkBase: base + "/minh-chung", showUnit: true)
        } else {
            main += "<p>Phong trào chưa có phiên bình xét nào đang mở, nên chưa có minh chứng nào để xem.</p>\n"
        }
        return Layout.page(title: "Minh chứng – \(campaign.plan.name)", context: context, main: main)
    }

    static func renderOffice(_ context: RequestContext, campaign: OpenCampaign, notice: String? = nil) -> String {
        let base = "/can-bo/phong-trao/\(campaign.plan.id)"
        let office = UnitPages.office(context)
        let records = office.evidence(in: campaign, for: .office)
        let shown = notice.map { "<div class=\"notice\" role=\"status\"><p>\(HTML.escape($0))</p></div>\n" } ?? ""
        let main = """
            <p><a href="\(HTML.escape(context.site.link(base + "/tai-lieu")))">← Tài liệu – \(HTML.escape(campaign.plan.name))</a></p>
            <h1>Minh chứng của các đơn vị</h1>
            \(shown)<p>Mọi minh chứng các đơn vị đã gửi cho phong trào «\(HTML.escape(campaign.plan.name))».</p>
            \(list(context, campaign: campaign, records: records, linkBase: base + "/minh-chung", showUnit: true, withdrawable: campaign.state.closed == nil))
            \(withdrawnList(campaign, office.withdrawnEvidence(in: campaign, for: .office), showUnit: true))
            """
        return Layout.page(title: "Minh chứng – \(campaign.plan.name)", context: context, main: main)
    }

    /// The table of evidence, each file a download link (and, where the reader may, a link to
    /// withdraw it); what it belongs to by title.
    static func list(
        _ context: RequestContext, campaign: OpenCampaign, records: [EvidenceRecord], linkBase: String, showUnit: Bool, withdrawable: Bool = false
    ) -> String {
        guard !records.isEmpty else { return "<p>Chưa có minh chứng nào.</p>\n" }
        let rows = records.map { record -> String in
            let link = context.site.link("\(linkBase)/\(record.seq)")
            var belongs: [String] = []
            if let form = record.form { belongs.append("Biểu mẫu: " + ((try? campaign.form(form))?.title ?? form)) }
            if let indicator = record.indicator {
                belongs.append("Chỉ tiêu: " + (campaign.plan.indicators.first { $0.id == indicator }?.title ?? indicator))
            }
            let unitCell = showUnit ? "<td>\(HTML.escape(campaign.roster.unit(record.unit)?.name ?? record.unit))</td>" : ""
            let withdrawLink = context.site.link("\(linkBase)/\(record.seq)/rut")
            let withdrawCell =
                withdrawable
                ? "<td><a href=\"\(HTML.escape(withdrawLink))\">Rút tệp này<span class=\"visually-hidden\"> («\(HTML.escape(record.name))»)</span></a></td>"
                : ""
            return
                "<tr>\(unitCell)<td><a href=\"\(HTML.escape(link))\" download>\(HTML.escape(record.name))</a></td><td>\(HTML.escape(record.kind.vietnamese))</td><td>\(HTML.escape(InputLimits.size(record.size)))</td><td>\(HTML.escape(belongs.isEmpty ? "Hồ sơ chung của đơn vị" : belongs.joined(separator: "; ")))</td><td>\(HTML.escape(record.note ?? ""))</td><td>\(HTML.escape(record.date.vietnamese))</td><td>\(HTML.escape(record.actor))</td>\(withdrawCell)</tr>"
        }
        let unitHeader = showUnit ? "<th scope=\"col\">Đơn vị</th>" : ""
        return """
            <table>
            <caption>Minh chứng đã gửi (\(records.count) tệp)</caption>
            <thead><tr>\(unitHeader)<th scope="col">Tệp</th><th scope="col">Loại</th><th scope="col">Dung lượng</th><th scope="col">Thuộc</th><th scope="col">Mô tả</th><th scope="col">Ngày gửi</th><th scope="col">Người gửi</th>\(withdrawable ? "<th scope=\"col\">Rút</th>" : "")</tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>

            """
    }

    static func select(_ id: String, label: String, options: [(String, String)], value: String, errors: [FieldError]) -> String {
        let items = options.map { option in
            "<option value=\"\(HTML.escape(option.0))\"\(option.0 == value ? " selected" : "")>\(HTML.escape(option.1))</option>"
        }.joined(separator: "\n")
        return """
            <div class="\(groupClass(errors, id))">
            <label for="\(id)">\(HTML.escape(label))</label>
            \(Layout.inlineError(errors, field: id))
            <select id="\(id)" name="\(id)"\(describedBy(errors, id, hint: false))>
            <option value="">— Không chọn —</option>
            \(items)
            </select>
            </div>
            """
    }

    static func groupClass(_ errors: [FieldError], _ field: String) -> String {
        errors.contains { $0.field == field } ? "form-group form-group-error" : "form-group"
    }

    /// `aria-describedby` naming the hint (when the field has one) and the inline error.
    static func describedBy(_ errors: [FieldError], _ field: String, hint: Bool) -> String {
        var ids: [String] = []
        if hint { ids.append("\(field)-goi-y") }
        if errors.contains(where: { $0.field == field }) { ids.append("\(field)-loi") }
        return ids.isEmpty ? "" : " aria-describedby=\"\(ids.joined(separator: " "))\""
    }
}
