import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `thidua serve` as a real process: it prints its address, serves, and stops cleanly on SIGTERM and SIGINT.
@Suite struct ServeProcessTests {
    /// The `thidua` executable SwiftPM built beside the test bundle.
    static let thidua: URL? = {
        var folders: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first { folders.append(URL(fileURLWithPath: first).deletingLastPathComponent()) }
        return folders.map { $0.appendingPathComponent("thidua") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    @Test(.enabled(if: thidua != nil), arguments: [SIGTERM, SIGINT])
    func stopsCleanlyOnSignal(_ signalNumber: Int32) throws {
        let ward = try TestWard()
        let process = Process()
        process.executableURL = Self.thidua
        process.arguments = ["--workspace", ward.root.path, "serve", "--port", "0"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        var port: UInt16?
        while port == nil && Date() < deadline {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: "http://127.0.0.1:"), let end = text[range.upperBound...].firstIndex(of: "/") {
                port = UInt16(text[range.upperBound..<end])
            }
        }
        let bound = try #require(port, "\(text)")
        let client = try RawClient(port: bound)
        client.send("GET /dang-nhap HTTP/1.1\r\nHost: 127.0.0.1:\(bound)\r\n\r\n")
        #expect(client.readReply()?.status == 200)
        kill(process.processIdentifier, signalNumber)
        let stopDeadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < stopDeadline { usleep(50_000) }
        try #require(!process.isRunning)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        text += String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text.contains("Đã dừng máy chủ."))
        #expect(client.closedByServer())
    }
}
