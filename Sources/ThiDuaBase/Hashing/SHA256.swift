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
    /// Bytes of an incomplete block, at most 63 between calls, held inline so a hasher
    /// allocates nothing (replay makes one for every line).
    private var pending: Block = (0, 0, 0, 0, 0, 0, 0, 0)
    /// How many bytes of `pending` are in use.
    private var pendingCount = 0
    /// Total message length in bytes; the padding needs it in bits.
    private var byteCount: UInt64 = 0

    /// 64 bytes of inline storage.
    private typealias Block = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// Block size in bytes (512 bits).
    private static let blockSize = 64

    /// Creates a hash of the empty message, ready for `update`.
    public init() {}

    /// Appends raw bytes to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        byteCount &+= UInt64(bytes.count)
        var offset = 0

        // Top up a partial block first so blocks stay aligned to the message start.
        if pendingCount > 0 {
            let take = min(Self.blockSize - pendingCount, bytes.count)
            let filled = pendingCount
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.advanced(by: filled).copyMemory(from: base, byteCount: take)
            }
            pendingCount += take
            offset = take
            if pendingCount == Self.blockSize {
                // A local copy of the block keeps the closure from touching self twice.
                var block = pending
                withUnsafeBytes(of: &block) { Self.compress(&state, $0.baseAddress!, blocks: 1) }
                pendingCount = 0
            }
        }

        // Whole blocks are read straight from the caller's memory, no copy.
        let wholeBlocks = (bytes.count - offset) / Self.blockSize
        if wholeBlocks > 0 {
            Self.compress(&state, base + offset, blocks: wholeBlocks)
            offset += wholeBlocks * Self.blockSize
        }

        if offset < bytes.count {
            let rest = bytes.count - offset
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.copyMemory(from: base + offset, byteCount: rest)
            }
            pendingCount = rest
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
        var running = state
        let bitLength = byteCount &* 8

        // Padding (§5.1.1): a 1 bit, zeros up to 56 mod 64, then the 64-bit length; one block,
        // or two when fewer than 9 bytes are left in the last one.
        var tail: (Block, Block) = ((0, 0, 0, 0, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0, 0, 0))
        tail.0 = pending
        let blocks = pendingCount + 9 <= Self.blockSize ? 1 : 2
        let filled = pendingCount
        withUnsafeMutableBytes(of: &tail) { raw in
            raw[filled] = 0x80
            for i in filled + 1..<blocks * Self.blockSize - 8 {
                raw[i] = 0
            }
            raw.storeBytes(
                of: bitLength.bigEndian, toByteOffset: blocks * Self.blockSize - 8, as: UInt64.self)
            Self.compress(&running, UnsafeRawPointer(raw.baseAddress!), blocks: blocks)
        }

        // A tuple of eight UInt32 is laid out like an array of them.
        return withUnsafeBytes(of: &running) { words in
            [UInt8](unsafeUninitializedCapacity: 32) { digest, count in
                let out = UnsafeMutableRawBufferPointer(digest)
                for i in 0..<8 {
                    let word = words.load(fromByteOffset: 4 * i, as: UInt32.self)
                    out.storeBytes(of: word.bigEndian, toByteOffset: 4 * i, as: UInt32.self)
                }
                count = 32
            }
        }
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
    /// The 64 rounds are written out with the round constants K (§4.2.2: the first 32 bits of
    /// the fractional parts of the cube roots of the first 64 primes) inline, the state in locals for the whole
    /// run and the message schedule in sixteen rolling locals (W[t] replaces W[t-16]), so the loop
    /// touches no memory but the message and keeps everything in registers.
    public static func compress(_ state: inout State, _ base: UnsafeRawPointer, blocks: Int) {
        var (h0, h1, h2, h3, h4, h5, h6, h7) = state
        var block = base
        for _ in 0..<blocks {
            // Message words are big-endian; loadUnaligned because caller memory may be at any address.
            var w0 = word(block, 0)
            var w1 = word(block, 1)
            var w2 = word(block, 2)
            var w3 = word(block, 3)
            var w4 = word(block, 4)
            var w5 = word(block, 5)
            var w6 = word(block, 6)
            var w7 = word(block, 7)
            var w8 = word(block, 8)
            var w9 = word(block, 9)
            var w10 = word(block, 10)
            var w11 = word(block, 11)
            var w12 = word(block, 12)
            var w13 = word(block, 13)
            var w14 = word(block, 14)
            var w15 = word(block, 15)

            // The working variables are renamed, not shifted: `round` changes only d and h, and
            // the next round passes the names rotated, which saves six moves a round.
            var a = h0
            var b = h1
            var c = h2
            var d = h3
            var e = h4
            var f = h5
            var g = h6
            var h = h7
            round(a, b, c, &d, e, f, g, &h, 0x428a_2f98 &+ w0)
            round(h, a, b, &c, d, e, f, &g, 0x7137_4491 &+ w1)
            round(g, h, a, &b, c, d, e, &f, 0xb5c0_fbcf &+ w2)
            round(f, g, h, &a, b, c, d, &e, 0xe9b5_dba5 &+ w3)
            round(e, f, g, &h, a, b, c, &d, 0x3956_c25b &+ w4)
            round(d, e, f, &g, h, a, b, &c, 0x59f1_11f1 &+ w5)
            round(c, d, e, &f, g, h, a, &b, 0x923f_82a4 &+ w6)
            round(b, c, d, &e, f, g, h, &a, 0xab1c_5ed5 &+ w7)
            round(a, b, c, &d, e, f, g, &h, 0xd807_aa98 &+ w8)
            round(h, a, b, &c, d, e, f, &g, 0x1283_5b01 &+ w9)
            round(g, h, a, &b, c, d, e, &f, 0x2431_85be &+ w10)
            round(f, g, h, &a, b, c, d, &e, 0x550c_7dc3 &+ w11)
            round(e, f, g, &h, a, b, c, &d, 0x72be_5d74 &+ w12)
            round(d, e, f, &g, h, a, b, &c, 0x80de_b1fe &+ w13)
            round(c, d, e, &f, g, h, a, &b, 0x9bdc_06a7 &+ w14)
            round(b, c, d, &e, f, g, h, &a, 0xc19b_f174 &+ w15)
            w0 = schedule(w0, w1, w9, w14)
            round(a, b, c, &d, e, f, g, &h, 0xe49b_69c1 &+ w0)
            w1 = schedule(w1, w2, w10, w15)
            round(h, a, b, &c, d, e, f, &g, 0xefbe_4786 &+ w1)
            w2 = schedule(w2, w3, w11, w0)
            round(g, h, a, &b, c, d, e, &f, 0x0fc1_9dc6 &+ w2)
            w3 = schedule(w3, w4, w12, w1)
            round(f, g, h, &a, b, c, d, &e, 0x240c_a1cc &+ w3)
            w4 = schedule(w4, w5, w13, w2)
            round(e, f, g, &h, a, b, c, &d, 0x2de9_2c6f &+ w4)
            w5 = schedule(w5, w6, w14, w3)
            round(d, e, f, &g, h, a, b, &c, 0x4a74_84aa &+ w5)
            w6 = schedule(w6, w7, w15, w4)
            round(c, d, e, &f, g, h, a, &b, 0x5cb0_a9dc &+ w6)
            w7 = schedule(w7, w8, w0, w5)
            round(b, c, d, &e, f, g, h, &a, 0x76f9_88da &+ w7)
            w8 = schedule(w8, w9, w1, w6)
            round(a, b, c, &d, e, f, g, &h, 0x983e_5152 &+ w8)
            w9 = schedule(w9, w10, w2, w7)
            round(h, a, b, &c, d, e, f, &g, 0xa831_c66d &+ w9)
            w10 = schedule(w10, w11, w3, w8)
            round(g, h, a, &b, c, d, e, &f, 0xb003_27c8 &+ w10)
            w11 = schedule(w11, w12, w4, w9)
            round(f, g, h, &a, b, c, d, &e, 0xbf59_7fc7 &+ w11)
            w12 = schedule(w12, w13, w5, w10)
            round(e, f, g, &h, a, b, c, &d, 0xc6e0_0bf3 &+ w12)
            w13 = schedule(w13, w14, w6, w11)
            round(d, e, f, &g, h, a, b, &c, 0xd5a7_9147 &+ w13)
            w14 = schedule(w14, w15, w7, w12)
            round(c, d, e, &f, g, h, a, &b, 0x06ca_6351 &+ w14)
            w15 = schedule(w15, w0, w8, w13)
            round(b, c, d, &e, f, g, h, &a, 0x1429_2967 &+ w15)
            w0 = schedule(w0, w1, w9, w14)
            round(a, b, c, &d, e, f, g, &h, 0x27b7_0a85 &+ w0)
            w1 = schedule(w1, w2, w10, w15)
            round(h, a, b, &c, d, e, f, &g, 0x2e1b_2138 &+ w1)
            w2 = schedule(w2, w3, w11, w0)
            round(g, h, a, &b, c, d, e, &f, 0x4d2c_6dfc &+ w2)
            w3 = schedule(w3, w4, w12, w1)
            round(f, g, h, &a, b, c, d, &e, 0x5338_0d13 &+ w3)
            w4 = schedule(w4, w5, w13, w2)
            round(e, f, g, &h, a, b, c, &d, 0x650a_7354 &+ w4)
            w5 = schedule(w5, w6, w14, w3)
            round(d, e, f, &g, h, a, b, &c, 0x766a_0abb &+ w5)
            w6 = schedule(w6, w7, w15, w4)
            round(c, d, e, &f, g, h, a, &b, 0x81c2_c92e &+ w6)
            w7 = schedule(w7, w8, w0, w5)
            round(b, c, d, &e, f, g, h, &a, 0x9272_2c85 &+ w7)
            w8 = schedule(w8, w9, w1, w6)
            round(a, b, c, &d, e, f, g, &h, 0xa2bf_e8a1 &+ w8)
            w9 = schedule(w9, w10, w2, w7)
            round(h, a, b, &c, d, e, f, &g, 0xa81a_664b &+ w9)
            w10 = schedule(w10, w11, w3, w8)
            round(g, h, a, &b, c, d, e, &f, 0xc24b_8b70 &+ w10)
            w11 = schedule(w11, w12, w4, w9)
            round(f, g, h, &a, b, c, d, &e, 0xc76c_51a3 &+ w11)
            w12 = schedule(w12, w13, w5, w10)
            round(e, f, g, &h, a, b, c, &d, 0xd192_e819 &+ w12)
            w13 = schedule(w13, w14, w6, w11)
            round(d, e, f, &g, h, a, b, &c, 0xd699_0624 &+ w13)
            w14 = schedule(w14, w15, w7, w12)
            round(c, d, e, &f, g, h, a, &b, 0xf40e_3585 &+ w14)
            w15 = schedule(w15, w0, w8, w13)
            round(b, c, d, &e, f, g, h, &a, 0x106a_a070 &+ w15)
            w0 = schedule(w0, w1, w9, w14)
            round(a, b, c, &d, e, f, g, &h, 0x19a4_c116 &+ w0)
            w1 = schedule(w1, w2, w10, w15)
            round(h, a, b, &c, d, e, f, &g, 0x1e37_6c08 &+ w1)
            w2 = schedule(w2, w3, w11, w0)
            round(g, h, a, &b, c, d, e, &f, 0x2748_774c &+ w2)
            w3 = schedule(w3, w4, w12, w1)
            round(f, g, h, &a, b, c, d, &e, 0x34b0_bcb5 &+ w3)
            w4 = schedule(w4, w5, w13, w2)
            round(e, f, g, &h, a, b, c, &d, 0x391c_0cb3 &+ w4)
            w5 = schedule(w5, w6, w14, w3)
            round(d, e, f, &g, h, a, b, &c, 0x4ed8_aa4a &+ w5)
            w6 = schedule(w6, w7, w15, w4)
            round(c, d, e, &f, g, h, a, &b, 0x5b9c_ca4f &+ w6)
            w7 = schedule(w7, w8, w0, w5)
            round(b, c, d, &e, f, g, h, &a, 0x682e_6ff3 &+ w7)
            w8 = schedule(w8, w9, w1, w6)
            round(a, b, c, &d, e, f, g, &h, 0x748f_82ee &+ w8)
            w9 = schedule(w9, w10, w2, w7)
            round(h, a, b, &c, d, e, f, &g, 0x78a5_636f &+ w9)
            w10 = schedule(w10, w11, w3, w8)
            round(g, h, a, &b, c, d, e, &f, 0x84c8_7814 &+ w10)
            w11 = schedule(w11, w12, w4, w9)
            round(f, g, h, &a, b, c, d, &e, 0x8cc7_0208 &+ w11)
            w12 = schedule(w12, w13, w5, w10)
            round(e, f, g, &h, a, b, c, &d, 0x90be_fffa &+ w12)
            w13 = schedule(w13, w14, w6, w11)
            round(d, e, f, &g, h, a, b, &c, 0xa450_6ceb &+ w13)
            w14 = schedule(w14, w15, w7, w12)
            round(c, d, e, &f, g, h, a, &b, 0xbef9_a3f7 &+ w14)
            w15 = schedule(w15, w0, w8, w13)
            round(b, c, d, &e, f, g, h, &a, 0xc671_78f2 &+ w15)
            h0 &+= a
            h1 &+= b
            h2 &+= c
            h3 &+= d
            h4 &+= e
            h5 &+= f
            h6 &+= g
            h7 &+= h
            block += blockSize
        }
        state = (h0, h1, h2, h3, h4, h5, h6, h7)
    }

    /// Big-endian message word `index` of the block at `block`.
    @inline(__always)
    private static func word(_ block: UnsafeRawPointer, _ index: Int) -> UInt32 {
        UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self))
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

/// One word of the message schedule (§6.2.2 step 1): W[t] from W[t-16], W[t-15], W[t-7], W[t-2].
@inline(__always)
private func schedule(_ w16: UInt32, _ w15: UInt32, _ w7: UInt32, _ w2: UInt32) -> UInt32 {
    let sigma0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 &>> 3)
    let sigma1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 &>> 10)
    return sigma1 &+ w7 &+ sigma0 &+ w16
}

/// Right rotation ROTR^n (§3.2); masking shifts keep it trap-free.
@inline(__always)
private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
    (x &>> n) | (x &<< (32 &- n))
}
