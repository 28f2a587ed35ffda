import ThiDuaBase

/// An evidence file to attach: the file as handed in, the unit whose record it supports, and
/// optionally the form or indicator it belongs to.
public struct EvidenceRequest: Sendable {
    /// The unit, by roster id or name (the web application passes the account's unit id).
    public var unit: String
    public var file: InputFile
    /// A form id of the campaign, or nil.
    public var form: String?
    /// An indicator id of the plan, or nil.
    public var indicator: String?
    /// What the file shows, at most `EvidenceRequest.maximumNoteLength` characters.
    public var note: String?

    /// The longest note kept.
    public static let maximumNoteLength = 500

    public init(unit: String, file: InputFile, form: String? = nil, indicator: String? = nil, note: String? = nil) {
        self.unit = unit
        self.file = file
        self.form = form
        self.indicator = indicator
        self.note = note
    }
}

/// What attaching recorded.
public struct EvidenceResult: Sendable {
    public var record: EvidenceRecord
    /// False when the same bytes were already stored (sent before, by this or another unit).
    public var newlyStored: Bool
}

/// Who is reading evidence, which decides what they see.
public enum EvidenceAudience: Sendable, Equatable {
    /// A unit head: its own unit's evidence only.
    case unit(String)
    /// A council member: the evidence of the open review's nominees (a nominated unit's own,
    /// and for a nominated person that of the person's unit); nothing when no review is open.
    case council
    /// The clerk and the admin: everything.
    case office
}

extension BackOffice {
    /// Attaches an evidence file to a unit's record: checked (size, content, the unit enrolled,
    /// the form or indicator known, not the same file again), stored under its SHA-256, then
    /// recorded as an `evidence` event. A refusal stores and records nothing.
    public func attachEvidence(_ reference: String, _ request: EvidenceRequest, as context: ActionContext) throws(OfficeError) -> EvidenceResult {
        let file = request.file
        let shown = EvidenceRecord.displayName(file.name)
        let kind = try Self.checkEvidence(file, shown: shown)
        let note = request.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let note, note.count > EvidenceRequest.maximumNoteLength {
            throw OfficeError(
                .invalid, "Mô tả minh chứng dài \(note.count) ký tự; tối đa \(EvidenceRequest.maximumNoteLength) ký tự. Chưa ghi nhận gì.")
        }
        let hash = SHA256.hex(SHA256.hash(file.bytes))
        let store = EvidenceStore(workspace: workspace)
        var newlyStored = false
        var payload: EvidencePayload?
        let committed = try commit(reference, as: context) { (campaign) throws(OfficeError) in
            guard let unit = campaign.roster.unit(request.unit) else {
                throw OfficeError(.notFound, "Không có đơn vị «\(request.unit)» trong danh sách đơn vị. Chưa ghi nhận gì.")
            }
            guard campaign.state.units.contains(unit.id) else {
                throw OfficeError(.refused, "Đơn vị «\(unit.name)» chưa tham gia phong trào «\(campaign.plan.name)»; chưa ghi nhận minh chứng.")
            }
            if let closed = campaign.state.closed {
                throw OfficeError(.refused, "Phong trào «\(campaign.plan.name)» đã kết thúc ngày \(closed.vietnamese); không nhận thêm minh chứng.")
            }
            let form = try request.form.map { (id) throws(OfficeError) in try campaign.form(id).id }
            let indicator = try request.indicator.map { (id) throws(OfficeError) in try Self.indicator(id, in: campaign) }
            if let earlier = campaign.state.evidence.first(where: {
                $0.unit == unit.id && $0.sha256 == hash && $0.form == form && $0.indicator == indicator
            }) {
                throw OfficeError(
                    .refused,
                    "Tệp «\(shown)» giống hệt minh chứng «\(earlier.name)» đơn vị đã gửi ngày \(earlier.date.vietnamese) (dòng \(earlier.seq) của nhật ký); không ghi lại lần nữa."
                )
            }
            // The bytes first, then the event: the journal never names a file that is not there.
            do throws(FileAccessError) {
                if try store.store(file.bytes, hash: hash, kind: kind) { newlyStored = true }
            } catch {
                throw OfficeError(.damaged, "Không lưu được tệp minh chứng «\(shown)»: \(error.reason). Chưa ghi nhận gì.")
            }
            let made = EvidencePayload(
                unit: unit.id, form: form, indicator: indicator, sha256: hash, size: file.bytes.count, fileKind: kind.rawValue, name: shown,
                note: note?.isEmpty == false ? note : nil)
            payload = made
            return [try Self.draft(made, context)]
        }
        guard let payload, let event = committed.events.first else {
            // commit returns no event only when the check wrote nothing, which this action never does.
            throw OfficeError(
                .damaged,
                "Không ghi được minh chứng «\(shown)» vào nhật ký của phong trào «\(reference)». Hãy gửi lại; nếu vẫn báo lỗi, chạy `thidua verify` và báo cho người quản trị."
            )
        }
        return EvidenceResult(
            record: EvidenceRecord(seq: event.seq, date: event.date, actor: event.actor, payload: payload, kind: kind), newlyStored: newlyStored)
    }

