import Foundation
import HTTP1

/// Catches a response given while the handler is still running, so it is written once the
/// handler has returned (and let go of the database, when it ran its transaction on the
/// calling thread). After `close()`, responses pass through.
final class InlineAnswer: @unchecked Sendable {
    private let lock = NSLock()
    private var open = true
    private var response: HTTPResponse?

    /// True when the response was kept for inline writing.
    func capture(_ response: HTTPResponse) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard open else { return false }
        self.response = response
        return true
    }

    /// Ends the handler's call; returns the response it gave inline, if any.
    func close() -> HTTPResponse? {
        lock.lock()
        defer { lock.unlock() }
        open = false
        return response
    }
}
