/// FNV-1a over UTF-8: a hash that stays the same across processes and restarts (Swift's
/// `Hasher` is seeded per process), for seeds and labels derived from a token.
func fnv1a(_ text: some StringProtocol) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
    }
    return hash
}
