import Foundation
import ThiDuaBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The evidence files of a workspace: `data/minh-chung/<sha256>.<ext>`, one file per content.
///
/// The name is made from the SHA-256 of the bytes and the kind found from them, never from
/// anything a sender typed, so the same bytes sent twice (by any unit, to any campaign) are
/// kept once. Written whole (a temporary file, fsync, rename), never through a link.
public struct EvidenceStore: Sendable {
    public let workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// The fixed folder of every evidence file.
    public var folder: URL { workspace.dataFolder.appendingPathComponent("minh-chung", isDirectory: true) }

    /// Whether `hash` is 64 lowercase hexadecimal digits, the only names this store makes.
    public static func isHash(_ hash: String) -> Bool {
        hash.utf8.count == 64 && hash.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }

    func url(_ hash: String, _ kind: EvidenceKind) -> URL {
        folder.appendingPathComponent("\(hash).\(kind.fileExtension)")
    }

    /// Stores `bytes` under their hash; false when the same content was already there.
    @discardableResult
    public func store(_ bytes: [UInt8], hash: String, kind: EvidenceKind) throws(FileAccessError) -> Bool {
        guard Self.isHash(hash) else { throw FileAccessError(reason: "mã SHA-256 «\(hash)» không hợp lệ") }
        let url = url(hash, kind)
        if let existing = try? workspace.read(url, limit: InputLimits.evidenceFile), existing == bytes { return false }
        let folder = try workspace.folder(of: url, create: true)
        // A name of its own per write: two requests storing the same content at once (the
        // server runs handlers on many threads) must not share one temporary file.
        let temporary = ".\(url.lastPathComponent).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
        try folder.writeAtomically(bytes, to: url.lastPathComponent, temporary: temporary)
        return true
    }

    /// The stored bytes of `hash`, checked against it: a file changed on disk is refused.
    public func read(hash: String, kind: EvidenceKind) throws(OfficeError) -> [UInt8] {
        guard Self.isHash(hash) else { throw OfficeError(.damaged, "Mã SHA-256 «\(hash)» của minh chứng không hợp lệ.") }
        let url = url(hash, kind)
        let bytes: [UInt8]?
        do {
            bytes = try workspace.read(url, limit: InputLimits.evidenceFile)
        } catch {
            throw OfficeError(.damaged, "Không đọc được tệp minh chứng \(workspace.display(url)): \(error.reason).")
        }
        guard let bytes else {
            throw OfficeError(.notFound, "Tệp minh chứng \(workspace.display(url)) không còn trong thư mục làm việc; nhật ký vẫn ghi nó.")
        }
        guard SHA256.hex(SHA256.hash(bytes)) == hash else {
            throw OfficeError(.damaged, "Tệp minh chứng \(workspace.display(url)) đã bị sửa sau khi lưu (mã SHA-256 không khớp); không dùng được.")
        }
        return bytes
    }
}
