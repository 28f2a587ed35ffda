import Foundation

/// Paths of the repository, found from this file.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let plugins = root.appendingPathComponent("Plugins")
    static let campaigns = root.appendingPathComponent("campaigns")
}
