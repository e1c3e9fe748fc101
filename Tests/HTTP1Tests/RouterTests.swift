import Testing
@testable import HTTP1

@Suite struct RouterTests {
    var router: Router<String> {
        var router = Router<String>()
        router.add(.GET, "/servers", "list")
        router.add(.POST, "/servers", "create")
        router.add(.GET, "/servers/{id:int}/status", "status")
        router.add(.GET, "/names/{name}", "name")
        return router
    }

    func handler(_ method: HTTPMethod, _ path: Substring) -> String? {
        if case .found(let handler, _, _) = router.match(method, path: path) { return handler }
        return nil
    }

    @Test func notFoundVersusMethodNotAllowed() {
        if case .notFound = router.match(.GET, path: "/nothing") {} else { Issue.record("expected 404") }
        guard case .methodNotAllowed(let allowed) = router.match(.DELETE, path: "/servers") else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed == [.GET, .POST])
    }

    @Test func trailingSlashAndHead() {
        #expect(handler(.GET, "/servers/") == "list")
        #expect(handler(.HEAD, "/servers") == "list")
        #expect(handler(.POST, "/servers") == "create")
    }

    @Test func integerParameters() throws {
        guard case .found(_, let parameters, let pattern) = router.match(.GET, path: "/servers/42/status") else {
            Issue.record("expected a match")
            return
        }
        #expect(parameters.int("id") == 42)
        #expect(pattern == "/servers/{id:int}/status")
        #expect(handler(.GET, "/servers/abc/status") == nil)
        #expect(handler(.GET, "/servers/-1/status") == nil)
        guard case .found(_, let named, _) = router.match(.GET, path: "/names/a%20b") else {
            Issue.record("expected a match")
            return
        }
        #expect(named["name"] == "a b")
    }
}
