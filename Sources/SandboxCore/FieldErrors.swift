/// Collects every field's problem before refusing, so that one answer names all invalid
/// fields instead of one per round trip. Each API renders the result its own way: VPS.org
/// (Django REST Framework) lists `fieldErrors` per field; the reseller API shows `message`,
/// every problem joined with "; ".
public struct FieldErrors: Sendable {
    private var entries: [(field: String, messages: [String])] = []

    public init() {}

    public var isEmpty: Bool { entries.isEmpty }

    /// Whether `field` (or one of its members, `field[...]`) has a problem recorded.
    public func names(_ field: String) -> Bool {
        entries.contains { $0.field == field || $0.field.hasPrefix(field + "[") }
    }

    public mutating func add(_ field: String, _ message: String) {
        if let index = entries.firstIndex(where: { $0.field == field }) {
            entries[index].messages.append(message)
        } else {
            entries.append((field, [message]))
        }
    }

    /// Runs one field's reader, which throws its refusal as `DomainError.invalid`: the
    /// refusal is recorded and nil answered, so the next field is still read. Other errors
    /// (a missing server, a conflict) end the validation at once.
    public mutating func reading<T>(_ reader: () throws -> T?) throws -> T? {
        do {
            return try reader()
        } catch let error as DomainError where error.kind == .invalidInput {
            if error.fieldErrors.isEmpty { add("body", error.message) }
            for entry in error.fieldErrors {
                for message in entry.messages { add(entry.field, message) }
            }
            return nil
        }
    }

    /// One refusal with every recorded problem; nothing when all fields were valid.
    public func throwIfAny() throws {
        guard !entries.isEmpty else { return }
        throw DomainError(.invalidInput, summary, fieldErrors: entries)
    }

    /// Every message in field order; a message that does not mention its field (Django's
    /// "This field is required.") is prefixed with it.
    private var summary: String {
        entries.flatMap { entry in
            entry.messages.map { $0.contains(entry.field) ? $0 : "\(entry.field): \($0)" }
        }.joined(separator: "; ")
    }
}
