import SandboxCore
import StructuredData

extension Schema {
    /// Where `value` departs from this shape, one line per problem (`$.result.id: …`); empty
    /// when it conforms. Tests run real answers through this.
    public func problems(in value: JSONValue, at path: String = "$") -> [String] {
        switch self {
        case .string(let minLength, let maxLength, _, let format):
            guard case .string(let text) = value else { return ["\(path): expected a string, got \(value)"] }
            if let minLength, text.count < minLength { return ["\(path): shorter than \(minLength)"] }
            if let maxLength, text.count > maxLength { return ["\(path): longer than \(maxLength)"] }
            if let format, !StringFormat.accepts(text, format) { return ["\(path): \(text) is not in the format \(format)"] }
            return []
        case .choice(let values):
            guard case .string(let text) = value, values.contains(text) else {
                return ["\(path): expected one of \(values), got \(value)"]
            }
            return []
        case .integer(let minimum, let maximum):
            guard case .int(let number) = value else { return ["\(path): expected an integer, got \(value)"] }
            if let minimum, number < minimum { return ["\(path): \(number) below \(minimum)"] }
            if let maximum, number > maximum { return ["\(path): \(number) above \(maximum)"] }
            return []
        case .integerChoice(let values):
            guard case .int(let number) = value, values.contains(number) else {
                return ["\(path): expected one of \(values), got \(value)"]
            }
            return []
        case .number(let minimum, let maximum, let above):
            guard let number = value.doubleValue else { return ["\(path): expected a number, got \(value)"] }
            if let minimum, number < minimum { return ["\(path): \(number) below \(minimum)"] }
            if let above, number <= above { return ["\(path): \(number) not above \(above)"] }
            if let maximum, number > maximum { return ["\(path): \(number) above \(maximum)"] }
            return []
        case .boolean:
            return value.boolValue == nil ? ["\(path): expected a boolean, got \(value)"] : []
        case .object(let properties):
            guard case .object(let object) = value else { return ["\(path): expected an object, got \(value)"] }
            var found: [String] = []
            for property in properties {
                if let member = object[property.name] {
                    found += property.schema.problems(in: member, at: "\(path).\(property.name)")
                } else if property.required {
                    found.append("\(path).\(property.name): missing")
                }
            }
            for (key, _) in object.entries where !properties.contains(where: { $0.name == key }) {
                found.append("\(path).\(key): not declared")
            }
            return found
        case .map(let values):
            guard case .object(let object) = value else { return ["\(path): expected an object, got \(value)"] }
            return object.entries.flatMap { values.problems(in: $0.value, at: "\(path).\($0.key)") }
        case .array(let items):
            guard case .array(let array) = value else { return ["\(path): expected an array, got \(value)"] }
            return array.enumerated().flatMap { items.problems(in: $0.element, at: "\(path)[\($0.offset)]") }
        case .nullable(let inner):
            return value == .null ? [] : inner.problems(in: value, at: path)
        case .oneOf(let shapes):
            let matching = shapes.filter { $0.problems(in: value, at: path).isEmpty }.count
            if matching == 1 { return [] }
            return ["\(path): matches \(matching) of \(shapes.count) shapes: \(value)"]
        case .document:
            return value.objectValue == nil ? ["\(path): expected an object, got \(value)"] : []
        case .any:
            return []
        case .constant(let expected):
            return value == expected ? [] : ["\(path): expected \(expected), got \(value)"]
        case .named(_, let inner), .described(_, let inner, _):
            return inner.problems(in: value, at: path)
        }
    }
}

/// The string formats answers declare, checked as strictly as schemathesis checks them, with
/// the project's own readers.
enum StringFormat {
    static func accepts(_ text: String, _ format: String) -> Bool {
        switch format {
        case "ipv4": return IPAddress.isIPv4(text)
        case "ipv6": return IPAddress.isIPv6(text)
        case "date-time": return isDateTime(text)
        case "uri": return text.contains("://") && !text.contains(" ")
        default: return true
        }
    }

    /// RFC 3339: what `Timestamp.parseISO8601` reads, with a `T` and a zone (`Z` or an offset).
    private static func isDateTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count > 19, bytes[10] == UInt8(ascii: "T") else { return false }
        let zoned = bytes.last == UInt8(ascii: "Z") || [UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[bytes.count - 6])
        return zoned && Timestamp.parseISO8601(text) != nil
    }
}
