import APIKit
import HTTP1
import SandboxCore
import StructuredData

/// `/_sandbox/requests`: the request journal, newest first, filtered; or cleared.
enum JournalRoutes {
    static func routes(journal: RequestJournal) -> [APIRoute] {
        [
            APIRoute(.GET, "/requests", "List journaled API requests (filters: method, path, status, since, limit; ?all=true)", .memory { request, _ in
                let token = request.wantsAll ? nil : try request.requiredToken()
                let filter = try Filter(request.queryFields(), token: token)
                let entries = journal.entries(where: filter.includes, limit: filter.limit)
                return .json(["requests": .array(entries.map(render))])
            }),
            APIRoute(.DELETE, "/requests", "Clear the tenant's journal (everything with ?all=true)", .memory { request, _ in
                let token = request.wantsAll ? nil : try request.requiredToken()
                return .json(["removed": .int(journal.clear { token == nil || $0.token == token })])
            }),
        ]
    }

    struct Filter {
        let token: String?
        let method: String?
        let path: PathPattern?
        let status: Int?
        let statusClass: Int?
        let sinceId: Int?
        let sinceTime: Int64?
        let limit: Int

        init(_ fields: InputFields, token: String?) throws {
            self.token = token
            method = try fields.string("method")?.uppercased()
            path = try fields.string("path").map(PathPattern.init)
            let statusText = try fields.string("status")
            if let statusText, statusText.count == 3, statusText.hasSuffix("xx"), let digit = Int(statusText.prefix(1)),
                (1...5).contains(digit)
            {
                statusClass = digit
                status = nil
            } else {
                statusClass = nil
                status = try fields.int("status", in: 100...599, required: false)
                if statusText != nil && status == nil {
                    throw DomainError.invalid("status", "status must be a status code such as 404, or a class such as 4xx")
                }
            }
            let since = try fields.string("since")
            if let since, let id = Int(since) {
                guard id >= 0 else { throw DomainError.invalid("since", "since must be a journal id or an ISO-8601 time") }
                sinceId = id
                sinceTime = nil
            } else if let since {
                guard let time = Timestamp.parseISO8601(since) else {
                    throw DomainError.invalid("since", "since must be a journal id or an ISO-8601 time")
                }
                sinceTime = time
                sinceId = nil
            } else {
                sinceId = nil
                sinceTime = nil
            }
            limit = try fields.int("limit", in: 1...10_000, required: false) ?? 100
        }

        /// `path` without `*` is a prefix; with `*` a whole-path pattern.
        func includes(_ entry: JournalEntry) -> Bool {
            if let token, entry.token != token { return false }
            if let method, entry.method != method { return false }
            if let path {
                if path.hasWildcard ? !path.matches(entry.path[...]) : !entry.path.hasPrefix(path.description) { return false }
            }
            if let status, entry.status != status { return false }
            if let statusClass, entry.status / 100 != statusClass { return false }
            if let sinceId, entry.id <= sinceId { return false }
            if let sinceTime, entry.at < sinceTime { return false }
            return true
        }
    }

    static func render(_ entry: JournalEntry) -> JSONValue {
        [
            "id": .int(entry.id), "at": .string(Timestamp.iso8601(entry.at)),
            "receivedAt": .string(Timestamp.iso8601(entry.receivedAt)), "tenant": .string(entry.token.map(TenantLabel.of)),
            "method": .string(entry.method), "path": .string(entry.path), "query": .string(entry.query),
            "requestHeaders": headers(entry.requestHeaders),
            // Bodies longer than 64 KiB arrive cut, and so show as text.
            "requestBody": JournalSecrets.maskedBody(entry.requestBody), "status": .int(entry.status),
            "responseBody": JournalSecrets.maskedBody(entry.responseBody), "ms": .double((entry.millis * 100).rounded() / 100),
            "faultId": entry.faultId.map { .int($0) } ?? .null,
        ]
    }

    /// Repeated fields joined with ", ", as HTTP allows.
    private static func headers(_ fields: [(name: String, value: String)]) -> JSONValue {
        var object = JSONObject()
        for field in fields {
            object[field.name] = .string(object[field.name]?.stringValue.map { "\($0), \(field.value)" } ?? field.value)
        }
        return .object(object)
    }
}
