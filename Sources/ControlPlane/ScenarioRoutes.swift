import APIKit
import HTTP1
import SandboxCore
import Scenarios
import StructuredData

/// `POST /_sandbox/scenarios`: applies a scenario document (docs/scenarios.md) at run time.
enum ScenarioRoutes {
    /// The scenario format, documented in docs/scenarios.md; the loader checks every field of it and
    /// names the JSON path of whatever it refuses.
    static let scenario = Schema.document(
        "A scenario document, format version 1: version, description, and tenants with their balance, permissions, clock, vms, dedicatedServers, byodOrders, vpsorgServers, vpsorgSshKeys, vpsorgDomains and vpsorgDnsZones (docs/scenarios.md; docs/vps-org-servers.md; docs/vps-org-domains-dns.md)")

    static func routes(loader: ScenarioLoader) -> [APIRoute] {
        [
            .long(
                .POST, "/scenarios", "Apply a scenario document: tenants and their objects, created or kept",
                input: InputDeclaration(.laravel, [], document: scenario), answer: .json(ScenarioPresenter.outcome)
            ) { request, _, _ in
                let document: JSONValue
                // From the file the server wrote a large body to (`ServerConfiguration.spooledBodies`).
                do { document = try request.withBody { try JSONParser.parse($0) } } catch {
                    throw DomainError.invalid("body", "the scenario must be a JSON document (\(error))")
                }
                return try loader.apply(document)
            },
        ]
    }
}
