#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HTTP1
import SandboxCore
import StructuredData

/// One line per request on stderr: method, path, status, milliseconds, tenant. Buffered, as
/// nginx buffers its own: a write per line was a system call per request. A request only
/// leaves what its line will say (`Entry`); lines are built and written on the log's own
/// queue, in batches of `batchSize`, at least every `flushInterval`, and at shutdown
/// (`flush`). Building a line where the answer was given cost 4,400 instructions there, and
/// under load that is the database queue, the serial part; leaving an entry costs 500.
/// Errors are written at once, after what is buffered.
public final class AccessLog: @unchecked Sendable {
    public enum Format: String, Sendable { case text, json }

    /// What one line says, as the request left it.
    struct Entry {
        enum Subject {
            /// A routed request; `token` is its bearer token, shown as its tenant's label.
            case request(method: HTTPMethod, path: Substring, token: String?)
            /// A request the server refused before routing (malformed, too large, too slow).
            case refusal(reason: String)
        }

        let subject: Subject
        let status: Int
        let nanoseconds: UInt64
    }

    static let batchSize = 512
    /// Longer paths are copied: a path shares the request's target, which may be 16 KB long.
    static let sharedPathBytes = 256
    static let flushInterval: DispatchTimeInterval = .seconds(1)
    /// Batches handed to the queue and not yet written beyond which a request that hands one
    /// over waits for one to be written, so a stalled stderr holds requests up instead of
    /// filling memory.
    static let batchesInFlight = 4

    let format: Format
    let enabled: Bool
    private let output: @Sendable ([UInt8]) -> Void
    private let queue = DispatchQueue(label: "sandbox.access-log")
    private let lock = NSLock()
    private var entries: [Entry] = []
    private let inFlight = DispatchSemaphore(value: batchesInFlight)
    private var flusher: DispatchSourceTimer?
    /// On the queue only: the last token written and its label. Requests come in runs of one
    /// tenant's, and hashing the token for every line was a fifth of a line's cost.
    private var lastToken: String?
    private var lastLabel = "-"

    /// `output` receives the bytes of whole lines, in order (stderr unless a test says otherwise).
    init(format: Format, enabled: Bool, output: @escaping @Sendable ([UInt8]) -> Void = AccessLog.writeToStandardError) {
        self.format = format
        self.enabled = enabled
        self.output = output
        guard enabled else { return }
        entries.reserveCapacity(Self.batchSize)
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + Self.flushInterval, repeating: Self.flushInterval, leeway: .milliseconds(200))
        timer.setEventHandler { [weak self] in self?.handOver(waitingForRoom: false) }
        timer.resume()
        flusher = timer
    }

    deinit { flusher?.cancel() }

    /// A routed request's line; `token`: its bearer token, if it had one; `nanoseconds`: how
    /// long it took.
    func record(method: HTTPMethod, path: Substring, token: String?, status: Int, nanoseconds: UInt64) {
        guard enabled else { return }
        let path = path.utf8.count > Self.sharedPathBytes ? Substring(String(path)) : path
        add(Entry(subject: .request(method: method, path: path, token: token), status: status, nanoseconds: nanoseconds))
    }

    /// Requests the server refused before routing (malformed, too large, too slow).
    func protocolError(status: Int, reason: String) {
        guard enabled else { return }
        add(Entry(subject: .refusal(reason: reason), status: status, nanoseconds: 0))
    }

    func error(_ message: String) {
        flush()
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    /// Writes every line recorded so far, and returns once they are written.
    public func flush() {
        guard enabled else { return }
        dispatchPrecondition(condition: .notOnQueue(queue))
        handOver(waitingForRoom: false)
        queue.sync {}
    }

    private func add(_ entry: Entry) {
        lock.lock()
        entries.append(entry)
        guard entries.count >= Self.batchSize else { return lock.unlock() }
        lock.unlock()
        handOver(waitingForRoom: true)
    }

    /// Hands what is recorded to the queue. Taken and queued under the lock, so batches are
    /// written in the order they were taken. `waitingForRoom`: counts against
    /// `batchesInFlight` (a request's thread; never the queue's own, which would wait for itself).
    private func handOver(waitingForRoom: Bool) {
        lock.lock()
        let batch = entries
        entries.removeAll(keepingCapacity: true)
        if !batch.isEmpty {
            queue.async { [self] in
                output(lines(batch))
                if waitingForRoom { inFlight.signal() }
            }
        }
        lock.unlock()
        if waitingForRoom && !batch.isEmpty { inFlight.wait() }
    }

    /// The lines of `batch`, on the queue.
    private func lines(_ batch: [Entry]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(batch.count * 96)
        for entry in batch {
            switch (format, entry.subject) {
            case (.text, .request(let method, let path, let token)):
                bytes.appendUTF8(method.rawValue)
                bytes.append(UInt8(ascii: " "))
                bytes.appendUTF8(path)
                bytes.append(UInt8(ascii: " "))
                bytes.appendDecimal(Int64(entry.status))
                bytes.append(UInt8(ascii: " "))
                let hundredths = Int((entry.nanoseconds + 5_000) / 10_000)
                bytes.appendDecimal(Int64(hundredths / 100))
                bytes.append(UInt8(ascii: "."))
                if hundredths % 100 < 10 { bytes.append(UInt8(ascii: "0")) }
                bytes.appendDecimal(Int64(hundredths % 100))
                bytes.appendUTF8("ms tenant=")
                bytes.appendUTF8(label(of: token))
                bytes.append(UInt8(ascii: "\n"))
            case (.json, .request(let method, let path, let token)):
                let millis = Double(entry.nanoseconds) / 1_000_000
                let line = JSONWriter.string([
                    "method": .string(method.rawValue), "path": .string(String(path)),
                    "status": .int(entry.status), "ms": .double((millis * 100).rounded() / 100),
                    "tenant": .string(label(of: token)),
                ])
                bytes.append(contentsOf: line.utf8)
                bytes.append(UInt8(ascii: "\n"))
            case (.text, .refusal(let reason)):
                bytes.append(contentsOf: "- - \(entry.status) \(reason)\n".utf8)
            case (.json, .refusal(let reason)):
                bytes.append(contentsOf: JSONWriter.string(["status": .int(entry.status), "reason": .string(reason)]).utf8)
                bytes.append(UInt8(ascii: "\n"))
            }
        }
        return bytes
    }

    /// The tenant's label (`TenantLabel`), "-" without a token; on the queue.
    private func label(of token: String?) -> String {
        guard let token else { return "-" }
        if token != lastToken {
            lastToken = token
            lastLabel = TenantLabel.of(token)
        }
        return lastLabel
    }

    @Sendable static func writeToStandardError(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress! + offset, $0.count - offset) }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}

extension [UInt8] {
    /// Appends the text's UTF-8 bytes in one copy (`append(contentsOf: text.utf8)` goes byte by byte).
    fileprivate mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    fileprivate mutating func appendUTF8(_ text: Substring) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}
