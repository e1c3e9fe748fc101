import APIKit
import HTTP1
import StructuredData

/// Checks every answer a test receives against what its route declares: a success answer
/// against its schema, a refusal against its API's error schema. Declarations therefore
/// cannot drift from what the handlers write while the suite passes.
struct ContractCheck: Sendable {
    private let services: [(service: APIService, routes: Router<APIRoute>)]

    init(services: [APIService]) {
        self.services = services.map { service in
            var routes = Router<APIRoute>()
            for route in service.routes { routes.add(route.method, service.prefix + route.pattern, route) }
            return (service, routes)
        }
    }

    /// What is wrong with `response` to `method path`; empty when it conforms or nothing is declared.
    func problems(_ method: HTTPMethod, _ target: String, _ response: TestResponse) -> [String] {
        // A HEAD answer is its GET's without the body.
        guard method != .HEAD else { return [] }
        let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
        guard let (service, routes) = services.first(where: { $0.service.owns(Substring(path)) }),
            case .found(let route, _, _) = routes.match(method, path: Substring(path)),
            !route.answers.isEmpty
        else { return [] }
        let label = "\(method) \(target) → \(response.status)"
        if let answer = route.answers.first(where: { $0.status.code == response.status }) {
            switch answer.content {
            case .json(let schema):
                guard let value = try? JSONParser.parse(response.body) else { return ["\(label): body is not JSON"] }
                return schema.problems(in: value).map { "\(label): \($0)" }
            case .none:
                return response.body.isEmpty ? [] : ["\(label): a body where none is declared"]
            case .html:
                return []
            }
        }
        if (200..<300).contains(response.status) { return ["\(label): success status not declared"] }
        if (400..<600).contains(response.status), response.headers["Content-Type"] == "application/json",
            let value = try? JSONParser.parse(response.body)
        {
            return service.errors.schema.problems(in: value).map { "\(label): \($0)" }
        }
        return []
    }
}
