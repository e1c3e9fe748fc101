@testable import HTTP1

/// Feeds `text` to a fresh parser (whole, or one byte at a time) and collects every event.
func parse(_ text: String, byteAtATime: Bool = false, maxHeaderBytes: Int = 16 * 1024, maxBodyBytes: Int = 1024 * 1024)
    -> [RequestParser.Event]
{
    var parser = RequestParser(maxHeaderBytes: maxHeaderBytes, maxBodyBytes: maxBodyBytes)
    var events: [RequestParser.Event] = []
    let bytes = Array(text.utf8)
    let pieces: [[UInt8]] = byteAtATime ? bytes.map { [$0] } : [bytes]
    for piece in pieces {
        parser.feed(piece)
        while let event = parser.next() { events.append(event) }
    }
    return events
}

extension RequestParser.Event {
    var request: HTTPRequest? {
        if case .request(let request) = self { return request }
        return nil
    }
    var failure: RequestParseError? {
        if case .failure(let error) = self { return error }
        return nil
    }
    var isExpectContinue: Bool {
        if case .expectContinue = self { return true }
        return false
    }
}

/// The single request `text` parses to, if it parses to exactly that.
func request(_ text: String, byteAtATime: Bool = false) -> HTTPRequest? {
    let events = parse(text, byteAtATime: byteAtATime)
    return events.count == 1 ? events[0].request : nil
}

/// The status of the failure `text` ends in.
func failureStatus(_ text: String, maxHeaderBytes: Int = 16 * 1024, maxBodyBytes: Int = 1024 * 1024) -> Int? {
    parse(text, maxHeaderBytes: maxHeaderBytes, maxBodyBytes: maxBodyBytes).last?.failure?.status.code
}
