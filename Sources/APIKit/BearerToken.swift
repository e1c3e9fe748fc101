import HTTP1

extension HTTPRequest {
    /// The token of `Authorization: Bearer <token>`; nil when missing or malformed. Read on
    /// every request, so found over the value's UTF-8 bytes: `Character` iteration and
    /// `Substring` trimming cost more than routing.
    public var bearerToken: String? {
        guard var value = headers["Authorization"] else { return nil }
        return value.withUTF8 { bytes -> String? in
            var start = 0
            while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: " ") { end += 1 }
            // The scheme, case-insensitively; `| 0x20` folds exactly the letters of "bearer".
            let scheme: StaticString = "bearer"
            guard end - start == 6, (0..<6).allSatisfy({ bytes[start + $0] | 0x20 == scheme.utf8Start[$0] }) else {
                return nil
            }
            var tokenEnd = bytes.count
            while end < tokenEnd, Self.isWhitespace(bytes[end]) { end += 1 }
            while tokenEnd > end, Self.isWhitespace(bytes[tokenEnd - 1]) { tokenEnd -= 1 }
            return end == tokenEnd ? nil : String(decoding: UnsafeBufferPointer(rebasing: bytes[end..<tokenEnd]), as: UTF8.self)
        }
    }

    /// What `trimmedWhitespace` trims.
    private static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
}
