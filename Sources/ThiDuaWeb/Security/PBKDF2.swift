/// PBKDF2 (RFC 8018 §5.2) with HMAC-SHA256 as the pseudorandom function.
public enum PBKDF2 {
    /// Derives `length` bytes from `password` and `salt` with `iterations` rounds.
    ///
    /// Iterations and length must be positive; callers pass checked values (the stored
    /// account format is parsed before it gets here).
    public static func sha256(password: [UInt8], salt: [UInt8], iterations: Int, length: Int) -> [UInt8] {
        precondition(iterations > 0 && length > 0, "PBKDF2 needs positive iterations and length")
        let prf = HMACSHA256(key: password)
        var output: [UInt8] = []
        output.reserveCapacity(length + HMACSHA256.outputSize)
        var blockIndex: UInt32 = 1
        while output.count < length {
            // U1 = PRF(P, S || INT(i)); T = U1 ^ U2 ^ … ^ Uc.
            let indexBytes: [UInt8] = [
                UInt8(truncatingIfNeeded: blockIndex >> 24), UInt8(truncatingIfNeeded: blockIndex >> 16),
                UInt8(truncatingIfNeeded: blockIndex >> 8), UInt8(truncatingIfNeeded: blockIndex),
            ]
            var u = prf.authenticationCode(for: salt + indexBytes)
            var t = u
            if iterations > 1 {
                for _ in 2...iterations {
                    u = prf.authenticationCode(for: u)
                    for j in 0..<t.count { t[j] ^= u[j] }
                }
            }
            output += t
            blockIndex += 1
        }
        return Array(output.prefix(length))
    }
}
