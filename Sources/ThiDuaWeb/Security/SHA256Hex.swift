import ThiDuaCore

/// Hex SHA-256 of text, via Core's hash.
enum SHA256Hex {
    static func of(_ text: String) -> String { SHA256.hexHash(text) }
}
