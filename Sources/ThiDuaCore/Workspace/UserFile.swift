import Foundation
import ThiDuaBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file named by the user (outside the workspace: `roster import ~/Tải về/x.csv`), read with
/// its size checked first, so a 1 GB (or sparse) file is refused before any byte is read.
public enum UserFile {
    /// The bytes of `path`, or the Vietnamese reason it cannot be read.
    /// With `followLinks` false (a file found in a workspace folder, not named by the user), a
    /// link is refused.
    public static func read(_ path: String, limit: ByteLimit, followLinks: Bool = true) -> Result<[UInt8], FileAccessError> {
        // A FIFO or a device is refused (O_NONBLOCK: opening a FIFO must not hang).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP { return .failure(CheckedFolder.linkRefusal(URL(fileURLWithPath: path).lastPathComponent)) }
            return .failure(.system(code))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.system(errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(FileAccessError(reason: "không phải một tệp thông thường (có thể là thư mục, thiết bị hoặc FIFO)"))
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        do {
            return .success(try CheckedFolder.readAll(fd, limit: limit))
        } catch {
            return .failure(error)
        }
    }
}
