import Foundation

/// Where `thidua demo` finds the plans it runs: the workspace itself when it holds plans, else the
/// plans shipped with the program (a source checkout above the executable, or `share/thidua` beside
/// its `bin`), so the demo works from any folder.
public enum SamplePlans {
    /// The first folder whose `campaigns/` holds at least one plan file, or nil when there is none.
    public static func folder(workspace: URL, executable: URL?) -> URL? {
        candidates(workspace: workspace, executable: executable).first(where: hasPlans)
    }

    /// The folders looked at, in order; also named in the message when none has plans.
    public static func candidates(workspace: URL, executable: URL?) -> [URL] {
        var result = [workspace]
        guard let executable else { return result }
        // Resolved, so that `.build/debug` (a link) leads back to the checkout it was built in.
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        result.append(folder.deletingLastPathComponent().appendingPathComponent("share/thidua"))
        // `.build/<triple>/debug/thidua` sits three levels below the checkout.
        for _ in 0..<3 {
            folder = folder.deletingLastPathComponent()
            result.append(folder)
        }
        return result
    }

    static func hasPlans(_ folder: URL) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("campaigns").path)) ?? []
        return names.contains { $0.hasSuffix(".json") }
    }
}
