import StructuredData

/// Decodes a request body into a JSON object, whatever the client's habits: JSON, a form
/// body (`a=1&parts[cpu]=38`), or a form body sent under a JSON content type, as some PHP
/// clients do. An empty body is an empty object.
public enum RequestBody {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case malformedJSON(String)
        case notAnObject
        public var description: String {
            switch self {
            case .malformedJSON(let reason): return "The request body is not valid JSON (\(reason))."
            case .notAnObject: return "The request body must be a JSON object."
            }
        }
    }

    public static func decode(_ request: HTTPRequest) throws(Failure) -> JSONObject {
        let body = request.body
        guard let first = body.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            return JSONObject()
        }
        let contentType = request.headers["Content-Type"]?.lowercased() ?? ""
        let declaredForm = contentType.contains("x-www-form-urlencoded")
        let looksLikeJSON = first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || first == UInt8(ascii: "\"")
        // Read by its looks, not its label: `curl -d '{...}'` labels JSON as a form, and PHP
        // clients send forms labelled JSON. A declared form that is not JSON (`[]=1`) is a form.
        if !looksLikeJSON && (body.contains(UInt8(ascii: "=")) || contentType.contains("form")) {
            return FormDecoder.decode(String(decoding: body, as: UTF8.self))
        }
        do {
            let value = try JSONParser.parse(body)
            guard case .object(let object) = value else {
                if declaredForm { return FormDecoder.decode(String(decoding: body, as: UTF8.self)) }
                throw Failure.notAnObject
            }
            return object
        } catch let error as JSONParser.SyntaxError {
            if declaredForm { return FormDecoder.decode(String(decoding: body, as: UTF8.self)) }
            throw .malformedJSON(error.description)
        } catch {
            throw .notAnObject
        }
    }
}
