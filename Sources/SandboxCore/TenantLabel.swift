/// How a tenant is named wherever its token would otherwise show: the dashboard, the `tenant`
/// field of events and journal entries read with `?all=true`, and the access log. Never the
/// whole token, at any length: its first characters (at most four, and at most half of it)
/// tell a reader which tenant it is at a glance, and a short hash of the whole token
/// (`ci-r…a78b2f`) tells apart tokens that start alike. The hash is FNV-1a with a final mix
/// (tokens differing in their last character must differ in the digits shown), not Swift's
/// `Hasher`, which is seeded per process: a label must stay the same across restarts.
public enum TenantLabel {
    static let shownCharacters = 4
    static let hashDigits = 6

    public static func of(_ token: some StringProtocol) -> String {
        let shown = token.prefix(min(shownCharacters, token.count / 2))
        return "\(shown)…\(hash(token))"
    }

    /// The first `hashDigits` hex digits of the token's 64-bit FNV-1a hash.
    static func hash(_ token: some StringProtocol) -> String {
        var value = fnv1a(token)
        value ^= value >> 33
        value &*= 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        let digits = String(value >> (64 - 4 * UInt64(hashDigits)), radix: 16)
        return String(repeating: "0", count: hashDigits - digits.count) + digits
    }
}
