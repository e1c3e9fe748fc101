/// A path pattern where `*` matches any run of characters, `/` included
/// (`/api/v1/datacenter/server/*` matches every VM route). A trailing slash is ignored
/// on both sides, as the router ignores it.
public struct PathPattern: Sendable, Equatable, CustomStringConvertible {
    public let description: String
    private let bytes: [UInt8]

    public init(_ text: String) {
        description = text
        bytes = Array(Self.trimmed(Substring(text)).utf8)
    }

    public var hasWildcard: Bool { bytes.contains(UInt8(ascii: "*")) }

    public func matches(_ path: Substring) -> Bool {
        let subject = Array(Self.trimmed(path).utf8)
        var p = 0, s = 0
        var star = -1, resume = 0
        while s < subject.count {
            if p < bytes.count, bytes[p] == UInt8(ascii: "*") {
                star = p
                resume = s
                p += 1
            } else if p < bytes.count, bytes[p] == subject[s] {
                p += 1
                s += 1
            } else if star >= 0 {
                p = star + 1
                resume += 1
                s = resume
            } else {
                return false
            }
        }
        while p < bytes.count, bytes[p] == UInt8(ascii: "*") { p += 1 }
        return p == bytes.count
    }

    private static func trimmed(_ path: Substring) -> Substring {
        var path = path
        while path.count > 1, path.last == "/" { path = path.dropLast() }
        return path
    }
}
