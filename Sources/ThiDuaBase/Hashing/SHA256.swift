import Foundation

/// SHA-256 (FIPS 180-4), written in the project so the journal needs no package.
///
/// Feed bytes with `update` as often as needed, then read the 32-byte digest
/// with `finalize()`. The value type can be copied to fork a running hash.
public struct SHA256: Sendable {
    /// The eight working words of the hash value H.
    public typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    /// Hash value H (FIPS 180-4 §5.3.3 initial value, then the running state).
    public private(set) var state: State = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    /// Bytes of an incomplete block, at most 63 between calls.
    private var pending: [UInt8] = []
    /// Total message length in bytes; the padding needs it in bits.
    private var byteCount: UInt64 = 0

    /// Block size in bytes (512 bits).
    private static let blockSize = 64

    /// Round constants K (FIPS 180-4 §4.2.2): the first 32 bits of the
    /// fractional parts of the cube roots of the first 64 primes.
    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// Creates a hash of the empty message, ready for `update`.
    public init() {
        pending.reserveCapacity(Self.blockSize)
    }

    /// Appends raw bytes to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        byteCount &+= UInt64(bytes.count)
        var offset = 0

        // Top up a partial block first so blocks stay aligned to the message start.
        if !pending.isEmpty {
            let take = min(Self.blockSize - pending.count, bytes.count)
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: take))
            offset = take
            if pending.count == Self.blockSize {
                // A local copy of the state keeps the closure from touching self while pending is borrowed.
                var running = state
                pending.withUnsafeBytes { block in
                    if let blockBase = block.baseAddress {
                        Self.compress(&running, blockBase, blocks: 1)
                    }
                }
                state = running
                pending.removeAll(keepingCapacity: true)
            }
        }

        // Whole blocks are read straight from the caller's memory, no copy.
        let wholeBlocks = (bytes.count - offset) / Self.blockSize
        if wholeBlocks > 0 {
            Self.compress(&state, base + offset, blocks: wholeBlocks)
            offset += wholeBlocks * Self.blockSize
        }

        if offset < bytes.count {
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base + offset, count: bytes.count - offset))
        }
    }

    /// Appends a sequence of bytes to the message.
    ///
    /// Contiguous collections (`[UInt8]`, `ArraySlice`, `Data`) are hashed in
    /// place; other sequences are gathered a block at a time.
    public mutating func update<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        if handled != nil { return }

        var chunk: [UInt8] = []
        chunk.reserveCapacity(Self.blockSize)
        for byte in bytes {
            chunk.append(byte)
            if chunk.count == Self.blockSize {
                chunk.withUnsafeBytes { update($0) }
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty {
            chunk.withUnsafeBytes { update($0) }
        }
    }

    /// Appends the UTF-8 bytes of `text` to the message.
    public mutating func update(_ text: String) {
        // withUTF8 may normalise a bridged string to native storage, so it needs a mutable copy.
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// Returns the 32-byte digest of everything fed so far.
    ///
    /// Works on a copy, so the hash can still be updated and finalized again later.
    public func finalize() -> [UInt8] {
        var copy = self
        let bitLength = byteCount &* 8

        // Padding (§5.1.1): a 1 bit, zeros up to 56 mod 64, then the 64-bit length.
        let zeroCount = (Self.blockSize + 55 - pending.count) % Self.blockSize
        var padding = [UInt8](repeating: 0, count: 1 + zeroCount + 8)
        padding[0] = 0x80
        for i in 0..<8 {
            padding[padding.count - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(i)))
        }
        copy.update(padding)

        let words = [
            copy.state.0, copy.state.1, copy.state.2, copy.state.3,
            copy.state.4, copy.state.5, copy.state.6, copy.state.7,
        ]
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in words {
            digest.append(UInt8(truncatingIfNeeded: word >> 24))
            digest.append(UInt8(truncatingIfNeeded: word >> 16))
            digest.append(UInt8(truncatingIfNeeded: word >> 8))
            digest.append(UInt8(truncatingIfNeeded: word))
        }
        return digest
    }

    /// The SHA-256 digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The SHA-256 digest of the UTF-8 bytes of `text`.
    public static func hash(_ text: String) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(text)
        return hasher.finalize()
    }

    /// Lowercase hexadecimal spelling of `digest`, two characters per byte.
    public static func hex(_ digest: [UInt8]) -> String {
        // Written straight into the string's storage: one allocation instead of three (replay
        // spells the hash of every line).
        String(unsafeUninitializedCapacity: digest.count * 2) { out in
            for (i, byte) in digest.enumerated() {
                out[2 * i] = hexDigit(byte >> 4)
                out[2 * i + 1] = hexDigit(byte & 0x0f)
            }
            return digest.count * 2
        }
    }

    /// The ASCII code of a lowercase hexadecimal digit 0…15.
    @inline(__always)
    private static func hexDigit(_ n: UInt8) -> UInt8 { n < 10 ? 0x30 + n : 0x61 - 10 + n }

    /// Lowercase hexadecimal SHA-256 of the UTF-8 bytes of `text`.
    public static func hexHash(_ text: String) -> String {
        hex(hash(text))
    }

    /// Runs the compression function (§6.2.2) over `blocks` consecutive 64-byte blocks at `base`.
    ///
    /// The state is held in locals for the whole run and written back once,
    /// and the schedule lives in one stack buffer, so the loop neither
    /// allocates nor bounds-checks.
    public static func compress(_ state: inout State, _ base: UnsafeRawPointer, blocks: Int) {
        var (h0, h1, h2, h3, h4, h5, h6, h7) = state
        roundConstants.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                for block in 0..<blocks {
                    let start = block * blockSize
                    // Message words are big-endian; loadUnaligned because caller memory may be at any address.
                    for t in 0..<16 {
                        w[t] = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: start + 4 * t, as: UInt32.self))
                    }
                    for t in 16..<64 {
                        let w15 = w[t - 15]
                        let w2 = w[t - 2]
                        let sigma0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 &>> 3)
                        let sigma1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 &>> 10)
                        w[t] = sigma1 &+ w[t - 7] &+ sigma0 &+ w[t - 16]
                    }

                    // Eight rounds at a time with the working variables renamed, not shifted:
                    // `round` changes only d and h, and the next call passes the names rotated,
                    // which saves six register moves a round (replay hashes every line).
                    var a = h0
                    var b = h1
                    var c = h2
                    var d = h3
                    var e = h4
                    var f = h5
                    var g = h6
                    var h = h7
                    var t = 0
                    while t < 64 {
                        round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
                        round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
                        round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
                        round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
                        round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w[t + 4])
                        round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w[t + 5])
                        round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w[t + 6])
                        round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w[t + 7])
                        t += 8
                    }
                    h0 &+= a
                    h1 &+= b
                    h2 &+= c
                    h3 &+= d
                    h4 &+= e
                    h5 &+= f
                    h6 &+= g
                    h7 &+= h
                }
            }
        }
        state = (h0, h1, h2, h3, h4, h5, h6, h7)
    }
}

/// One round of §6.2.2 step 3 on the working variables a…h: T1 and T2 computed, then the new
/// e (d + T1) written into `d` and the new a (T1 + T2) into `h`; the caller renames the rest.
@inline(__always)
private func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
    _ kw: UInt32
) {
    let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ kw
    let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
    d &+= t1
    h = t1 &+ t2
}

/// Right rotation ROTR^n (§3.2); masking shifts keep it trap-free.
@inline(__always)
private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
    (x &>> n) | (x &<< (32 &- n))
}
