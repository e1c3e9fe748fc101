import StructuredData

extension Schema {
    /// Where `value` departs from this shape, one line per problem (`$.result.id: …`); empty
    /// when it conforms. Tests run real answers through this.
    public func problems(in value: JSONValue, at path: String = "$") -> [String] {
        switch self {
        case .string(let minLength, let maxLength, _, _):
            guard case .string(let text) = value else { return ["\(path): expected a string, got \(value)"] }
            if let minLength, text.count < minLength { return ["\(path): shorter than \(minLength)"] }
            if let maxLength, text.count > maxLength { return ["\(path): longer than \(maxLength)"] }
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
        case .number(let minimum, let maximum):
            guard let number = value.doubleValue else { return ["\(path): expected a number, got \(value)"] }
            if let minimum, number < minimum { return ["\(path): \(number) below \(minimum)"] }
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
