#if canImport(Glibc)
import Glibc
#endif

/// Why the server could not start, worded for the person running it.
public struct ServerError: Error, CustomStringConvertible, Sendable {
    public let description: String
    /// The `errno` behind the failure, when there is one.
    public let code: Int32?

    public init(_ description: String, code: Int32? = nil) {
        self.description = description
        self.code = code
    }

    static func system(_ action: String, _ code: Int32) -> ServerError {
        ServerError("\(action): \(String(cString: strerror(code)))", code: code)
    }
}
