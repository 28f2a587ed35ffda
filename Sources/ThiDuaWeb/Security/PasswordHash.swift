import Foundation

/// A stored password: `pbkdf2-sha256$<iterations>$<salt base64url>$<hash base64url>`.
///
/// The password is normalised to NFC before hashing, so "Nguyễn" typed precomposed or
/// decomposed verifies the same.
public struct PasswordHash: Sendable, Equatable, Codable {
    /// Rounds of PBKDF2-HMAC-SHA256 (OWASP Password Storage Cheat Sheet: 600,000).
    public var iterations: Int
    public var salt: [UInt8]
    public var hash: [UInt8]

    /// The production work factor.
    public static let defaultIterations = 600_000
    /// Salt length in bytes (128 bits).
    public static let saltSize = 16
    /// Derived key length in bytes.
    public static let hashSize = 32
    /// Stored counts above this are refused, so a crafted accounts file cannot stall the server.
    public static let maximumIterations = 10_000_000

    /// Hashes `password` with a fresh random salt.
    public init(password: String, iterations: Int = PasswordHash.defaultIterations, salt: [UInt8] = SecureRandom.bytes(PasswordHash.saltSize)) {
        self.iterations = iterations
        self.salt = salt
        self.hash = PBKDF2.sha256(password: Self.bytes(password), salt: salt, iterations: iterations, length: Self.hashSize)
    }

    /// Parses the stored form; nil when any part is malformed or out of range.
    public init?(encoded: String) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let count = Int(parts[1]), count > 0, count <= Self.maximumIterations,
            let salt = Base64URL.decode(String(parts[2])), salt.count >= 8,
            let hash = Base64URL.decode(String(parts[3])), hash.count == Self.hashSize
        else { return nil }
        self.iterations = count
        self.salt = salt
        self.hash = hash
    }

    /// The stored form.
    public var encoded: String {
        "pbkdf2-sha256$\(iterations)$\(Base64URL.encode(salt))$\(Base64URL.encode(hash))"
    }

    /// Whether `password` matches, compared in constant time.
    public func verify(_ password: String) -> Bool {
        let candidate = PBKDF2.sha256(password: Self.bytes(password), salt: salt, iterations: iterations, length: hash.count)
        return ConstantTime.equals(candidate, hash)
    }

    static func bytes(_ password: String) -> [UInt8] {
        Array(password.precomposedStringWithCanonicalMapping.utf8)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = PasswordHash(encoded: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "mật khẩu lưu sai dạng"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(encoded)
    }
}
