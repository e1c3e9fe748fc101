import APIKit
import SandboxCore

/// What `GET /requests` reads: its filters, and which entries they let through.
enum JournalInput {
    static let method = Field<String>.string("method", .optional).inQuery.map { $0.uppercased() }
        .documented("Only requests with this method (any case)", example: "POST")

    /// Without `*` a prefix; with `*` a whole-path pattern.
    static let path = Field<String>.string("path", .optional).inQuery.map { PathPattern($0) }
        .documented("A path prefix, or a pattern where * matches any characters", example: "/api/v1/datacenter/*")

    enum StatusFilter: Sendable {
        case code(Int)
        /// `4xx`: the first digit.
        case hundreds(Int)
    }

    static let status = Field<StatusFilter>(
        "status", in: .query, schema: .string(pattern: "^([1-5]xx|[1-5][0-9][0-9])$"), kind: .string, presence: .optional,
        rule: "status must be a status code such as 404, or a class such as 4xx"
    ) { value in
        guard let text = LenientValue.string(value) else { return .wrongType }
        if text.count == 3, text.hasSuffix("xx"), let digit = Int(text.prefix(1)), (1...5).contains(digit) { return .value(.hundreds(digit)) }
        guard let code = Int(text), (100...599).contains(code) else { return .refused(nil) }
        return .value(.code(code))
    }.documented("A status code, or a class such as 4xx", example: "4xx")

    enum Since: Sendable {
        /// Entries after this journal id.
        case id(Int)
        /// Entries at or after this sandbox time.
        case time(Int64)
    }

    static let since = Field<Since>(
        "since", in: .query, schema: .string(minLength: 1), kind: .string, presence: .optional,
        rule: "since must be a journal id or an ISO-8601 time"
    ) { value in
        guard let text = LenientValue.string(value) else { return .wrongType }
        if let id = Int(text) { return id >= 0 ? .value(.id(id)) : .refused(nil) }
        return Timestamp.parseISO8601(text).map { .value(.time($0)) } ?? .refused(nil)
    }.documented("Entries after a journal id, or from an ISO-8601 time on", example: "2026-01-01T00:00:00Z")

    static let limit = Field<Int>.integer("limit", 1...10_000, .optional).inQuery
        .documented("At most this many entries, newest first (default 100)", example: 20)

    static let list = InputDeclaration(
        .laravel, [AnyField(ControlScope.all), AnyField(method), AnyField(path), AnyField(status), AnyField(since), AnyField(limit)])

    /// The entries the read filters let through, for `token`'s tenant (nil: every tenant's).
    struct Filter {
        let token: String?
        let method: String?
        let path: PathPattern?
        let status: StatusFilter?
        let since: Since?
        let limit: Int

        init(_ input: InputValues, token: String?) {
            self.token = token
            method = input[JournalInput.method]
            path = input[JournalInput.path]
            status = input[JournalInput.status]
            since = input[JournalInput.since]
            limit = input[JournalInput.limit] ?? 100
        }

        func includes(_ entry: JournalEntry) -> Bool {
            if let token, entry.token != token { return false }
            if let method, entry.method != method { return false }
            if let path {
                if path.hasWildcard ? !path.matches(entry.path[...]) : !entry.path.hasPrefix(path.description) { return false }
            }
            switch status {
            case .code(let code)?: if entry.status != code { return false }
            case .hundreds(let digit)?: if entry.status / 100 != digit { return false }
            case nil: break
            }
            switch since {
            case .id(let id)?: if entry.id <= id { return false }
            case .time(let time)?: if entry.at < time { return false }
            case nil: break
            }
            return true
        }
    }
}
