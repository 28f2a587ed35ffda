import Foundation
import ThiDuaBase

/// A campaign file `newCampaign` wrote, with what it holds.
public struct NewCampaignResult: Sendable {
    public var file: String
    public var type: CampaignTypeDefinition
    public var year: Int
    public var directives: [Directive]
    public var summary: (indicators: Int, criteria: Int, targetsFromFloors: Int)
    /// Marked blanks `[CẦN ĐIỀN: …]` for the ward to fill.
    public var blanks: Int
}

extension BackOffice {
    /// Writes `campaigns/<id>.json` for a type and a directive chain, never over an existing
    /// file, and only when the file it would write loads without error. `issuer` names an issuer
    /// kind of the catalogue: the file then takes its header, symbol and signer from it.
    public func newCampaign(
        type typeID: String, id: String, directive directiveID: String?, year: Int, today: CivilDate, issuer: String? = nil
    ) throws(OfficeError)
        -> NewCampaignResult
    {
        if let problem = Identifier.problem(id) { throw OfficeError(.invalid, "--id: \(problem).") }
        let type = try campaignType(typeID)
        // Read once: the chain comes from it, and the new file is checked against it.
        let library = DirectiveLibrary.load(folder: workspace.directivesFolder, display: workspace.display)
        let directives = try directiveChain(directiveID, library: library)
        let target = workspace.campaignsFolder.appendingPathComponent("\(id).json")
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw OfficeError(
                .refused, "Đã có \(workspace.display(target)); không ghi đè. Chọn mã khác cho --id, hoặc xóa tệp cũ nếu thật sự muốn tạo lại.")
        }
        let catalogue = workspace.issuerKinds().kinds
        var issuerKind: IssuerKind?
        if let issuer {
            guard let kind = catalogue.kind(issuer) else {
                let guess = VietnameseText.suggestion(for: issuer, among: catalogue.kinds.map(\.id) + catalogue.kinds.map(\.label))
                throw OfficeError(
                    .notFound,
                    "--issuer: không có loại cơ quan ban hành «\(InputLimits.shown(issuer))». " + (guess.map { "Có phải ý bạn là «\($0)»? " } ?? "")
                        + "Các loại: \(catalogue.allowedDescription).")
            }
            issuerKind = kind
        }
        var template = CampaignTemplate(type: type.definition, id: id, year: year, directives: directives, today: today)
        template.issuerKind = issuerKind
        let text = template.text()
        // The file must load before it is written: a template that does not is our bug, and the
        // official should not be the one to find it.
        let check = CampaignLoader(registry: registry, directives: library, issuerKinds: catalogue).load(
            bytes: Array(text.utf8), file: workspace.display(target), expectedID: id)
        let errors = check.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, check.plan != nil else {
            throw OfficeError(.damaged, "Không tạo được tệp kế hoạch cho loại «\(typeID)» (lỗi của ThiDua, xin báo lại).", details: errors)
        }
        do {
            try AtomicFile.write(Data(text.utf8), to: target)
        } catch {
            throw OfficeError(.damaged, "Không ghi được \(workspace.display(target)): \(error.localizedDescription)")
        }
        return NewCampaignResult(
            file: workspace.display(target), type: type.definition, year: year, directives: directives, summary: template.summary,
            blanks: check.diagnostics.filter(CampaignBlanks.isBlank).count)
    }

    /// A usable type of the workspace by id.
    public func campaignType(_ typeID: String) throws(OfficeError) -> any CampaignType {
        guard let type = registry.type(typeID) else {
            let known = registry.ids
            let guess = DidYouMean.suggestion(for: typeID, among: known)
            throw OfficeError(
                .notFound,
                "Không có loại phong trào «\(typeID)». " + (guess.map { "Có phải ý bạn là «\($0)»? " } ?? "") + "Các loại: \(known.joined(separator: ", ")).")
        }
        if let unavailable = type as? UnavailableDeclaredType {
            throw OfficeError(
                .damaged, "Loại phong trào «\(typeID)» khai báo trong \(unavailable.file) nhưng tệp có lỗi; chạy `thidua check \(unavailable.file)`.")
        }
        return type
    }

    /// The named directive and those above it, nearest first.
    func directiveChain(_ directiveID: String?, library: DirectiveLibrary) throws(OfficeError) -> [Directive] {
        guard let directiveID else { return [] }
        guard let file = library.file(directiveID) else {
            let guess = DidYouMean.suggestion(for: directiveID, among: library.ids)
            throw OfficeError(
                .notFound,
                "Không tìm thấy văn bản chỉ đạo «\(directiveID)» trong \(workspace.display(workspace.directivesFolder))/. "
                    + (guess.map { "Có phải ý bạn là «\($0)»? " } ?? "")
                    + (library.ids.isEmpty ? "Thư mục chưa có văn bản nào." : "Các văn bản: \(library.ids.joined(separator: ", ")).")
            )
        }
        guard !file.isBroken else {
            throw OfficeError(.damaged, "Tệp \(file.file) có lỗi; sửa rồi chạy lại (xem `thidua check \(file.file)`).")
        }
        let chain = library.chain(from: directiveID)
        if let broken = chain.first(where: \.isBroken) {
            throw OfficeError(.damaged, "Văn bản cấp trên \(broken.file) có lỗi; sửa rồi chạy lại (xem `thidua check \(broken.file)`).")
        }
        return chain.compactMap(\.directive)
    }
}
