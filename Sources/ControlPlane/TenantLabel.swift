/// How the control plane names a tenant where several show together (the dashboard, and the
/// `tenant` field of events and journal entries read with `?all=true`). Short tokens, which
/// are names such as `ci-run-1`, show whole; longer ones, which look like secrets, show
/// their first and last characters (`d41d…427e`), never more than half of them.
enum TenantLabel {
    static let wholeUpTo = 8

    static func of(_ token: String) -> String {
        guard token.count > wholeUpTo else { return token }
        let side = min(4, token.count / 4)
        return "\(token.prefix(side))…\(token.suffix(side))"
    }
}
