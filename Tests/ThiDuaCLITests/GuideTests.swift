import Foundation
import Testing
import ThiDuaCLI

/// Runs the Vietnamese user guide (docs/huong-dan-su-dung.md) as written: every fenced block with
/// lines starting `$ ` is run in order, in fresh temporary folders, with the files of
/// docs/examples/huong-dan copied in, and each command's output is compared with what the guide shows.
///
/// Matching (documented in docs/examples/huong-dan/README.md):
/// - a line that is only `…` stands for any number of lines (also none);
/// - a line ending in `…` matches a printed line that starts with the text before it;
/// - every other line must be printed exactly (trailing spaces ignored), in order;
/// - the temporary folders are printed as the guide's names (`/tmp/ws-guide`, `/tmp/thidua-demo`).
/// A command whose shown output contains a line starting `Lỗi:` must fail; every other must succeed.
/// An HTML comment `<!-- guide-test: … -->` just before a block changes how it runs:
/// `skip: <reason>` (not run; the reason says why), `fresh` (in a new empty workspace, so the main one is
/// untouched), `copy` (on a copy of the main workspace, thrown away after the block).
@Suite("The Vietnamese user guide runs as written")
struct GuideTests {
    static let guide = Harness.root.appendingPathComponent("docs/huong-dan-su-dung.md")
    static let examples = Harness.root.appendingPathComponent("docs/examples/huong-dan")

    struct Command {
        var line: Int
        var text: String
        var expected: [String]
    }

    struct Block {
        var line: Int
        var mode: String
        var commands: [Command]
    }

