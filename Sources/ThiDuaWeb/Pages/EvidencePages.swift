import Foundation
import ThiDuaCore

/// Evidence files (minh chứng): a unit head uploads and lists its own unit's; a council member
/// sees those of the open review's nominees; the clerk and the admin see all. Each list links
/// to a download of the stored bytes.
///
/// Which evidence a reader may see is `BackOffice.evidence(in:for:)`: the audience comes from
/// the route's role and the account (a unit head's unit is `account.unit`, never the request),
/// and a file the reader may not see is answered like one that does not exist (404).
enum EvidencePages {
    /// The upload form's fields.
    static let fileField = "tep"
    static let formField = "bieu-mau"
    static let indicatorField = "chi-tieu"
    static let noteField = "mo-ta"
    /// Never sent by the page: a request that names a unit must name the account's own.
    static let unitField = "don-vi"

    static func register(in router: inout Router) {
        router.get("/don-vi/phong-trao/:campaign/minh-chung", access: .roles([.unit]), unitPage)
        router.post("/don-vi/phong-trao/:campaign/minh-chung", access: .roles([.unit]), upload)
        router.get("/don-vi/phong-trao/:campaign/minh-chung/:seq", access: .roles([.unit]), unitDownload)
        router.get("/hoi-dong/phong-trao/:campaign/minh-chung", access: .roles([.council]), councilPage)
        router.get("/hoi-dong/phong-trao/:campaign/minh-chung/:seq", access: .roles([.council]), councilDownload)
        router.get("/can-bo/phong-trao/:campaign/minh-chung", access: .roles([.admin, .clerk]), officePage)
        router.get("/can-bo/phong-trao/:campaign/minh-chung/:seq", access: .roles([.admin, .clerk]), officeDownload)
        // The same helper's other pages, so the shared route list gains one line only.
        SpreadsheetPages.register(in: &router)
    }

    // MARK: Unit head

    /// GET /don-vi/phong-trao/:campaign/minh-chung: the unit's evidence and the upload form.
    static let unitPage: Handler = { request, context in
        switch UnitPages.open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let (campaign, unit)):
            let notice =
                request.query["da-gui"].map { "Đã nhận minh chứng «\($0)». Cảm ơn đơn vị." }
                ?? request.query["da-rut"].map { "Đã rút minh chứng «\($0)»." }
            return .html(renderUnit(context, campaign: campaign, unit: unit, values: [:], errors: [], notice: notice))
        }
    }

    /// POST …/minh-chung (multipart, CSRF checked): one file through `BackOffice.attachEvidence`;
    /// a refusal comes back next to the field it concerns and records nothing.
    static let upload: Handler = { _, context in
        let (campaign, unit): (OpenCampaign, ThiDuaCore.Unit)
        switch UnitPages.open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let found): (campaign, unit) = found
        }
        guard let account = context.account else { return Pages.notFound(context) }
        guard let parts = context.multipart else {
            return Pages.badRequest(context, message: "Biểu mẫu gửi minh chứng phải gửi dạng multipart/form-data (có tệp đính kèm).")
        }
        func text(_ name: String) -> String { (parts[name]?.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        // The unit is the account's; a request naming another unit is a cross-unit attempt.
        if let named = parts[unitField], named.text != unit.id { return Pages.forbidden(context) }
        let values = [formField: text(formField), indicatorField: text(indicatorField), noteField: text(noteField)]
        let fail: (FieldError) -> Response = { error in
            .html(
                renderUnit(context, campaign: campaign, unit: unit, values: values, errors: [error], notice: nil),
                status: HTTPStatus(422, "Unprocessable Content"))
        }
        guard let part = parts[fileField], part.filename != nil, !(part.filename ?? "").isEmpty || !part.data.isEmpty else {
            return fail(FieldError(field: fileField, message: "Chọn tệp minh chứng cần gửi"))
        }
        let request = EvidenceRequest(
            unit: unit.id, file: InputFile(name: part.filename ?? "", bytes: part.data), form: values[formField].flatMap { $0.isEmpty ? nil : $0 },
            indicator: values[indicatorField].flatMap { $0.isEmpty ? nil : $0 }, note: values[noteField])
        let actionContext = ActionContext(
            actor: account.login, today: WebClock.civilDate(context.now), now: { [now = context.now] in WebClock.timestamp(now) })
        let result: EvidenceResult
        do throws(OfficeError) {
            result = try UnitPages.office(context).attachEvidence(campaign.plan.id, request, as: actionContext)
        } catch {
            return fail(FieldError(field: field(of: error), message: error.message))
        }
        let name = PercentDecoding.encode(result.record.name)
        return .redirect(to: context.site.link("/don-vi/phong-trao/\(campaign.plan.id)/minh-chung?da-gui=\(name)"))
    }

    /// The upload field a refusal concerns: the form or indicator named, the note, else the file.
    static func field(of error: OfficeError) -> String {
        if error.message.hasPrefix("Biểu mẫu «") { return formField }
        if error.message.hasPrefix("Chỉ tiêu «") { return indicatorField }
        if error.message.hasPrefix("Mô tả") { return noteField }
        return fileField
    }

    static let unitDownload: Handler = { _, context in
        switch UnitPages.open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let (campaign, unit)): return download(context, campaign: campaign, audience: .unit(unit.id))
        }
    }

    // MARK: Council member and office

    static let councilPage: Handler = { _, context in
        switch CouncilPages.open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let campaign): return .html(renderCouncil(context, campaign: campaign))
        }
    }

    static let councilDownload: Handler = { _, context in
        switch CouncilPages.open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let campaign): return download(context, campaign: campaign, audience: .council)
        }
    }

    static let officePage: Handler = { request, context in
        switch CouncilPages.open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let campaign):
            return .html(renderOffice(context, campaign: campaign, notice: request.query["da-rut"].map { "Đã rút minh chứng «\($0)»." }))
        }
    }

    static let officeDownload: Handler = { _, context in
        switch CouncilPages.open(context) {
        case .failure(let refusal): return refusal.response
        case .success(let campaign): return download(context, campaign: campaign, audience: .office)
        }
    }

    /// The stored bytes with their media type, as an attachment with an ASCII name; 404 for a
    /// number that is not evidence this audience may see.
    static func download(_ context: RequestContext, campaign: OpenCampaign, audience: EvidenceAudience) -> Response {
        guard let text = context.parameters["seq"], let seq = Int(text), seq > 0 else { return Pages.notFound(context) }
        let record: EvidenceRecord
        let bytes: [UInt8]
        do throws(OfficeError) {
            (record, bytes) = try UnitPages.office(context).evidenceFile(in: campaign, seq: seq, for: audience)
        } catch {
            if error.kind == .notFound && !error.message.hasPrefix("Tệp minh chứng") { return Pages.notFound(context) }
            return Pages.serverError(context, message: error.message)
        }
        return Response(
            status: .ok,
            headers: HTTPHeaders([
                ("Content-Type", record.kind.mediaType),
                ("Content-Disposition", "attachment; filename=\"\(DocumentPages.safeFileName(record.downloadName))\""),
                ("X-Content-Type-Options", "nosniff"),
            ]),
            body: bytes)
    }
}
