import StructuredData

/// A response value. The serializer adds `Content-Length`, `Date` and `Connection`.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// What the server does with the connection instead of (or after) writing this response.
    public var connectionAction: ConnectionAction = .normal
    /// A body produced while it is written, instead of `body` (see `BodyStream`).
    public var stream: BodyStream?

    public init(status: HTTPStatus, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public static func json(_ value: JSONValue, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: JSONWriter.bytes(value))
    }

    /// A JSON response whose bytes were encoded once and are reused (catalogue answers).
    public static func json(bytes: [UInt8], status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: bytes)
    }

    public static func html(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(text.utf8))
    }

    public static func empty(_ status: HTTPStatus) -> HTTPResponse { HTTPResponse(status: status) }

    /// A JSON document written as it is produced.
    public static func json(streaming stream: BodyStream, status: HTTPStatus = .ok) -> HTTPResponse {
        var response = HTTPResponse(status: status, headers: ["Content-Type": "application/json"])
        response.stream = stream
        return response
    }
}

/// How a response asks the socket server to treat its connection; used to emulate broken
/// networks (fault injection). In-process callers can read it but have no socket to act on.
public enum ConnectionAction: Sendable, Equatable {
    /// Write the response and honour keep-alive as usual.
    case normal
    /// Write nothing; abort the connection with a TCP RST (SO_LINGER 0, then close).
    case reset
    /// Write nothing; close the connection gracefully (FIN), so the client sees an empty reply.
    case closeWithoutResponse
}

public struct HTTPStatus: Hashable, Sendable, CustomStringConvertible {
    public let code: Int
    public let reason: String
    public init(_ code: Int, _ reason: String) { self.code = code; self.reason = reason }
    public init(code: Int) { self.init(code, HTTPStatus.reasons[code] ?? "Status \(code)") }
    public var description: String { "\(code) \(reason)" }

    public static let `continue` = HTTPStatus(100, "Continue")
    public static let ok = HTTPStatus(200, "OK")
    public static let created = HTTPStatus(201, "Created")
    public static let noContent = HTTPStatus(204, "No Content")
    public static let badRequest = HTTPStatus(400, "Bad Request")
    public static let unauthorized = HTTPStatus(401, "Unauthorized")
    public static let paymentRequired = HTTPStatus(402, "Payment Required")
    public static let forbidden = HTTPStatus(403, "Forbidden")
    public static let notFound = HTTPStatus(404, "Not Found")
    public static let methodNotAllowed = HTTPStatus(405, "Method Not Allowed")
    public static let requestTimeout = HTTPStatus(408, "Request Timeout")
    public static let conflict = HTTPStatus(409, "Conflict")
    public static let lengthRequired = HTTPStatus(411, "Length Required")
    public static let contentTooLarge = HTTPStatus(413, "Content Too Large")
    public static let misdirectedRequest = HTTPStatus(421, "Misdirected Request")
    public static let unprocessableContent = HTTPStatus(422, "Unprocessable Content")
    public static let tooManyRequests = HTTPStatus(429, "Too Many Requests")
    public static let headerFieldsTooLarge = HTTPStatus(431, "Request Header Fields Too Large")
    public static let internalServerError = HTTPStatus(500, "Internal Server Error")
    public static let notImplemented = HTTPStatus(501, "Not Implemented")
    public static let badGateway = HTTPStatus(502, "Bad Gateway")
    public static let serviceUnavailable = HTTPStatus(503, "Service Unavailable")
    public static let gatewayTimeout = HTTPStatus(504, "Gateway Timeout")
    public static let httpVersionNotSupported = HTTPStatus(505, "HTTP Version Not Supported")

    private static let reasons: [Int: String] = Dictionary(
        uniqueKeysWithValues: [
            `continue`, ok, created, noContent, badRequest, unauthorized, paymentRequired, forbidden, notFound,
            methodNotAllowed, requestTimeout, conflict, lengthRequired, contentTooLarge, misdirectedRequest,
            unprocessableContent,
            tooManyRequests, headerFieldsTooLarge, internalServerError, notImplemented, badGateway,
            serviceUnavailable, gatewayTimeout, httpVersionNotSupported,
        ].map { ($0.code, $0.reason) })
}
