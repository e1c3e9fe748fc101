/// Body framing: a fixed `Content-Length`, or `Transfer-Encoding: chunked` whose size lines,
/// extensions and trailers are checked and then dropped.
extension RequestParser {
    /// A chunk-size line with extensions longer than this is hostile, not useful.
    static let maxChunkLineBytes = 4096
    /// Framing allowed per chunked body, on top of its data: generous for real clients (even
    /// 1-byte chunks of a 64 KiB body), and a bound on what a hostile one can make us buffer.
    var maxChunkFramingBytes: Int { max(64 * 1024, bodyLimit) }
    /// While a chunked body streams in, consumed bytes are dropped once this many pile up.
    static let compactionThreshold = 64 * 1024

    mutating func readFixedBody(length: Int) -> Step {
        if let spool {
            // Written as it comes, and dropped: a spooled body never gathers in the buffer.
            let take = min(length, buffer.count - index)
            guard spool.append(buffer[index..<(index + take)]) else { return Self.unstored }
            index += take
            dropConsumed()
            guard take == length else {
                state = .fixedBody(length: length - take)
                return .needMore
            }
            return complete(body: [])
        }
        guard buffer.count - index >= length else { return .needMore }
        let body = Array(buffer[index..<(index + length)])
        index += length
        return complete(body: body)
    }

    mutating func readChunkSize() -> Step {
        guard let line = nextLine(limit: Self.maxChunkLineBytes) else { return .needMore }
        guard case .some(let range) = line else { return .fail(.init(.badRequest, "chunk size line too long")) }
        chunkFramingBytes += range.count + 2
        guard chunkFramingBytes <= maxChunkFramingBytes else {
            return .fail(.init(.contentTooLarge, "chunked body framing exceeds \(maxChunkFramingBytes) bytes"))
        }
        let bodySoFar = spool?.count ?? pending?.body.count ?? 0
        var size = 0
        var digits = 0
        var tooLarge = false
        var cursor = range.lowerBound
        while cursor < range.upperBound, let digit = Self.hexValue(buffer[cursor]) {
            digits += 1
            if !tooLarge {
                let (shifted, overflowA) = size.multipliedReportingOverflow(by: 16)
                let (sum, overflowB) = shifted.addingReportingOverflow(digit)
                size = sum
                tooLarge = overflowA || overflowB || size > bodyLimit - bodySoFar
            }
            cursor += 1
        }
        while cursor < range.upperBound, buffer[cursor] == .space || buffer[cursor] == .tab { cursor += 1 }
        guard digits > 0, cursor == range.upperBound || buffer[cursor] == UInt8(ascii: ";") else {
            return .fail(.init(.badRequest, "malformed chunk size"))
        }
        guard !buffer[range].contains(.cr) else { return .fail(.init(.badRequest, "bare CR in chunk size line")) }
        if tooLarge { return .fail(.init(.contentTooLarge, "chunked body exceeds \(bodyLimit) bytes")) }
        state = size == 0 ? .trailers : .chunkData(size: size)
        trailerBytes = 0
        return .continue
    }

    mutating func readChunkData(size: Int) -> Step {
        if let spool, size > 0 {
            // A chunk of a spooled body is written as it comes, however large; its CRLF after.
            let take = min(size, buffer.count - index)
            guard take > 0 else { return .needMore }
            guard spool.append(buffer[index..<(index + take)]) else { return Self.unstored }
            index += take
            dropConsumed()
            state = .chunkData(size: size - take)
            return .continue
        }
        let available = buffer.count - index
        guard available > size else { return .needMore }
        let terminatorLength: Int
        switch buffer[index + size] {
        case .lf: terminatorLength = 1
        case .cr:
            guard available > size + 1 else { return .needMore }
            guard buffer[index + size + 1] == .lf else { return .fail(.init(.badRequest, "chunk not followed by CRLF")) }
            terminatorLength = 2
        default: return .fail(.init(.badRequest, "chunk longer than its declared size"))
        }
        pending?.body.append(contentsOf: buffer[index..<(index + size)])
        index += size + terminatorLength
        state = .chunkSize
        if index >= Self.compactionThreshold {
            buffer.removeSubrange(0..<index)
            index = 0
            headScan = 0
            headLineStart = 0
        }
        return .continue
    }

    /// The disk refused a spooled body (full, say).
    static let unstored = Step.fail(.init(.contentTooLarge, "the body cannot be stored: the server's disk refused it"))

    /// Drops the consumed bytes of a spooled body, so the buffer holds only what is unread.
    private mutating func dropConsumed() {
        guard index > 0 else { return }
        buffer.removeSubrange(0..<index)
        index = 0
        headScan = 0
        headLineStart = 0
    }

    /// Trailer fields are accepted and dropped: nothing in this server reads them.
    mutating func readTrailers() -> Step {
        while true {
            let remainingAllowance = maxHeaderBytes - trailerBytes
            guard let line = nextLine(limit: max(0, remainingAllowance)) else { return .needMore }
            guard case .some(let range) = line else {
                return .fail(.init(.headerFieldsTooLarge, "trailer fields exceed \(maxHeaderBytes) bytes"))
            }
            if range.isEmpty {
                let body = pending?.body ?? []
                return complete(body: body)
            }
            trailerBytes += range.count + 2
            if buffer[range].contains(.cr) { return .fail(.init(.badRequest, "bare CR in trailer")) }
            if !buffer[range].contains(UInt8(ascii: ":")) { return .fail(.init(.badRequest, "malformed trailer field")) }
        }
    }

    /// The next line (without its CRLF or LF) and consumes it; `nil` if it is not complete yet,
    /// `.some(nil)` if it is already longer than `limit`.
    private mutating func nextLine(limit: Int) -> Range<Int>?? {
        let searchEnd = min(buffer.count, index + limit + 2)
        guard let lf = buffer[index..<searchEnd].firstIndex(of: .lf) else {
            return searchEnd - index >= limit + 2 ? .some(nil) : nil
        }
        var end = lf
        if end > index && buffer[end - 1] == .cr { end -= 1 }
        let range = index..<end
        index = lf + 1
        return .some(range)
    }

    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 48...57: return Int(byte - 48)
        case 65...70: return Int(byte - 55)
        case 97...102: return Int(byte - 87)
        default: return nil
        }
    }
}
