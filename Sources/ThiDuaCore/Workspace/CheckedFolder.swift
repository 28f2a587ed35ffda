import Foundation
import ThiDuaBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Opens a folder by path (following links: the caller chose it).
private func openFolder(_ path: String) -> Int32 { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }

/// A folder of a workspace, opened so that nothing in it can send a read or a write elsewhere.
///
/// A workspace may come from a zip, a git clone or a shared folder, so any of its entries may
/// be a symbolic link, a FIFO or a hard link to a file of the user. Every folder below the
/// workspace root is opened component by component with `O_NOFOLLOW` (so the path cannot leave
/// the root, even if a folder is swapped for a link meanwhile), and every file is opened
/// relative to that folder with `O_NOFOLLOW`, must be a regular file, and, when opened for
/// writing, must have a single link.
public final class CheckedFolder: @unchecked Sendable {
    /// The folder's path (as given, standardised).
    public let url: URL
    /// The open folder: every file operation is relative to it.
    let descriptor: Int32

    private init(url: URL, descriptor: Int32) {
        self.url = url
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Opens `folder`, which must be `root` or below it, without following any link below
    /// `root`; with `create`, missing folders are made. Without a root (a file outside any
    /// workspace) the folder itself is opened as named.
    public static func open(_ folder: URL, under root: URL?, create: Bool) throws(FileAccessError) -> CheckedFolder {
        let target = folder.standardizedFileURL
        guard let root else {
            if create { try? FileManager.default.createDirectory(at: target, withIntermediateDirectories: true) }
            let fd = openFolder(target.path)
            guard fd >= 0 else { throw .system(errno) }
            return CheckedFolder(url: target, descriptor: fd)
        }
        let base = root.standardizedFileURL.path
        let path = target.path
        let relative: String
        if path == base {
            relative = ""
        } else if path.hasPrefix(base.hasSuffix("/") ? base : base + "/") {
            relative = String(path.dropFirst(base.count).drop { $0 == "/" })
        } else {
            throw FileAccessError(reason: "đường dẫn «\(path)» nằm ngoài thư mục làm việc «\(base)»")
        }
        if create { try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true) }
        var fd = openFolder(base)
        guard fd >= 0 else { throw .system(errno) }
        var walked = ""
        for component in relative.split(separator: "/").map(String.init) {
            guard component != "..", component != "." else {
                close(fd)
                throw FileAccessError(reason: "đường dẫn «\(path)» có thành phần «\(component)»")
            }
            walked += (walked.isEmpty ? "" : "/") + component
            var next = openat(fd, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 && errno == ENOENT && create {
                if mkdirat(fd, component, 0o755) != 0 && errno != EEXIST {
                    let code = errno
                    close(fd)
                    throw .system(code)
                }
                next = openat(fd, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            if next < 0 {
                let code = errno
                let isLink = Self.isLink(fd, component)
                close(fd)
                if isLink || code == ELOOP {
                    throw FileAccessError(
                        reason:
                            "thư mục «\(walked)» là một liên kết tượng trưng (symlink); ThiDua không đi theo liên kết trong thư mục làm việc, hãy thay nó bằng một thư mục thật"
                    )
                }
                throw .system(code)
            }
            close(fd)
            fd = next
        }
        return CheckedFolder(url: target, descriptor: fd)
    }

    private static func isLink(_ folder: Int32, _ name: String) -> Bool {
        var info = stat()
        return fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// A file name of this folder: one component, no `/`, not `.` or `..`.
    private func check(_ name: String) throws(FileAccessError) {
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.utf8.contains(0) else {
            throw FileAccessError(reason: "tên tệp «\(name)» không hợp lệ")
        }
    }

    /// Opens the file `name` of this folder with `flags` (`O_RDONLY`, `O_RDWR | O_CREAT`, …),
    /// never following a link; refuses anything but a regular file, and a file with several
    /// hard links when writing. The caller closes the descriptor.
    public func open(_ name: String, _ flags: Int32, mode: mode_t = 0o644) throws(FileAccessError) -> Int32 {
        try check(name)
        // O_NONBLOCK: opening a FIFO planted under a workspace name must not hang the command.
        let fd = openat(descriptor, name, flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, mode)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP || (code == ENXIO && Self.isLink(descriptor, name)) { throw Self.linkRefusal(name) }
            throw .system(code)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw .system(code)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw FileAccessError(reason: "«\(name)» không phải một tệp thông thường (có thể là thư mục, thiết bị hoặc FIFO)")
        }
        if (flags & O_ACCMODE) != O_RDONLY && info.st_nlink > 1 {
            close(fd)
            throw FileAccessError(
                reason:
                    "«\(name)» có \(info.st_nlink) liên kết cứng (hard link), có thể trỏ tới một tệp ngoài thư mục làm việc; ThiDua không ghi vào tệp như vậy. Hãy chép thành một tệp riêng"
            )
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    static func linkRefusal(_ name: String) -> FileAccessError {
        FileAccessError(
            reason:
                "«\(name)» là một liên kết tượng trưng (symlink); ThiDua không đi theo liên kết trong thư mục làm việc (một thư mục làm việc nhận từ nơi khác có thể dùng liên kết để ghi đè tệp của bạn). Hãy xóa liên kết đó hoặc thay bằng một tệp thật",
            code: ELOOP)
    }

    /// What `name` is, without following a link: nil when absent.
    public func entryType(_ name: String) -> mode_t? {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    /// Whether `name` exists (a link counts, whatever it points to).
    public func contains(_ name: String) -> Bool { entryType(name) != nil }

    /// Removes the entry `name` (a link itself, never what it points to); absent is fine.
    public func remove(_ name: String) {
        guard (try? check(name)) != nil else { return }
        _ = unlinkat(descriptor, name, 0)
    }

    /// Renames `from` over `to`, both in this folder, then syncs the folder so the rename is on disk.
    public func rename(_ from: String, to: String) throws(FileAccessError) {
        try check(from)
        try check(to)
        if entryType(to) == S_IFLNK { remove(to) }  // replace the link itself, never write through it
        guard renameat(descriptor, from, descriptor, to) == 0 else { throw .system(errno) }
        sync()
    }

    /// Flushes the folder's entries (a new file, a rename) to disk.
    public func sync() { _ = fsync(descriptor) }

    /// The names in the folder, sorted (`.` and `..` left out).
    public func names() -> [String] {
        let copy = dup(descriptor)
        guard copy >= 0, let dir = fdopendir(copy) else { return [] }
        defer { closedir(dir) }
        rewinddir(dir)
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { out.append(name) }
        }
        return out.sorted()
    }

    /// The whole of `name`, checking its size against `limit` before reading anything; nil when
    /// the file does not exist.
    public func read(_ name: String, limit: ByteLimit) throws(FileAccessError) -> [UInt8]? {
        try read(name, from: 0, limit: limit)
    }

    /// The bytes of `name` from `offset` to its end (their count checked against `limit`); nil
    /// when the file does not exist or is shorter than `offset`.
    public func read(_ name: String, from offset: Int, limit: ByteLimit) throws(FileAccessError) -> [UInt8]? {
        let fd: Int32
        do {
            fd = try open(name, O_RDONLY)
        } catch {
            if error.code == ENOENT { return nil }
            throw error
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .system(errno) }
        if Int(info.st_size) < offset { return nil }
        return try Self.readAll(fd, limit: limit, from: offset)
    }

    /// Reads an open file whole (from `offset` on) after checking its size against `limit`.
    static func readAll(_ fd: Int32, limit: ByteLimit, from offset: Int = 0) throws(FileAccessError) -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .system(errno) }
        let size = max(0, Int(info.st_size) - offset)
        if size > limit.bytes { throw limit.refusal(size: size) }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        var code: Int32 = 0
        bytes.withUnsafeMutableBytes { buffer in
            while done < size {
                let n = pread(fd, buffer.baseAddress! + done, size - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    code = errno
                    return
                }
                if n == 0 { break }
                done += n
            }
        }
        if code != 0 { throw .system(code) }
        if done < size { bytes.removeLast(size - done) }
        return bytes
    }

    /// Writes `bytes` whole to `name` by a new temporary file (any leftover of the same name,
    /// or a link planted there, removed first), fsync (unless `sync` is false: a cache, which
    /// may be lost), and a rename over `name`.
    public func writeAtomically(_ bytes: [UInt8], to name: String, temporary: String, sync: Bool = true) throws(FileAccessError) {
        remove(temporary)
        let fd = try open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode: 0o644)
        var failure: FileAccessError?
        if let problem = Self.writeAll(fd, bytes) {
            failure = problem
        } else if sync, fsync(fd) != 0 {
            failure = .system(errno)
        }
        close(fd)
        if let failure {
            remove(temporary)
            throw failure
        }
        do {
            try rename(temporary, to: name)
        } catch {
            remove(temporary)
            throw error
        }
    }

    /// Writes every byte at the current offset; nil on success.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> FileAccessError? {
        var written = 0
        var code: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    code = errno
                    return
                }
                written += n
            }
        }
        return code == 0 ? nil : .system(code)
    }
}