    /// The size and content checks, before anything is opened: the kind found, or a refusal
    /// naming the file, what it is and what is allowed.
    static func checkEvidence(_ file: InputFile, shown: String) throws(OfficeError) -> EvidenceKind {
        let limit = InputLimits.evidenceFile
        let allowed = "ThiDua chỉ nhận minh chứng là \(EvidenceKind.allowedList), mỗi tệp tối đa \(InputLimits.size(limit.bytes))."
        guard !file.bytes.isEmpty else {
            throw OfficeError(.invalid, "Tệp «\(shown)» trống (0 byte); hãy chọn đúng tệp minh chứng. \(allowed)")
        }
        guard file.bytes.count <= limit.bytes else {
            throw OfficeError(.invalid, "Tệp «\(shown)»: \(limit.refusalReason(size: file.bytes.count)). \(allowed)")
        }
        guard let kind = EvidenceKind.detect(file.bytes) else {
            throw OfficeError(
                .invalid, "Tệp «\(shown)» không phải loại tệp được nhận: \(EvidenceKind.describeContent(file.bytes)). \(allowed)")
        }
        if let named = EvidenceKind.named(shown), named != kind {
            throw OfficeError(
                .invalid,
                "Tệp «\(shown)» có đuôi của \(named.vietnamese) nhưng nội dung là \(kind.vietnamese); đổi đuôi tệp thành .\(kind.fileExtension) nếu đúng là tệp này, rồi gửi lại."
            )
        }
        return kind
    }

    static func indicator(_ id: String, in campaign: OpenCampaign) throws(OfficeError) -> String {
        let ids = campaign.plan.indicators.map(\.id)
        if ids.contains(id) { return id }
        let hint = DidYouMean.suggestion(for: id, among: ids).map { " Có phải ý bạn là «\($0)»?" } ?? ""
        throw OfficeError(
            .argument,
            "Chỉ tiêu «\(id)» không có trong phong trào «\(campaign.plan.id)».\(hint)"
                + (ids.isEmpty ? " Phong trào không có chỉ tiêu nào." : " Có: \(ids.joined(separator: ", ")).")
        )
    }

    /// The evidence of a campaign `audience` may see, oldest first.
    public func evidence(in campaign: OpenCampaign, for audience: EvidenceAudience) -> [EvidenceRecord] {
        switch audience {
        case .office:
            return campaign.state.evidence
        case .unit(let id):
            return campaign.state.evidence.filter { $0.unit == id }
        case .council:
            guard let review = campaign.state.openReview else { return [] }
            let units = Set(review.nominees.compactMap { Self.evidenceUnit(of: $0.participant, in: campaign) })
            return campaign.state.evidence.filter { units.contains($0.unit) }
        }
    }

    /// The unit whose evidence supports a participant: a unit's own, a person's unit.
    static func evidenceUnit(of participant: ParticipantRef, in campaign: OpenCampaign) -> String? {
        switch participant.kind {
        case .collective: return participant.id
        case .individual: return campaign.roster.person(participant.id)?.unit
        }
    }

    /// The evidence beside each nominee of the open review, by nominee id, oldest first: what
    /// the council's ballot page lists next to each nominee. Empty when no review is open; never
    /// more than `evidence(in:for: .council)` holds.
    public func nomineeEvidence(in campaign: OpenCampaign) -> [String: [EvidenceRecord]] {
        guard let review = campaign.state.openReview else { return [:] }
        var out: [String: [EvidenceRecord]] = [:]
        for nominee in review.nominees {
            guard let unit = Self.evidenceUnit(of: nominee.participant, in: campaign) else { continue }
            out[nominee.id] = campaign.state.evidence.filter { $0.unit == unit }
        }
        return out
    }

