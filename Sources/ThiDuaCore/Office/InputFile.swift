import ThiDuaBase

/// A file a user handed in (a CSV, JSON or sheet): its name as the user knows it, and its bytes.
///
/// Front-ends read files (the command line from the caller's folder, the web application from
/// an upload) and pass them in; the back office never opens a path a user typed.
public struct InputFile: Sendable {
    /// The name messages use: the path as typed, or the upload's file name.
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// Whether the name ends in `.json` (else the file is read as CSV).
    public var isJSON: Bool { name.lowercased().hasSuffix(".json") }

    /// The last part of the name, for the journal.
    public var baseName: String { name.split(separator: "/").last.map(String.init) ?? name }
}