    /// The fenced blocks of the guide that hold commands, with the directive before each.
    static func blocks(_ text: String) -> [Block] {
        var result: [Block] = []
        var directive = ""
        var current: Block?
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .init(charactersIn: " \r"))
            if current == nil {
                if line.hasPrefix("<!-- guide-test:") {
                    directive = String(line.dropFirst("<!-- guide-test:".count).dropLast(3)).trimmingCharacters(in: .whitespaces)
                } else if line.hasPrefix("```") {
                    current = Block(line: index + 1, mode: directive, commands: [])
                    directive = ""
                } else if !line.isEmpty {
                    directive = ""
                }
                continue
            }
            if line.hasPrefix("```") {
                if let block = current, !block.commands.isEmpty { result.append(block) }
                current = nil
            } else if raw.hasPrefix("$ ") {
                current?.commands.append(Command(line: index + 1, text: String(raw.dropFirst(2)), expected: []))
            } else if var block = current, !block.commands.isEmpty {
                block.commands[block.commands.count - 1].expected.append(raw)
                current = block
            }
        }
        return result
    }

    /// Splits a command line as a POSIX shell would for the quoting the guide uses.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        for ch in line {
            if let q = quote {
                if ch == q { quote = nil } else { word.append(ch) }
            } else if ch == "\"" || ch == "'" {
                quote = ch
                inWord = true
            } else if ch == " " {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(ch)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// `…` lines are wildcards, a trailing `…` is a prefix; everything else exact and in order.
    static func matches(_ expected: [String], _ actual: [String]) -> Bool {
        func clean(_ s: String) -> String {
            var s = s
            while s.last == " " { s.removeLast() }
            return s
        }
        let e = expected.map(clean)
        let a = actual.map(clean)
        func match(_ i: Int, _ j: Int) -> Bool {
            if i == e.count { return j == a.count }
            let line = e[i]
            if line.trimmingCharacters(in: .whitespaces) == "…" {
                for k in j...a.count where match(i + 1, k) { return true }
                return false
            }
            guard j < a.count else { return false }
            if line == a[j] { return match(i + 1, j + 1) }
            if line.hasSuffix("…") {
                let prefix = clean(String(line.dropLast()))
                // The last line shown, cut short, also stands for the lines after it.
                if !prefix.isEmpty, a[j].hasPrefix(prefix) { return i + 1 == e.count || match(i + 1, j + 1) }
            }
            return false
        }
        return match(0, 0)
    }

    final class Folders {
        let base: URL
        var source: URL { base.appendingPathComponent("nguon") }
        var workspace: URL { base.appendingPathComponent("ws-guide") }
        var demo: URL { base.appendingPathComponent("thidua-demo") }
        var cwd: URL

        init() throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("guide-\(UUID().uuidString.prefix(8))")
            cwd = base
            let fm = FileManager.default
            try fm.createDirectory(at: base.appendingPathComponent("nguon/docs/examples"), withIntermediateDirectories: true)
            // The source folder as a reader has it: the bundled plans and the guide's example files.
            for folder in ["campaigns", "directives", "types"] {
                try fm.copyItem(at: Harness.root.appendingPathComponent(folder), to: source.appendingPathComponent(folder))
            }
            try fm.copyItem(at: GuideTests.examples, to: source.appendingPathComponent("docs/examples/huong-dan"))
            cwd = source
        }

        /// The guide's fixed names for the folders that are temporary here.
        func path(_ word: String) -> String {
            word.replacingOccurrences(of: "/tmp/ws-guide", with: workspace.path)
                .replacingOccurrences(of: "/tmp/thidua-demo", with: demo.path)
                .replacingOccurrences(of: "<thư mục mã nguồn>", with: source.path)
        }

        func unpath(_ text: String) -> String {
            text.replacingOccurrences(of: workspace.path, with: "/tmp/ws-guide")
                .replacingOccurrences(of: demo.path, with: "/tmp/thidua-demo")
                .replacingOccurrences(of: source.path, with: "<thư mục mã nguồn>")
        }

        func url(_ word: String) -> URL {
            let p = path(word)
            return p.hasPrefix("/") ? URL(fileURLWithPath: p) : cwd.appendingPathComponent(p)
        }
    }

    /// Runs one shell line of the guide; returns the exit code and what it printed (both streams, in order).
    static func run(_ command: String, in folders: Folders) throws -> (Int32, String) {
        // The guide's placeholder for the source folder holds spaces: replace it before splitting.
        var words = words(command.replacingOccurrences(of: "<thư mục mã nguồn>", with: folders.source.path))
        let fm = FileManager.default
        if words.starts(with: ["swift", "run"]) { words.removeFirst(2) }
        switch words.first {
        case "cd":
            folders.cwd = folders.url(words[1])
            return (0, "")
        case "export", "swift":
            return (0, "")
        case "mkdir":
            for w in words.dropFirst() where w != "-p" { try fm.createDirectory(at: folders.url(w), withIntermediateDirectories: true) }
            return (0, "")
        case "cp", "mv":
            let args = words.dropFirst().filter { $0 != "-r" }
            let destination = folders.url(args.last!)
            var isDir: ObjCBool = false
            let intoFolder = fm.fileExists(atPath: destination.path, isDirectory: &isDir) && isDir.boolValue
            for source in args.dropLast() {
                var from = folders.url(source)
                if from.lastPathComponent == "." {
                    // `cp -r dir/. dest`: the folder's contents, merged.
                    from = from.deletingLastPathComponent()
                    for name in try fm.contentsOfDirectory(atPath: from.path) {
                        try merge(from.appendingPathComponent(name), into: destination.appendingPathComponent(name))
                    }
                    continue
                }
                let to = intoFolder ? destination.appendingPathComponent(from.lastPathComponent) : destination
                if words[0] == "mv" { try fm.moveItem(at: from, to: to) } else { try merge(from, into: to) }
            }
            return (0, "")
        case "thidua":
            var args = Array(words.dropFirst()).map(folders.path)
            var redirect: URL?
            if let i = args.firstIndex(of: ">") {
                redirect = folders.url(args[i + 1])
                args.removeSubrange(i...)
            }
            let buffer = Buffer()
            let console = Console(out: buffer.append, err: buffer.append)
            let code = CLI.run(args, console: console, currentDirectory: folders.cwd.path)
            if let redirect {
                try Data(buffer.text.utf8).write(to: redirect)
                return (code, "")
            }
            return (code, folders.unpath(buffer.text))
        default:
            Issue.record("Lệnh không chạy được trong bài kiểm tra: \(command)")
            return (1, "")
        }
    }

    static func merge(_ from: URL, into to: URL) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: from.path, isDirectory: &isDir), isDir.boolValue {
            try fm.createDirectory(at: to, withIntermediateDirectories: true)
            for name in try fm.contentsOfDirectory(atPath: from.path) {
                try merge(from.appendingPathComponent(name), into: to.appendingPathComponent(name))
            }
        } else {
            if fm.fileExists(atPath: to.path) { try fm.removeItem(at: to) }
            try fm.copyItem(at: from, to: to)
        }
    }

    final class Buffer: @unchecked Sendable {
        private let lock = NSLock()
        private var value = ""
        func append(_ s: String) { lock.withLock { value += s } }
        var text: String { lock.withLock { value } }
    }

    @Test("every command of the guide prints what the guide shows")
    func guideRunsAsWritten() throws {
        let text = try String(contentsOf: Self.guide, encoding: .utf8)
        let blocks = Self.blocks(text)
        #expect(blocks.count > 50)
        let folders = try Folders()
        defer { try? FileManager.default.removeItem(at: folders.base) }
        var ran = 0
        var skipped: [String] = []
        for block in blocks {
            if block.mode.hasPrefix("skip") {
                #expect(block.mode.count > "skip: ".count, "dòng \(block.line): bỏ qua cần ghi lý do")
                skipped.append("\(block.line)")
                continue
            }
            // A block on a throwaway workspace leaves the guide's own workspace as it was.
            let saved = folders.cwd
            var scratch: URL?
            if block.mode == "fresh" || block.mode == "copy" {
                let url = folders.base.appendingPathComponent("tam-\(block.line)")
                if block.mode == "copy" {
                    try FileManager.default.copyItem(at: folders.workspace, to: url)
                } else {
                    _ = CLI.run(["init", url.path], console: Console(out: { _ in }, err: { _ in }))
                    try Self.merge(Self.examples, into: url)
                }
                scratch = url
                folders.cwd = url
            }
            for command in block.commands {
                let (code, output) = try Self.run(command.text, in: folders)
                // A CSV printed to the screen starts with a byte-order mark (for Excel); the guide does not show it.
                var actual = output.replacingOccurrences(of: "\u{FEFF}", with: "").replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
                while actual.last == "" { actual.removeLast() }
                var expected = command.expected
                while expected.last?.trimmingCharacters(in: .whitespaces) == "" { expected.removeLast() }
                let shownFailure = expected.contains { $0.hasPrefix("Lỗi:") || $0.contains(": lỗi:") || $0.contains("chưa ban hành được") }
                #expect(
                    Self.matches(expected, actual),
                    "dòng \(command.line) của hướng dẫn: $ \(command.text)\n— hướng dẫn ghi:\n\(expected.joined(separator: "\n"))\n— chương trình in:\n\(actual.joined(separator: "\n"))"
                )
                if command.text.hasPrefix("thidua") || command.text.hasPrefix("swift run thidua") {
                    #expect((code != 0) == shownFailure, "dòng \(command.line): mã thoát \(code) — $ \(command.text)")
                }
                if !Self.matches(expected, actual), let dump = ProcessInfo.processInfo.environment["GUIDE_ACTUAL"] {
                    // For whoever updates the guide: what each differing command printed, by line of the guide.
                    let entry = "@@ \(command.line)\n" + actual.joined(separator: "\n") + "\n"
                    if let handle = FileHandle(forWritingAtPath: dump) {
                        handle.seekToEndOfFile()
                        handle.write(Data(entry.utf8))
                        handle.closeFile()
                    } else {
                        try? Data(entry.utf8).write(to: URL(fileURLWithPath: dump))
                    }
                }
                ran += 1
            }
            if let scratch {
                folders.cwd = saved
                try? FileManager.default.removeItem(at: scratch)
            }
        }
        // The guide is mostly run, not mostly skipped.
        #expect(ran > 80, "chỉ chạy \(ran) lệnh")
        #expect(skipped.count < 14, "bỏ qua quá nhiều khối: \(skipped)")
    }

    @Test("every input file the guide uses is in docs/examples/huong-dan")
    func exampleFilesShipped() throws {
        let text = try String(contentsOf: Self.guide, encoding: .utf8)
        let fm = FileManager.default
        let produced: Set<String> = ["dang-ky-mo-hinh.csv"]
        var used: Set<String> = []
        for block in Self.blocks(text) {
            for command in block.commands where command.text.hasPrefix("thidua") {
                for word in Self.words(command.text)
                where (word.hasSuffix(".csv") || word.hasSuffix(".xlsx")) && !word.hasPrefix("out/") && !word.contains("/tmp/") {
                    used.insert(word)
                }
            }
        }
        #expect(used.count >= 15)
        for file in used.subtracting(produced).sorted() {
            #expect(fm.fileExists(atPath: Self.examples.appendingPathComponent(file).path), "thiếu tệp mẫu \(file)")
        }
    }

    @Test("the matcher: a lone … stands for lines, a trailing … for the rest of a line")
    func matcher() {
        #expect(Self.matches(["a", "…", "d"], ["a", "b", "c", "d"]))
        #expect(Self.matches(["a", "  …"], ["a"]))
        #expect(Self.matches(["ab …"], ["ab cd"]))
        #expect(Self.matches(["x", "ab …"], ["x", "ab cd", "more"]))
        #expect(!Self.matches(["ab …", "y"], ["ab cd", "more", "y"]))
        #expect(!Self.matches(["a", "d"], ["a", "b", "d"]))
        #expect(!Self.matches(["a"], ["b"]))
        #expect(!Self.matches(["ab …"], ["ax"]))
        #expect(Self.words(#"thidua x --a "b c" 'd'"#) == ["thidua", "x", "--a", "b c", "d"])
    }
}
