import APIKit
import HTTP1
import SandboxCore
import Scenarios
import StructuredData

/// `POST /_sandbox/scenarios`: applies a scenario document (README "Scenarios") at run time.
enum ScenarioRoutes {
    static func routes(loader: ScenarioLoader) -> [APIRoute] {
        [
            APIRoute(.POST, "/scenarios", "Apply a scenario document: tenants and their objects, created or kept", .long { request, _ in
                let document: JSONValue
                do { document = try JSONParser.parse(request.body) } catch {
                    throw DomainError.invalid("body", "the scenario must be a JSON document (\(error))")
                }
                return .json(try loader.apply(document))
            }),
        ]
    }
}
