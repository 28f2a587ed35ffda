import Foundation
import ThiDuaCore

/// Size limits of one request; every number is documented in docs/web-server.md.
public struct HTTPLimits: Sendable {
    /// Request line, CRLF excluded (Apache's LimitRequestLine is 8190): beyond → 414.
    public var requestLine = 8 * 1024
    /// The whole header block after the request line: beyond → 431.
    public var headerBlock = 16 * 1024
    /// Header fields per request (Apache's LimitRequestFields is 100): beyond → 431.
    public var headerCount = 100
    /// Body of any request but an upload (forms, logins, multipart to other routes): beyond → 413.
    public var formBody = 64 * 1024
    /// Body of an evidence upload (a multipart/form-data POST to a path ending in `/minh-chung`):
    /// one evidence file at its limit (`InputLimits.evidenceFile`, 10 MiB) plus 256 KiB for the
    /// multipart framing and the form's other fields. Beyond → 413 before the body is read.
    public var uploadBody = InputLimits.evidenceFile.bytes + 256 * 1024
    /// Body of the clerk's roster upload (multipart POST to `/can-bo/danh-sach`): several CSV or
    /// .xlsx files of at most 4 MB each, 16 MiB in all.
    public var rosterUploadBody = 16 * 1024 * 1024
    /// Body of the form that opens a council review (multipart POST to `…/binh-xet/mo`): the
    /// members file at its limit (`ReviewSheets.membersFileLimit`, 256 KiB) plus 64 KiB for the
    /// typed fields and the framing.
    public var membersUploadBody = ReviewSheets.membersFileLimit.bytes + 64 * 1024
    /// One chunk-size line of a chunked body, extensions included.
    public var chunkLine = 1024

    public init() {}

    /// The body limit for a request: an upload limit only for a multipart POST to an upload
    /// route (evidence, the roster), so no other route lets a client make the server hold megabytes.
    public func bodyLimit(method: String, target: String, contentType: String?) -> Int {
        let type = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard method == "POST", type == "multipart/form-data" else { return formBody }
        // Under `--root` a route is `/<ward>/…`: the end of the path names it.
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? target
        if path.hasSuffix("/minh-chung") { return uploadBody }
        if path.hasSuffix("/can-bo/danh-sach") { return rosterUploadBody }
        if path.hasSuffix("/binh-xet/mo") { return membersUploadBody }
        return formBody
    }
}
