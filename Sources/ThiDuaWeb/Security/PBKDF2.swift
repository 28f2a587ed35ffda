import ThiDuaCore

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
            let first = prf.authenticationCode(for: salt + indexBytes)
            output += iterations == 1 ? first : rounds(prf, first: first, count: iterations - 1)
            blockIndex += 1
        }
        return Array(output.prefix(length))
    }

    /// U2…Uc folded into U1 without allocating: every HMAC input after U1 is 32 bytes, so with
    /// the key's padded block already absorbed each hash is one compression of one fixed-layout
    /// block (message, 0x80, zeros, bit length 768), inner then outer.
    private static func rounds(_ prf: HMACSHA256, first: [UInt8], count: Int) -> [UInt8] {
        let innerStart = prf.inner.state
        let outerStart = prf.outer.state
        var t: SHA256.State = words(first)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { block in
            block.initialize(repeating: 0)
            for i in 0..<32 { block[i] = first[i] }
            block[32] = 0x80
            block[62] = 0x03  // (64 + 32) * 8 = 768 bits = 0x0300
            let base = UnsafeRawPointer(block.baseAddress!)
            for _ in 0..<count {
                var inner = innerStart
                SHA256.compress(&inner, base, blocks: 1)
                store(inner, into: block)
                var outer = outerStart
                SHA256.compress(&outer, base, blocks: 1)
                store(outer, into: block)
                t.0 ^= outer.0
                t.1 ^= outer.1
                t.2 ^= outer.2
                t.3 ^= outer.3
                t.4 ^= outer.4
                t.5 ^= outer.5
                t.6 ^= outer.6
                t.7 ^= outer.7
            }
        }
        var out = [UInt8](repeating: 0, count: 32)
        out.withUnsafeMutableBufferPointer { store(t, into: $0) }
        return out
    }

    private static func words(_ bytes: [UInt8]) -> SHA256.State {
        func word(_ i: Int) -> UInt32 {
            UInt32(bytes[4 * i]) << 24 | UInt32(bytes[4 * i + 1]) << 16 | UInt32(bytes[4 * i + 2]) << 8 | UInt32(bytes[4 * i + 3])
        }
        return (word(0), word(1), word(2), word(3), word(4), word(5), word(6), word(7))
    }

    @inline(__always)
    private static func store(_ state: SHA256.State, into block: UnsafeMutableBufferPointer<UInt8>) {
        put(state.0, at: 0, block)
        put(state.1, at: 4, block)
        put(state.2, at: 8, block)
        put(state.3, at: 12, block)
        put(state.4, at: 16, block)
        put(state.5, at: 20, block)
        put(state.6, at: 24, block)
        put(state.7, at: 28, block)
    }

    @inline(__always)
    private static func put(_ word: UInt32, at offset: Int, _ block: UnsafeMutableBufferPointer<UInt8>) {
        block[offset] = UInt8(truncatingIfNeeded: word >> 24)
        block[offset + 1] = UInt8(truncatingIfNeeded: word >> 16)
        block[offset + 2] = UInt8(truncatingIfNeeded: word >> 8)
        block[offset + 3] = UInt8(truncatingIfNeeded: word)
    }
}
