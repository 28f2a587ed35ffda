import ThiDuaCore

/// HMAC-SHA256 (RFC 2104) on the project's own SHA-256.
///
/// The key's inner and outer padded blocks are absorbed once at `init`; `authenticationCode`
/// then copies those two running hashes, so PBKDF2's 600,000 rounds do not re-hash the key.
public struct HMACSHA256: Sendable {
    let inner: SHA256
    let outer: SHA256

    /// Digest and output length in bytes.
    public static let outputSize = 32
    private static let blockSize = 64

    /// Prepares a key; keys longer than the 64-byte block are hashed first (RFC 2104 §2).
    public init(key: [UInt8]) {
        var block = key.count > Self.blockSize ? SHA256.hash(key) : key
        block += [UInt8](repeating: 0, count: Self.blockSize - block.count)
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5c })
        self.inner = inner
        self.outer = outer
    }

    /// The 32-byte code of `message`.
    public func authenticationCode<S: Sequence>(for message: S) -> [UInt8] where S.Element == UInt8 {
        var hash = inner
        hash.update(message)
        var result = outer
        result.update(hash.finalize())
        return result.finalize()
    }

    /// The code of `key` and `message` in one call.
    public static func code(key: [UInt8], message: [UInt8]) -> [UInt8] {
        HMACSHA256(key: key).authenticationCode(for: message)
    }
}
