/// A response body written as it is produced, with `Transfer-Encoding: chunked`, so a large
/// answer never sits whole in memory. The server asks `next` for one part at a time, only
/// once the previous part is on the wire (the client's reading paces the producer), and
/// calls `cancel` if the connection closes before the end.
public struct BodyStream: Sendable {
    public enum Part: Sendable {
        case bytes([UInt8])
        case end
        /// The producer failed midway: the connection is closed without the final chunk, so
        /// the client sees a truncated answer instead of a complete-looking wrong one.
        case failed
    }

    public let next: @Sendable (@escaping @Sendable (Part) -> Void) -> Void
    public let cancel: @Sendable () -> Void

    public init(
        next: @escaping @Sendable (@escaping @Sendable (Part) -> Void) -> Void, cancel: @escaping @Sendable () -> Void
    ) {
        self.next = next
        self.cancel = cancel
    }

    /// `bytes` framed as one chunk of a chunked body.
    public static func chunk(_ bytes: [UInt8]) -> [UInt8] {
        var out = Array(String(bytes.count, radix: 16).utf8)
        out.reserveCapacity(out.count + bytes.count + 4)
        out.append(contentsOf: [.cr, .lf])
        out.append(contentsOf: bytes)
        out.append(contentsOf: [.cr, .lf])
        return out
    }

    /// The last chunk of a chunked body.
    public static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)
}
