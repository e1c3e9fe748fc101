/// A refusal by a model: what went wrong in the domain's words. Each API maps the kind to
/// its own status and error body in one place; models never choose HTTP statuses.
public struct DomainError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case invalidInput, unauthenticated, insufficientBalance, forbidden, notFound, conflict
        /// The request reached a host name that does not serve it (the control plane's Host rule).
        case misdirected
    }

    public let kind: Kind
    public let message: String
    /// Per-field messages, for APIs that report field errors (Django REST Framework style).
    public let fieldErrors: [(field: String, messages: [String])]

    public init(_ kind: Kind, _ message: String, fieldErrors: [(field: String, messages: [String])] = []) {
        self.kind = kind
        self.message = message
        self.fieldErrors = fieldErrors
    }

    public var description: String { message }

    /// A bad value in one field; the message names the field and the rule.
    public static func invalid(_ field: String, _ message: String) -> DomainError {
        DomainError(.invalidInput, message, fieldErrors: [(field, [message])])
    }

    public static func notFound(_ message: String) -> DomainError { DomainError(.notFound, message) }
    public static func conflict(_ message: String) -> DomainError { DomainError(.conflict, message) }
    public static func forbidden(_ message: String) -> DomainError { DomainError(.forbidden, message) }
    public static let insufficientBalance = DomainError(.insufficientBalance, "Insufficient balance")
}
