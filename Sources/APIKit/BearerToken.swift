import HTTP1
import StructuredData

extension HTTPRequest {
    /// The token of `Authorization: Bearer <token>`; nil when missing or malformed.
    public var bearerToken: String? {
        guard let value = headers["Authorization"] else { return nil }
        // As bytes: read on every request, where `Character` iteration cost more than routing.
        let bytes = value.utf8
        guard let start = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") }) else { return nil }
        let end = bytes[start...].firstIndex(of: UInt8(ascii: " ")) ?? bytes.endIndex
        guard value[start..<end].caseInsensitiveEquals("Bearer") else { return nil }
        let token = value[end...].trimmedWhitespace()
        return token.isEmpty ? nil : String(token)
    }
}
