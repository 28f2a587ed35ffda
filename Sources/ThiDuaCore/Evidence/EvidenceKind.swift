import ThiDuaBase

/// The kinds of evidence file ThiDua keeps, each recognised by its content (magic bytes, and
/// for the office formats the ZIP container's declared main part), never by its name.
public enum EvidenceKind: String, CaseIterable, Sendable {
    case pdf, png, jpeg, docx, xlsx, odt

    /// The media type the file is served with.
    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .odt: "application/vnd.oasis.opendocument.text"
        }
    }

    /// The extension of the stored file and of the downloaded one.
    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    /// Extensions a sender's file name may carry for this kind.
    var extensions: [String] { self == .jpeg ? ["jpg", "jpeg"] : [rawValue] }

    /// The kind as officials name it.
    public var vietnamese: String {
        switch self {
        case .pdf: "PDF"
        case .png: "ảnh PNG"
        case .jpeg: "ảnh JPEG"
        case .docx: "văn bản Word (.docx)"
        case .xlsx: "bảng tính Excel (.xlsx)"
        case .odt: "văn bản OpenDocument (.odt)"
        }
    }

    /// "PDF, ảnh PNG, …": what an upload may be, for refusals and the upload page.
    public static let allowedList = allCases.map(\.vietnamese).joined(separator: ", ")

    /// The kind whose extensions include the one of `name`, if any.
    static func named(_ name: String) -> EvidenceKind? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        return allCases.first { $0.extensions.contains(ext) }
    }
}
