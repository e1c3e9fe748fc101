import HTTP1
import StructuredData

extension HTTPRequest {
    /// The token of `Authorization: Bearer <token>`; nil when missing or malformed.
    public var bearerToken: String? {
        guard let value = headers["Authorization"] else { return nil }
        let scheme = value.drop(while: { $0 == " " }).prefix(while: { $0 != " " })
        guard scheme.caseInsensitiveEquals("Bearer") else { return nil }
        let token = value[scheme.endIndex...].trimmedWhitespace()
        return token.isEmpty ? nil : String(token)
    }
}
