import HTTP1
import Synchronization

/// Catches a response given while the handler is still running, so it is written once the
/// handler has returned (and let go of the database, when it ran its transaction on the
/// calling thread). After `close()`, responses pass through. One per request: a `Mutex`
/// held inline, where an `NSLock` was two more allocations and a mutex set up and torn down.
final class InlineAnswer: Sendable {
    private struct State {
        var open = true
        var response: HTTPResponse?
    }
    private let state = Mutex(State())

    /// True when the response was kept for inline writing.
    func capture(_ response: HTTPResponse) -> Bool {
        state.withLock { state in
            guard state.open else { return false }
            state.response = response
            return true
        }
    }

    /// Ends the handler's call; returns the response it gave inline, if any.
    func close() -> HTTPResponse? {
        state.withLock { state in
            state.open = false
            return state.response
        }
    }
}
