import StructuredData

extension Schema {
    /// The JSON Schema (OpenAPI 3.1 dialect) of this shape. Named shapes are written into
    /// `components` once and referred to by `$ref`.
    public func openAPI(components: inout JSONObject) -> JSONValue {
        switch self {
        case .string(let minLength, let maxLength, let pattern, let format):
            var object: JSONObject = ["type": "string"]
            if let minLength { object["minLength"] = .int(Int64(minLength)) }
            if let maxLength { object["maxLength"] = .int(Int64(maxLength)) }
            if let pattern { object["pattern"] = .string(pattern) }
            if let format { object["format"] = .string(format) }
            return .object(object)
        case .choice(let values):
            return ["type": "string", "enum": .array(values.map { .string($0) })]
        case .integer(let minimum, let maximum):
            var object: JSONObject = ["type": "integer"]
            if let minimum { object["minimum"] = .int(minimum) }
            if let maximum { object["maximum"] = .int(maximum) }
            return .object(object)
        case .integerChoice(let values):
            return ["type": "integer", "enum": .array(values.map { .int($0) })]
        case .number(let minimum, let maximum, let above):
            var object: JSONObject = ["type": "number"]
            if let minimum { object["minimum"] = .double(minimum) }
            if let above { object["exclusiveMinimum"] = .double(above) }
            if let maximum { object["maximum"] = .double(maximum) }
            return .object(object)
        case .boolean:
            return ["type": "boolean"]
        case .object(let properties):
            var members = JSONObject()
            for property in properties { members[property.name] = property.schema.openAPI(components: &components) }
            let required = properties.filter(\.required).map { JSONValue.string($0.name) }
            var object: JSONObject = ["type": "object", "properties": .object(members)]
            if !required.isEmpty { object["required"] = .array(required) }
            object["additionalProperties"] = false
            return .object(object)
        case .map(let values):
            return ["type": "object", "additionalProperties": values.openAPI(components: &components)]
        case .array(let items):
            return ["type": "array", "items": items.openAPI(components: &components)]
        case .nullable(let inner):
            return ["oneOf": [inner.openAPI(components: &components), ["type": "null"]]]
        case .oneOf(let shapes):
            return ["oneOf": .array(shapes.map { $0.openAPI(components: &components) })]
        case .constant(let value):
            return ["const": value]
        case .document(let text):
            return ["type": "object", "description": .string(text)]
        case .any:
            return ["description": "Any JSON value"]
        case .named(let name, let inner):
            if components[name] == nil {
                components[name] = [:]  // a placeholder first, so a shape may contain itself
                components[name] = inner.openAPI(components: &components)
            }
            return ["$ref": .string("#/components/schemas/\(name)")]
        case .described(let text, let inner, let example):
            guard case .object(var object) = inner.openAPI(components: &components) else { return .null }
            object["description"] = .string(text)
            if let example { object["examples"] = [example] }
            return .object(object)
        }
    }
}
