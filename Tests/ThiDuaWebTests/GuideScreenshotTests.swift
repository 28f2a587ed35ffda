import Foundation
import Testing

/// The guide's screenshots (made by docs/tools/screenshots.sh): every picture the Vietnamese guide
/// shows is in docs/images, is a PNG at most 1280 px wide and small, and none lies there unused.
@Suite struct GuideScreenshotTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs")

    /// Width and height from the PNG's IHDR chunk, nil when the bytes are not a PNG.
    static func size(_ data: Data) -> (Int, Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[12..<16] == [0x49, 0x48, 0x44, 0x52] else {
            return nil
        }
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    @Test func everyPictureOfTheGuideIsThereSmallAndUsed() throws {
        let guide = try String(contentsOf: Self.docs.appendingPathComponent("huong-dan-su-dung.md"), encoding: .utf8)
        var used: Set<String> = []
        var rest = guide[...]
        while let start = rest.range(of: "](images/") {
            let tail = rest[start.upperBound...]
            guard let end = tail.firstIndex(of: ")") else { break }
            used.insert(String(tail[..<end]))
            rest = tail[end...]
        }
        #expect(used.count >= 15)
        let folder = Self.docs.appendingPathComponent("images")
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".png") })
        #expect(used.subtracting(present).isEmpty, "missing: \(used.subtracting(present).sorted())")
        #expect(present.subtracting(used).isEmpty, "unused: \(present.subtracting(used).sorted())")
        for name in present {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let size = Self.size(data)
            #expect(size != nil, "\(name) is not a PNG")
            if let (width, height) = size {
                #expect(width <= 1280 && height <= 1400, "\(name): \(width)×\(height)")
            }
            #expect(data.count <= 200_000, "\(name): \(data.count) bytes")
        }
    }
}
