import Foundation
import ThiDuaCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The accounts of one workspace: `accounts/accounts.json`, mode 0600 in a 0700 folder.
///
/// Changes take an exclusive `flock` on `accounts/.lock`, re-read the file, and replace it
/// whole (temporary file, fsync, rename), so `thidua user` and a running server never lose each
/// other's changes and a crash leaves the old file or the new one. Neither file is followed
/// if it is a symbolic link: a workspace can arrive from elsewhere.
public final class AccountStore: Sendable {
    public let folder: URL
    public var file: URL { folder.appendingPathComponent("accounts.json") }
    private var lockFile: URL { folder.appendingPathComponent(".lock") }
    /// The last file read, by (inode, size, modification time), so each request does not re-parse it.
    private let cache = Locked<(key: [Int], accounts: [Account])?>(nil)

    /// Refused beyond this size (a workspace's file is untrusted).
    public static let maximumFileSize = 4 * 1024 * 1024

    public init(workspace: Workspace) {
        folder = workspace.root.appendingPathComponent("accounts", isDirectory: true)
    }

    /// The file's shape on disk.
    struct FileContents: Codable {
        var version: Int
        var accounts: [Account]
    }

    /// Every account, sorted by login; empty when the file does not exist yet.
    public func all() throws(WebError) -> [Account] {
        var info = stat()
        guard lstat(file.path, &info) == 0 else {
            if errno == ENOENT { return [] }
            throw WebError("Không đọc được \(file.path): \(String(cString: strerror(errno))).")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw WebError("\(file.path) không phải tệp thường (có thể là liên kết tượng trưng); từ chối đọc.")
        }
        let key = [Int(info.st_ino), Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
        if let cached = cache.withLock({ $0 }), cached.key == key { return cached.accounts }
        guard Int(info.st_size) <= Self.maximumFileSize else {
            throw WebError("\(file.path) lớn quá \(Self.maximumFileSize) byte; từ chối đọc.")
        }
        let bytes = try readNoFollow(file)
        let decoded: FileContents
        do {
            decoded = try JSONDecoder().decode(FileContents.self, from: Data(bytes))
        } catch {
            throw WebError("\(file.path) sai dạng: \(Self.describe(error)). Không sửa tay tệp này; dùng `thidua user`.")
        }
        guard decoded.version == 1 else {
            throw WebError("\(file.path) có version \(decoded.version); phiên bản này chỉ đọc version 1.")
        }
        for account in decoded.accounts {
            if let problem = Account.loginProblem(account.login) { throw WebError("\(file.path): \(problem)") }
        }
        let accounts = decoded.accounts.sorted { $0.login < $1.login }
        cache.withLock { $0 = (key, accounts) }
        return accounts
    }

    /// The account named `login`, if any.
    public func account(_ login: String) throws(WebError) -> Account? {
        try all().first { $0.login == login }
    }

    /// Re-reads the file under the lock, lets `change` edit the list, and writes it back whole.
    public func update<T>(_ change: (inout [Account]) throws(WebError) -> T) throws(WebError) -> T {
        try makeFolder()
        let lock = open(lockFile.path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard lock >= 0 else { throw WebError("Không mở được \(lockFile.path): \(String(cString: strerror(errno))).") }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else { throw WebError("Không khóa được \(lockFile.path).") }
        cache.withLock { $0 = nil }
        var accounts = try all()
        let result = try change(&accounts)
        try write(FileContents(version: 1, accounts: accounts.sorted { $0.login < $1.login }))
        cache.withLock { $0 = nil }
        return result
    }

    /// Where in the JSON a decoding error happened, e.g. `accounts[2].role`.
    static func describe(_ error: Error) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?: return "thiếu khóa «\(key.stringValue)» tại «\(path(context.codingPath))»"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?, .dataCorrupted(let context)?:
            return "giá trị không hợp lệ tại «\(path(context.codingPath))»"
        default: return "không phải JSON hợp lệ"
        }
    }

    private func makeFolder() throws(WebError) {
        var info = stat()
        if lstat(folder.path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw WebError("\(folder.path) không phải thư mục thường (có thể là liên kết tượng trưng); từ chối ghi.")
            }
            return
        }
        guard mkdir(folder.path, 0o700) == 0 || errno == EEXIST else {
            throw WebError("Không tạo được thư mục \(folder.path): \(String(cString: strerror(errno))).")
        }
    }

    private func readNoFollow(_ url: URL) throws(WebError) -> [UInt8] {
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw WebError("Không đọc được \(url.path): \(String(cString: strerror(errno))).") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw WebError("Không đọc được \(url.path): \(String(cString: strerror(errno))).") }
            if n == 0 { break }
            bytes += chunk[0..<n]
            guard bytes.count <= Self.maximumFileSize else { throw WebError("\(url.path) lớn quá \(Self.maximumFileSize) byte.") }
        }
        return bytes
    }

    private func write(_ contents: FileContents) throws(WebError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do { data = try encoder.encode(contents) } catch { throw WebError("Không ghi được danh sách tài khoản.") }
        let temporary = folder.appendingPathComponent(".accounts.json.\(getpid()).tmp")
        unlink(temporary.path)
        // Created 0600 from the start: the hashes are never readable by others, not even briefly.
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw WebError("Không tạo được \(temporary.path): \(String(cString: strerror(errno))).") }
        var ok = true
        let bytes = [UInt8](data) + [10]
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                ok = false
                break
            }
            offset += n
        }
        ok = ok && fchmod(fd, 0o600) == 0 && fsync(fd) == 0
        close(fd)
        guard ok, rename(temporary.path, file.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw WebError("Không ghi được \(file.path): \(reason). Danh sách tài khoản giữ nguyên.")
        }
        let dir = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }
}

/// A failure of the web layer, with a Vietnamese message for officials.
public struct WebError: Error, Sendable, Equatable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
