import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT/SIGTERM stop the server. A Dispatch signal source watches only once Dispatch has
/// registered it, some time after `resume()`; a signal before that meets SIG_IGN and is lost
/// (scripts/crash, stopping a server the moment it printed its listening line, waited for
/// ever). So this returns only once every source is registered. Its own queue, and not in
/// main.swift: there, closures would be the main actor's, and the main queue does not run
/// until `dispatchMain()`.
final class SignalStop {
    private let sources: [DispatchSourceSignal]

    init(_ signals: [Int32], stop: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "sandbox.signals")
        let registered = DispatchGroup()
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler(handler: stop)
            registered.enter()
            source.setRegistrationHandler { registered.leave() }
            source.resume()
            return source
        }
        registered.wait()
    }
}
