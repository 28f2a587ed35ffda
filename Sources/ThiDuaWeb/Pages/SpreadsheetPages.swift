import Foundation
import ThiDuaCore
import ThiDuaRender

/// Every list the command line exports with `--format xlsx`, as a download for the clerk, the
/// admin and the viewer: the roster, the status with who is missing, a campaign's evaluation,
/// the awards of a year, a decision's list, a participant's record and the year's report.
///
/// Each download is the same back-office read and the same `SpreadsheetExports` (or
/// `Workbook(document:)`) the command uses; a handler only picks them and names the file.
enum SpreadsheetPages {
    static let readers: Access = .roles([.admin, .clerk, .viewer])
    static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    /// The record form's field.
    static let participantField = "doi-tuong"

    static func register(in router: inout Router) {
        router.get("/bang-tinh", access: readers, index)
        router.get("/bang-tinh/danh-sach", access: readers, roster)
        router.get("/bang-tinh/tinh-hinh", access: readers, status)
        router.get("/bang-tinh/khen-thuong/:year", access: readers, awards)
        router.get("/bang-tinh/tong-hop/:year", access: readers, yearReport)
        router.get("/bang-tinh/qua-trinh", access: readers, record)
        router.get("/bang-tinh/phong-trao/:campaign/danh-gia", access: readers, evaluation)
        router.get("/bang-tinh/phong-trao/:campaign/quyet-dinh/:index", access: readers, decision)
    }

    static func office(_ context: RequestContext) -> BackOffice { UnitPages.office(context) }

    /// The workbook as an attachment; a writer failure is a 500.
    static func xlsx(_ context: RequestContext, _ workbook: Workbook, name: String) -> Response {
        let bytes: [UInt8]
        do throws(ZipError) {
            bytes = try SpreadsheetWriter.write(workbook)
        } catch {
            return Pages.serverError(context, message: "Không tạo được tệp Excel (.xlsx).")
        }
        return Response(
            status: .ok,
            headers: HTTPHeaders([
                ("Content-Type", mediaType), ("Content-Disposition", "attachment; filename=\"\(DocumentPages.safeFileName(name + ".xlsx"))\""),
                ("X-Content-Type-Options", "nosniff"),
            ]),
            body: bytes)
    }

    /// A back-office refusal as a page: 404 for what does not exist, 500 for damage.
    static func refusal(_ context: RequestContext, _ error: OfficeError) -> Response {
        switch error.kind {
        case .notFound, .argument, .invalid: Pages.message(context, status: .notFound, title: "Không có bảng tính này", text: error.message)
        default: Pages.serverError(context, message: error.message)
        }
    }

    static func year(_ context: RequestContext) -> Int? {
        guard let text = context.parameters["year"], text.count == 4, let year = Int(text), year > 1900, year < 2200 else { return nil }
        return year
    }

    // MARK: Downloads

    static let roster: Handler = { _, context in
        do throws(OfficeError) {
            let office = office(context)
            return xlsx(
                context, SpreadsheetExports.roster(try office.roster(), figures: office.workspace.unitKinds().kinds.figures),
                name: "danh-sach-don-vi-ca-nhan")
        } catch {
            return refusal(context, error)
        }
    }

    static let status: Handler = { _, context in
        let today = WebClock.civilDate(context.now)
        do throws(OfficeError) {
            let all = try office(context).allCampaigns()
            let entries = all.campaigns.map { SpreadsheetExports.CampaignEntry(plan: $0.plan, state: $0.state) }
            let book = SpreadsheetExports.status(entries, roster: try office(context).roster(), today: today) {
                context.site.registry.type($0)?.definition.title ?? $0
            }
            return xlsx(context, book, name: "tinh-hinh-\(today.iso)")
        } catch {
            return refusal(context, error)
        }
    }

    static let awards: Handler = { _, context in
        guard let year = year(context) else { return Pages.notFound(context) }
        do throws(OfficeError) {
            let ledger = try office(context).awardLedger()
            let book = SpreadsheetExports.awards(
                year: year, ledger.year(year).map(SpreadsheetExports.AwardRow.init), repeats: ledger.repeats(in: year).map(\.warning))
            return xlsx(context, book, name: "khen-thuong-\(year)")
        } catch {
            return refusal(context, error)
        }
    }

    static let yearReport: Handler = { _, context in
        guard let year = year(context) else { return Pages.notFound(context) }
        do throws(OfficeError) {
            return xlsx(context, Workbook(document: try office(context).yearSummary(year)), name: "tong-hop-khen-thuong-\(year)")
        } catch {
            return refusal(context, error)
        }
    }

    /// GET /bang-tinh/qua-trinh?doi-tuong=…: a participant found as `thidua record` finds it;
    /// not found or ambiguous → the index again with the error on the field.
    static let record: Handler = { request, context in
        let text = (request.query[participantField] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            return page(context, value: text, errors: [FieldError(field: participantField, message: "Nhập mã hoặc tên đơn vị, cá nhân")])
        }
        do throws(OfficeError) {
            let who = try office(context).participant(text)
            let book = SpreadsheetExports.record(try office(context).record(who).map(SpreadsheetExports.AwardRow.init))
            return xlsx(context, book, name: "qua-trinh-khen-thuong-\(who.id)")
        } catch {
            if error.kind == .damaged { return Pages.serverError(context, message: error.message) }
            return page(context, value: text, errors: [FieldError(field: participantField, message: error.message)])
        }
    }

    static let evaluation: Handler = { request, context in
        guard let id = context.parameters["campaign"], Identifier.problem(id) == nil else { return Pages.notFound(context) }
        do throws(OfficeError) {
            let (campaign, evaluation) = try office(context).evaluate(id, period: request.query["ky"], today: WebClock.civilDate(context.now))
            return xlsx(
                context, SpreadsheetExports.evaluation(evaluation, plan: campaign.plan), name: "danh-gia-\(campaign.plan.id)-\(evaluation.period.description)")
        } catch {
            return refusal(context, error)
        }
    }

    static let decision: Handler = { _, context in
        guard let index = context.parameters["index"].flatMap({ Int($0) }), index >= 0 else { return Pages.notFound(context) }
        switch DocumentPages.documents(context, kind: .quyetDinh) {
        case .failure(let refusal): return refusal.response
        case .success(let (campaign, found)):
            guard found.indices.contains(index) else { return Pages.notFound(context) }
            return xlsx(context, Workbook(document: found[index].document), name: "\(campaign.plan.id)-\(found[index].name)")
        }
    }
}
