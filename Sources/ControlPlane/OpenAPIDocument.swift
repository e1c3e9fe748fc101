import APIKit
import Foundation
import HTTP1
import StructuredData

/// The OpenAPI 3.1 document of every mounted service, generated from the same route tables
/// the router uses: each route's path, its input declaration (query parameters, body fields)
/// and its answers (success schemas), and each API's error schema.
enum OpenAPIDocument {
    /// The document, set once after the control service (which documents itself) exists.
    final class Holder: @unchecked Sendable {
        private let lock = NSLock()
        private var document: JSONObject = [:]

        func set(_ document: JSONValue) {
            lock.lock()
            self.document = document.objectValue ?? [:]
            lock.unlock()
        }

        /// The document with a `servers` entry for the address the client used.
        func bytes(host: String?) -> [UInt8] {
            lock.lock()
            var document = self.document
            lock.unlock()
            var servers: [JSONValue] = []
            if let host, !host.isEmpty {
                servers.append(["url": .string("http://\(host)"), "description": "This sandbox, as the request reached it"])
            }
            if host != "127.0.0.1:8080" {
                servers.append(["url": "http://127.0.0.1:8080", "description": "The sandbox's default address"])
            }
            document["servers"] = .array(servers)
            return JSONWriter.bytes(.object(document))
        }
    }

