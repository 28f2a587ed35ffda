#if canImport(Glibc)
    import Glibc
#endif

/// Which program computed what is kept in `.thidua/cache/`: its version and, on Linux, the
/// running executable's size, modification time and inode, so any rebuild (even one that keeps
/// the version) makes every checkpoint stale.
public enum ProgramIdentity {
    /// The program's version, as `thidua --version` prints it.
    public static let version = "0.1.0"

    /// The version and the build.
    public static let current: String = {
        #if canImport(Glibc)
            var info = stat()
            if stat("/proc/self/exe", &info) == 0 {
                return "\(version) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
            }
        #endif
        return version
    }()
}
