import APIKit
import SandboxCore
import StructuredData

/// Journal entries as `GET /requests` lists them, secrets masked (see `JournalSecrets`).
enum JournalPresenter {
    /// A recorded body: JSON as JSON, anything else (forms, text, bodies cut at 64 KiB) as
    /// text, none as null.
    private static let body = Schema.any.described("JSON as sent; other bodies, and bodies cut at 64 KiB, as text; null when empty")

    static let entry = Presenter<JournalEntry>.object(
        "SandboxJournalEntry",
        [
            .int("id", .id) { $0.id },
            .string("at", Schema.dateTime.described("The tenant's sandbox time")) { Timestamp.iso8601($0.at) },
            .string("receivedAt", Schema.dateTime.described("Real (wall-clock) time")) { Timestamp.iso8601($0.receivedAt) },
            PresentedProperty("tenant", Schema.text.orNull.described("The tenant's label (see TenantLabel)")) {
                .string($0.token.map(TenantLabel.of))
            },
            .string("method") { $0.method }, .string("path") { $0.path }, .string("query") { $0.query },
            PresentedProperty("requestHeaders", .map(.text)) { headers($0.requestHeaders) },
            PresentedProperty("requestBody", body) { JournalSecrets.maskedBody($0.requestBody) },
            .int("status", .integer(minimum: 100, maximum: 599)) { $0.status },
            PresentedProperty("responseBody", body) { JournalSecrets.maskedBody($0.responseBody) },
            PresentedProperty("ms", .number(minimum: 0)) { .double(($0.millis * 100).rounded() / 100) },
            PresentedProperty("faultId", Schema.id.orNull.described("The fault rule that answered, if one did")) {
                $0.faultId.map { .int(Int64($0)) } ?? .null
            },
        ])

    static let list = Presenter<[JournalEntry]>.object([.nested("requests", entry.list) { $0 }])

    /// Repeated fields joined with ", ", as HTTP allows.
    private static func headers(_ fields: [(name: String, value: String)]) -> JSONValue {
        var object = JSONObject()
        for field in fields {
            object[field.name] = .string(object[field.name]?.stringValue.map { "\($0), \(field.value)" } ?? field.value)
        }
        return .object(object)
    }
}