    static func build(services: [APIService], version: String) -> JSONValue {
        var paths = JSONObject()
        var operationIds: [String: String] = [:]
        for service in services {
            for route in service.routes {
                let path = convert(service.prefix + route.pattern).path
                let key = "\(route.method.rawValue) \(path)"
                var id = operationId(route.method, path: path, service: service.name)
                while operationIds.values.contains(id) { id += "_" }
                operationIds[key] = id
            }
        }
        var components = JSONObject()
        for service in services {
            for route in service.routes {
                let (path, parameters) = convert(service.prefix + route.pattern)
                var item = paths[path]?.objectValue ?? JSONObject()
                let id = operationIds["\(route.method.rawValue) \(path)"] ?? ""
                item[route.method.rawValue.lowercased()] = operation(
                    route, service: service, id: id, parameters: parameters, operationIds: operationIds, components: &components)
                paths[path] = .object(item)
            }
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "HostingSandbox", "version": .string(version),
                "description": "Local sandbox of the hosterapi.de reseller API (/api/v1), the VPS.org API (/api/v1/servers) and the sandbox control plane (/_sandbox).",
            ],
            "tags": .array(services.map { ["name": .string($0.name), "description": .string($0.documentation.description)] }),
            "paths": .object(paths),
            "components": [
                "securitySchemes": [
                    "bearerAuth": ["type": "http", "scheme": "bearer", "description": "Any token is a tenant (open mode)."],
                    "adminToken": [
                        "type": "apiKey", "in": "header", "name": "X-Sandbox-Admin-Token",
                        "description": "Needed for /_sandbox when the sandbox runs with --admin-token or listens on a non-loopback address.",
                    ],
                ],
                "schemas": .object(components),
            ],
        ]
    }

    /// `/server/{sid:int}` -> `/server/{sid}` and its declared parameters.
    static func convert(_ pattern: String) -> (path: String, parameters: [JSONValue]) {
        var parameters: [JSONValue] = []
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
            guard segment.first == "{", segment.last == "}" else { return String(segment) }
            let pieces = segment.dropFirst().dropLast().split(separator: ":", maxSplits: 1)
            let name = String(pieces[0])
            let integer = pieces.count > 1 && pieces[1] == "int"
            let schema: JSONValue = integer ? ["type": "integer", "minimum": 0, "maximum": 999_999_999_999_999_999] : ["type": "string", "minLength": 1]
            parameters.append(["name": .string(name), "in": "path", "required": true, "schema": schema])
            return "{\(name)}"
        }
        return (segments.joined(separator: "/"), parameters)
    }

    private static func operation(
        _ route: APIRoute, service: APIService, id: String, parameters: [JSONValue], operationIds: [String: String],
        components: inout JSONObject
    ) -> JSONValue {
        var responses = JSONObject()
        for answer in route.answers {
            guard case .object(var documented) = response(answer, components: &components) else { continue }
            var links = JSONObject()
            for link in answer.links {
                guard let target = operationIds["\(link.method.rawValue) \(convert(link.pattern).path)"] else { continue }
                links[link.name] = [
                    "operationId": .string(target),
                    "parameters": .object(JSONObject(link.parameters.map { ($0.0, JSONValue.string($0.1)) })),
                ]
            }
            if !links.entries.isEmpty { documented["links"] = .object(links) }
            responses[String(answer.status.code)] = .object(documented)
        }
        let html = route.answers.contains { if case .html = $0.content { return true } else { return false } }
        let error = service.errors.schema.openAPI(components: &components)
        // HTML pages answer their refusals as HTML too.
        for (code, text) in html ? [] : errorAnswers(service) {
            responses[code] = ["description": .string(text), "content": ["application/json": ["schema": error]]]
        }
        responses["default"] = [
            "description": "Any other refusal, an injected fault or an internal error",
            "content": html ? ["text/html": ["schema": ["type": "string"]]] : ["application/json": ["schema": error]],
        ]
        var object: JSONObject = [
            "tags": [.string(service.name)], "summary": .string(route.summary),
            "operationId": .string(id),
        ]
        let query = route.input.queryFields.map { field -> JSONValue in
            ["name": .string(field.name), "in": "query", "required": .bool(field.presence == .required),
             "description": .string(field.rule), "schema": field.schema.openAPI(components: &components)]
        }
        if !(parameters + query).isEmpty { object["parameters"] = .array(parameters + query) }
        let body = route.input.bodyFields
        if !body.isEmpty {
            var properties = JSONObject()
            for field in body {
                guard case .object(var schema) = field.schema.openAPI(components: &components) else { continue }
                if schema["description"] == nil { schema["description"] = .string(field.rule) }
                properties[field.name] = .object(schema)
            }
            let required = body.filter { $0.presence == .required }.map { JSONValue.string($0.name) }
            var schema: JSONObject = ["type": "object", "properties": .object(properties)]
            if !required.isEmpty { schema["required"] = .array(required) }
            let alternatives = route.input.alternatives.map { group in
                JSONValue.array(group.names.map { ["required": [.string($0)]] })
            }
            if !alternatives.isEmpty {
                schema["allOf"] = .array(alternatives.map { ["anyOf": $0] })
            }
            // Form posts with the same fields are read alike, but declared once: client
            // generators (openapi-python-client 0.29) emit broken code for two body types.
            object["requestBody"] = [
                "required": .bool(!required.isEmpty || !alternatives.isEmpty),
                "description": "JSON; a form post (application/x-www-form-urlencoded) with the same fields is read alike.",
                "content": ["application/json": ["schema": .object(schema)]],
            ]
        }
        if let document = route.input.document {
            object["requestBody"] = ["required": true, "content": ["application/json": ["schema": document.openAPI(components: &components)]]]
        }
        switch service.documentation.credentials {
        case .none: object["security"] = []
        case .bearer: object["security"] = [["bearerAuth": []]]
        case .bearerAndAdminToken: object["security"] = [["bearerAuth": []], ["bearerAuth": [], "adminToken": []]]
        }
        object["responses"] = .object(responses)
        return .object(object)
    }

    private static func response(_ answer: AnswerDocumentation, components: inout JSONObject) -> JSONValue {
        switch answer.content {
        case .json(let schema):
            return ["description": .string(answer.description), "content": ["application/json": ["schema": schema.openAPI(components: &components)]]]
        case .html:
            return ["description": .string(answer.description), "content": ["text/html": ["schema": ["type": "string"]]]]
        case .none:
            return ["description": .string(answer.description)]
        }
    }

    private static func errorAnswers(_ service: APIService) -> [(String, String)] {
        [
            ("400", "Invalid input: every invalid field is named"), ("401", "Missing or unknown token"),
            ("402", "Insufficient balance"), ("403", "Not permitted"), ("404", "Unknown object or route"),
            ("405", "Wrong method"), ("409", "Busy or in the wrong state"),
        ] + service.documentation.refusals.map { ($0.status, $0.description) }
    }

    /// `reseller_get_api_v1_job_job_id`: snake case throughout (`jobId` is `job_id`), so that
    /// generators that snake-case names again keep them as they are.
    private static func operationId(_ method: HTTPMethod, path: String, service: String) -> String {
        let words = path.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { word in
            word.reduce(into: "") { name, character in
                if character.isUppercase, !name.isEmpty { name += "_" }
                name += character.lowercased()
            }
        }
        return ([service, method.rawValue.lowercased()] + words).joined(separator: "_")
    }
}

enum OpenAPIRoutes {
    static func routes(document: OpenAPIDocument.Holder) -> [APIRoute] {
        [
            .memory(
                .GET, "/openapi.json", "OpenAPI 3.1 document of both emulated APIs and the control plane",
                answer: .prepared(.document("An OpenAPI 3.1 document (https://spec.openapis.org/oas/v3.1.0)"))
            ) { request, _, _ in
                .json(bytes: document.bytes(host: request.headers["Host"]))
            }
        ]
    }
}
