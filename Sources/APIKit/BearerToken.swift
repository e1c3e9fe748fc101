import HTTP1
import StructuredData

extension HTTPRequest {
    /// The token of `Authorization: Bearer <token>`; nil when missing or malformed.
    public var bearerToken: String? {
        guard let value = headers["Authorization"] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].caseInsensitiveEquals("Bearer") else { return nil }
        let token = parts[1].trimmedWhitespace()
        return token.isEmpty ? nil : String(token)
    }
}