    /// The evidence of a campaign by reference, for `audience`.
    public func evidence(_ reference: String, for audience: EvidenceAudience) throws(OfficeError) -> (OpenCampaign, [EvidenceRecord]) {
        let campaign = try open(reference)
        return (campaign, evidence(in: campaign, for: audience))
    }

    /// One evidence file's record and bytes, by its journal line; not found (the same answer as
    /// for a line that holds no evidence) when `audience` may not see it.
    public func evidenceFile(in campaign: OpenCampaign, seq: Int, for audience: EvidenceAudience) throws(OfficeError) -> (EvidenceRecord, [UInt8]) {
        guard let record = evidence(in: campaign, for: audience).first(where: { $0.seq == seq }) else {
            throw OfficeError(.notFound, "Không có minh chứng số \(seq) trong phong trào «\(campaign.plan.id)» mà bạn được xem.")
        }
        return (record, try EvidenceStore(workspace: workspace).read(hash: record.sha256, kind: record.kind))
    }
}

extension BackOffice {
    /// The longest reason for a withdrawal kept.
    public static let maximumWithdrawalReasonLength = 500

    /// Withdraws an evidence file sent by mistake: an `evidence-withdrawn` event naming its
    /// journal line, with the account and a required reason. The journal keeps both lines and
    /// the stored bytes stay (named by hash, perhaps shared); the file is no longer listed,
    /// offered for download or put in a dossier. A unit head withdraws only his own unit's
    /// files, the office any; the council none. A refusal records nothing.
    public func withdrawEvidence(
        _ reference: String, seq: Int, reason: String, by audience: EvidenceAudience, as context: ActionContext
    ) throws(OfficeError) -> EvidenceWithdrawal {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw OfficeError(.invalid, "Rút minh chứng phải có lý do; chưa ghi gì.") }
        guard reason.count <= Self.maximumWithdrawalReasonLength else {
            throw OfficeError(
                .invalid, "Lý do rút minh chứng dài \(reason.count) ký tự; tối đa \(Self.maximumWithdrawalReasonLength) ký tự. Chưa ghi gì.")
        }
        if audience == .council { throw OfficeError(.refused, "Thành viên Hội đồng không rút được minh chứng của đơn vị.") }
        var withdrawn: EvidenceRecord?
        let committed = try commit(reference, as: context) { (campaign) throws(OfficeError) in
            guard let record = evidence(in: campaign, for: audience).first(where: { $0.seq == seq }) else {
                if let earlier = withdrawnEvidence(in: campaign, for: audience).first(where: { $0.record.seq == seq }) {
                    throw OfficeError(
                        .refused,
                        "Minh chứng «\(earlier.record.name)» đã được rút ngày \(earlier.date.vietnamese) (tài khoản \(earlier.actor), lý do: \(earlier.reason)); không rút lại lần nữa."
                    )
                }
                throw OfficeError(.notFound, "Không có minh chứng số \(seq) trong phong trào «\(campaign.plan.id)» mà bạn được rút.")
            }
            if let closed = campaign.state.closed {
                throw OfficeError(.refused, "Phong trào «\(campaign.plan.name)» đã kết thúc ngày \(closed.vietnamese); không rút minh chứng được nữa.")
            }
            withdrawn = record
            return [try Self.draft(EvidenceWithdrawalPayload(evidence: record.seq, reason: reason), context)]
        }
        guard let record = withdrawn, let event = committed.events.first else {
            throw OfficeError(
                .damaged,
                "Không ghi được việc rút minh chứng số \(seq) vào nhật ký của phong trào «\(reference)». Hãy thử lại; nếu vẫn báo lỗi, chạy `thidua verify` và báo cho người quản trị."
            )
        }
        return EvidenceWithdrawal(record: record, seq: event.seq, date: event.date, actor: event.actor, reason: reason)
    }

    /// The withdrawn evidence of a campaign `audience` may see, in the order withdrawn: a unit
    /// its own, the office all, the council none (a withdrawn file is not evidence).
    public func withdrawnEvidence(in campaign: OpenCampaign, for audience: EvidenceAudience) -> [EvidenceWithdrawal] {
        switch audience {
        case .office: return campaign.state.withdrawnEvidence
        case .unit(let id): return campaign.state.withdrawnEvidence.filter { $0.record.unit == id }
        case .council: return []
        }
    }
}
