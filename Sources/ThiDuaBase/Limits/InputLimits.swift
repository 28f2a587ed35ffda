import Foundation

/// The limits every input is held to, so a hostile or mistaken file cannot exhaust memory or
/// make every later command slow. Each refusal says the limit in Vietnamese.
public enum InputLimits {
    /// A CSV file (roster, submission, council lists): 32 MB.
    public static let csvFile = ByteLimit(bytes: 32 << 20, what: "tệp CSV")
    /// A campaign, directive, type or money-table JSON file: 8 MB.
    public static let jsonFile = ByteLimit(bytes: 8 << 20, what: "tệp JSON (phong trào, văn bản chỉ đạo, loại phong trào, bảng mức tiền)")
    /// A roster: the workspace's `roster/roster.json` or an imported JSON roster: 64 MB.
    public static let rosterFile = ByteLimit(bytes: 64 << 20, what: "danh sách đơn vị, cá nhân")
    /// A submission file (CSV or JSON): 32 MB.
    public static let submissionFile = ByteLimit(bytes: 32 << 20, what: "tệp hồ sơ nộp")
    /// One evidence file (minh chứng: a scan, a photo, a document): 10 MiB. A phone photo is
    /// 2–6 MB and a scanned page as PDF well under 1 MB; the web upload's body limit is this
    /// plus room for the form's fields (`HTTPLimits.uploadBody`).
    public static let evidenceFile = ByteLimit(bytes: 10 << 20, what: "tệp minh chứng")
    /// Data rows of one CSV file.
    public static let csvRows = 50_000
    /// Characters of one CSV cell.
    public static let cellCharacters = 10_000
    /// Characters of a unit's or a person's name.
    public static let nameCharacters = 300

    /// A size as people read it: "1,5 MB", "850 KB", "12 byte".
    public static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 30 { return Numbers.vietnamese(Double(bytes) / Double(1 << 30), maxFractionDigits: 1) + " GB" }
        if bytes >= 1 << 20 { return Numbers.vietnamese(Double(bytes) / Double(1 << 20), maxFractionDigits: 1) + " MB" }
        if bytes >= 1 << 10 { return Numbers.vietnamese(Double(bytes) / Double(1 << 10), maxFractionDigits: 1) + " KB" }
        return "\(bytes) byte"
    }

    /// A value echoed in a message, cut when long: a 100,000-digit number or a pasted page
    /// shows its start, its end and its length instead of flooding the terminal.
    public static func shown(_ text: String, max: Int = 80) -> String {
        guard text.count > max else { return text }
        return "\(text.prefix(max / 2))…\(text.suffix(8)) (\(Numbers.grouped(text.count)) ký tự)"
    }
}
