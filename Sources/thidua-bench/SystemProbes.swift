import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What the benchmark reads from the operating system: a monotonic clock, peak memory, and the
/// start-up time of the `thidua` executable.
enum SystemProbes {
    /// Seconds on a monotonic clock.
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Runs `body` and returns its result and the seconds it took.
    static func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = now()
        let result = try body()
        return (result, now() - start)
    }

    /// CPU seconds (user + system) this process has used so far, all threads.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The 1-minute load average of the machine: other work competing for the cores.
    static func loadAverage() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        return text.split(separator: " ").first.flatMap { Double($0) }
    }

    /// Peak resident memory of this process in bytes (`VmHWM` of /proc/self/status); nil where there is no /proc.
    static func peakMemory() -> Int? {
        statusField("VmHWM")
    }

    /// Current resident memory in bytes (`VmRSS`).
    static func residentMemory() -> Int? {
        statusField("VmRSS")
    }

    private static func statusField(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let digits = line.dropFirst(name.count + 1).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }

    /// Resets the peak (`VmHWM`) to the current size, so a later phase's peak excludes the
    /// generation before it. Writing 5 to /proc/self/clear_refs does this (Linux 4.0 and later).
    @discardableResult
    static func resetPeakMemory() -> Bool {
        let fd = open("/proc/self/clear_refs", O_WRONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return write(fd, "5", 1) == 1
    }

    /// The `thidua` executable built beside this one.
    static func thiduaExecutable() -> URL? {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidate = me.deletingLastPathComponent().appendingPathComponent("thidua")
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }

    /// Start-up times of `thidua <argument>` in milliseconds: `runs` spawns after one warm-up.
    ///
    /// Timed with `posix_spawn` and `waitpid`, output to /dev/null: Foundation's `Process`
    /// adds tens of milliseconds of its own on Linux (its exit monitoring), which would swamp
    /// what is measured. The warm-up goes through `Process` to read the exit status and output.
    static func startup(_ executable: URL, argument: String, runs: Int) -> (times: [Double], status: Int32, output: String)? {
        let process = Process()
        process.executableURL = executable
        process.arguments = [argument]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var times: [Double] = []
        for _ in 0..<runs {
            guard let ms = spawnAndWait(executable.path, [argument]) else { return nil }
            times.append(ms)
        }
        return (times, process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Milliseconds from `posix_spawn` to the child's exit; nil when it cannot be spawned.
    private static func spawnAndWait(_ path: String, _ arguments: [String]) -> Double? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let start = now()
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (now() - start) * 1000
    }
}
