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
    /// The last `Authorization` value seen and its tenant's label: requests come in runs of one
    /// tenant's, and hashing the token for every line was a fifth of the log's cost.
    private var lastAuthorization = ""
    private var lastLabel: [UInt8] = Array("-".utf8)

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
        let nanoseconds = DispatchTime.now().uptimeNanoseconds - startedAt
        switch format {
        case .text:
            // Built as bytes: on the database's queue under load, so every microsecond counts.
            var line: [UInt8] = []
            line.reserveCapacity(128)
            line.append(contentsOf: request.method.rawValue.utf8)
            line.append(UInt8(ascii: " "))
            line.append(contentsOf: request.path.utf8)
            line.append(UInt8(ascii: " "))
            line.appendDecimal(Int64(status))
            line.append(UInt8(ascii: " "))
            let hundredths = Int((nanoseconds + 5_000) / 10_000)
            line.appendDecimal(Int64(hundredths / 100))
            line.append(UInt8(ascii: "."))
            if hundredths % 100 < 10 { line.append(UInt8(ascii: "0")) }
            line.appendDecimal(Int64(hundredths % 100))
            line.append(contentsOf: "ms tenant=".utf8)
            append(line, tenantOf: request)
        case .json:
            let millis = Double(nanoseconds) / 1_000_000
            let line = JSONWriter.string([
                "method": .string(request.method.rawValue), "path": .string(String(request.path)),
                "status": .int(status), "ms": .double((millis * 100).rounded() / 100),
                "tenant": .string(request.bearerTokenForLog),
            ]) + "\n"
            append(Array(line.utf8), tenantOf: nil)
        }
    }

    /// Requests the server refused before routing (malformed, too large, too slow).
    func protocolError(status: Int, reason: String) {
        guard enabled else { return }
        let line: String
        switch format {
        case .text: line = "- - \(status) \(reason)\n"
        case .json: line = JSONWriter.string(["status": .int(status), "reason": .string(reason)]) + "\n"
        }
        append(Array(line.utf8), tenantOf: nil)
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

    /// Buffers `line`, ended (for a request's line) by the label of `request`'s tenant and a newline.
    private func append(_ line: [UInt8], tenantOf request: HTTPRequest?) {
        lock.lock()
        buffer.append(contentsOf: line)
        if let request {
            let authorization = request.headers["Authorization"] ?? ""
            if authorization != lastAuthorization {
                lastAuthorization = authorization
                lastLabel = Array(request.bearerTokenForLog.utf8)
            }
            buffer.append(contentsOf: lastLabel)
            buffer.append(UInt8(ascii: "\n"))
        }
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
}

extension HTTPRequest {
    /// The tenant as the journal and the dashboard name it (`TenantLabel`): enough to tell
    /// tenants apart in a log, never the token whole.
    var bearerTokenForLog: String {
        guard let value = headers["Authorization"], value.hasPrefix("Bearer ") else { return "-" }
        return TenantLabel.of(value.dropFirst(7))
    }
}
