#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HTTP1
import SandboxCore
import StructuredData

/// One line per request on stderr: method, path, status, milliseconds, tenant. Buffered, as
/// nginx buffers its own: lines gather in memory and go out in one write per
/// `bufferBytes`, at least every `flushInterval`, and at shutdown (`flush`); a write per line
/// was a system call per request. Errors are written at once, after what is buffered.
public final class AccessLog: @unchecked Sendable {
    public enum Format: String, Sendable { case text, json }

    static let bufferBytes = 32 * 1024
    static let flushInterval: DispatchTimeInterval = .seconds(1)

    let format: Format
    let enabled: Bool
    private let lock = NSLock()
    private var buffer: [UInt8] = []
    private var flusher: DispatchSourceTimer?

    init(format: Format, enabled: Bool) {
        self.format = format
        self.enabled = enabled
        guard enabled else { return }
        buffer.reserveCapacity(Self.bufferBytes)
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "sandbox.access-log"))
        timer.schedule(deadline: .now() + Self.flushInterval, repeating: Self.flushInterval, leeway: .milliseconds(200))
        timer.setEventHandler { [weak self] in self?.flush() }
        timer.resume()
        flusher = timer
    }

    deinit { flusher?.cancel() }

    func record(request: HTTPRequest, status: Int, startedAt: UInt64) {
        guard enabled else { return }
        let millis = Double(DispatchTime.now().uptimeNanoseconds - startedAt) / 1_000_000
        let tenant = request.bearerTokenForLog
        let line: String
        switch format {
        case .text:
            line = "\(request.method) \(request.path) \(status) \(Self.twoDecimals(millis))ms tenant=\(tenant)\n"
        case .json:
            line = JSONWriter.string([
                "method": .string(request.method.rawValue), "path": .string(String(request.path)),
                "status": .int(status), "ms": .double((millis * 100).rounded() / 100), "tenant": .string(tenant),
            ]) + "\n"
        }
        append(line)
    }

    /// Requests the server refused before routing (malformed, too large, too slow).
    func protocolError(status: Int, reason: String) {
        guard enabled else { return }
        let line: String
        switch format {
        case .text: line = "- - \(status) \(reason)\n"
        case .json: line = JSONWriter.string(["status": .int(status), "reason": .string(reason)]) + "\n"
        }
        append(line)
    }

    func error(_ message: String) {
        flush()
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    /// Writes what is buffered.
    public func flush() {
        lock.lock()
        let pending = buffer
        buffer.removeAll(keepingCapacity: true)
        lock.unlock()
        write(pending)
    }

    private func append(_ line: String) {
        lock.lock()
        buffer.append(contentsOf: line.utf8)
        guard buffer.count >= Self.bufferBytes else { return lock.unlock() }
        let full = buffer
        buffer.removeAll(keepingCapacity: true)
        lock.unlock()
        write(full)
    }

    private func write(_ bytes: [UInt8]) {
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

    /// `12.34`: what `String(format: "%.2f")` gave, without Foundation's formatter per request.
    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((max(0, value) * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

extension HTTPRequest {
    /// The tenant as the journal and the dashboard name it (`TenantLabel`): enough to tell
    /// tenants apart in a log, never the token whole.
    var bearerTokenForLog: String {
        guard let value = headers["Authorization"], value.hasPrefix("Bearer ") else { return "-" }
        return TenantLabel.of(value.dropFirst(7))
    }
}
