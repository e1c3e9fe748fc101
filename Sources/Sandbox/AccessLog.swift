import Foundation
import HTTP1
import SandboxCore
import StructuredData

/// One line per request on stderr: method, path, status, milliseconds, tenant.
public final class AccessLog: Sendable {
    public enum Format: String, Sendable { case text, json }

    let format: Format
    let enabled: Bool

    init(format: Format, enabled: Bool) {
        self.format = format
        self.enabled = enabled
    }

    func record(request: HTTPRequest, status: Int, startedAt: UInt64) {
        guard enabled else { return }
        let millis = Double(DispatchTime.now().uptimeNanoseconds - startedAt) / 1_000_000
        let tenant = request.bearerTokenForLog
        let line: String
        switch format {
        case .text:
            line = "\(request.method) \(request.path) \(status) \(String(format: "%.2f", millis))ms tenant=\(tenant)\n"
        case .json:
            line = JSONWriter.string([
                "method": .string(request.method.rawValue), "path": .string(String(request.path)),
                "status": .int(status), "ms": .double((millis * 100).rounded() / 100), "tenant": .string(tenant),
            ]) + "\n"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Requests the server refused before routing (malformed, too large, too slow).
    func protocolError(status: Int, reason: String) {
        guard enabled else { return }
        let line: String
        switch format {
        case .text: line = "- - \(status) \(reason)\n"
        case .json: line = JSONWriter.string(["status": .int(status), "reason": .string(reason)]) + "\n"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
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
