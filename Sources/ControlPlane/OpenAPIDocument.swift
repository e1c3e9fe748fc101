import APIKit
import Foundation
import HTTP1
import StructuredData

/// The OpenAPI 3.1 document of every mounted service, generated from the same route tables
/// the router uses, so a route cannot exist without its entry. Shapes vary per endpoint, so
/// schemas are deliberately permissive: any JSON on success, the API's error object on 4xx.
enum OpenAPIDocument {
    /// The document's bytes, set once after the control service (which documents itself) exists.
    final class Holder: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes: [UInt8] = []

        func set(_ document: JSONValue) {
            lock.lock()
            bytes = JSONWriter.bytes(document)
            lock.unlock()
        }

        var current: [UInt8] {
            lock.lock()
            defer { lock.unlock() }
            return bytes
        }
    }

    static func build(services: [APIService], version: String) -> JSONValue {
        var paths = JSONObject()
        var operationIds = Set<String>()
        for service in services {
            for route in service.routes {
                let (path, parameters) = convert(service.prefix + route.pattern)
                var item = paths[path]?.objectValue ?? JSONObject()
                var id = operationId(route.method, path: path, service: service.name)
                while operationIds.contains(id) { id += "_" }
                operationIds.insert(id)
                item[route.method.rawValue.lowercased()] = operation(route, service: service, id: id, parameters: parameters)
                paths[path] = .object(item)
            }
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "HostingSandbox", "version": .string(version),
                "description": "Local sandbox of the hosterapi.de reseller API (/api/v1), the VPS.org API (/api/v1/servers) and the sandbox control plane (/_sandbox).",
            ],
            "tags": .array(services.map { ["name": .string($0.name), "description": .string(tagDescription($0))] }),
            "paths": .object(paths),
            "components": [
                "securitySchemes": [
                    "bearerAuth": ["type": "http", "scheme": "bearer", "description": "Any token is a tenant (open mode)."],
                    "adminToken": [
                        "type": "apiKey", "in": "header", "name": "X-Sandbox-Admin-Token",
                        "description": "Needed for /_sandbox when the sandbox runs with --admin-token or listens on a non-loopback address.",
                    ],
                ],
                "schemas": [
                    "AnyValue": [:],
                    "ResellerError": ["type": "object", "properties": ["error": ["type": "string"]]],
                    "VPSOrgError": ["type": "object", "properties": ["detail": ["type": "string"]]],
                    "ControlError": ["type": "object", "properties": ["error": ["type": "string"], "field": ["type": "string"]]],
                ],
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

    private static func operation(_ route: APIRoute, service: APIService, id: String, parameters: [JSONValue]) -> JSONValue {
        let html = service.name == "console" || route.summary.hasPrefix("HTML")
        var responses: JSONObject = [
            "200": ["description": "Success", "content": html ? ["text/html": ["schema": ["type": "string"]]] : ["application/json": ["schema": ["$ref": "#/components/schemas/AnyValue"]]]],
        ]
        if route.method == .POST { responses["201"] = ["description": "Created", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/AnyValue"]]]] }
        if route.method == .DELETE { responses["204"] = ["description": "Deleted, no content"] }
        let error: JSONValue = ["$ref": .string("#/components/schemas/\(errorSchema(service))")]
        // HTML pages answer their refusals as HTML too.
        for (code, text) in html ? [] : [("400", "Invalid input"), ("401", "Missing or unknown token"), ("402", "Insufficient balance"), ("403", "Not permitted"), ("404", "Unknown object or route"), ("405", "Wrong method"), ("409", "Busy or in the wrong state")] {
            responses[code] = ["description": .string(text), "content": ["application/json": ["schema": error]]]
        }
        var anyContent: JSONObject = ["application/json": ["schema": ["$ref": "#/components/schemas/AnyValue"]]]
        if html { anyContent["text/html"] = ["schema": ["type": "string"]] }
        responses["default"] = ["description": "Any other answer (including injected faults)", "content": .object(anyContent)]
        var object: JSONObject = [
            "tags": [.string(service.name)], "summary": .string(route.summary),
            "operationId": .string(id),
        ]
        if !parameters.isEmpty { object["parameters"] = .array(parameters) }
        if route.method == .POST || route.method == .PUT || route.method == .PATCH {
            object["requestBody"] = [
                "required": false,
                "content": ["application/json": ["schema": ["type": "object"]]],
            ]
        }
        object["security"] = service.name == "console" ? [] : (service.name == "control" ? [["bearerAuth": []], ["bearerAuth": [], "adminToken": []]] : [["bearerAuth": []]])
        object["responses"] = .object(responses)
        return .object(object)
    }

    private static func errorSchema(_ service: APIService) -> String {
        switch service.name {
        case "vpsorg": return "VPSOrgError"
        case "control": return "ControlError"
        default: return "ResellerError"
        }
    }

    private static func tagDescription(_ service: APIService) -> String {
        switch service.name {
        case "reseller": return "hosterapi.de reseller API"
        case "vpsorg": return "VPS.org server API"
        case "control": return "Sandbox control plane"
        case "console": return "noVNC console stand-in pages"
        default: return service.name
        }
    }

    private static func operationId(_ method: HTTPMethod, path: String, service: String) -> String {
        let words = path.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        return ([service, method.rawValue.lowercased()] + words).joined(separator: "_")
    }
}

enum OpenAPIRoutes {
    static func routes(document: OpenAPIDocument.Holder) -> [APIRoute] {
        [
            APIRoute(.GET, "/openapi.json", "OpenAPI 3.1 document of both emulated APIs and the control plane", .memory { _, _ in
                .json(bytes: document.current)
            })
        ]
    }
}
