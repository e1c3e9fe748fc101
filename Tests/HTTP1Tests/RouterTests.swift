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

@Suite struct RouterByteTests {
    var router: Router<String> {
        var router = Router<String>()
        router.add(.GET, "/api/v1/job/{id:int}", "job")
        router.add(.GET, "/names/{name}", "name")
        router.add(.GET, "/", "root")
        return router
    }

    func parameters(_ path: Substring) -> PathParameters? {
        if case .found(_, let parameters, _) = router.match(.GET, path: path) { return parameters }
        return nil
    }

    @Test func segmentsAreFoundAcrossRepeatedSlashes() {
        #expect(parameters("//api///v1/job/7//")?.int("id") == 7)
        #expect(parameters("/")?.values.isEmpty == true)
        #expect(parameters("") != nil)
        #expect(parameters("/api/v1/job") == nil)
        #expect(parameters("/api/v1/job/7/more") == nil)
    }

    @Test func parametersAreDecodedAsFormDecoderDoes() {
        #expect(parameters("/names/a+b%2Fc")?["name"] == "a b/c")
        #expect(parameters("/names/%zz")?["name"] == "%zz")
        #expect(parameters("/names/caf%C3%A9")?["name"] == "café")
        #expect(parameters("/names/café")?["name"] == "café")
        #expect(parameters("/api/v1/job/%34%32")?.int("id") == 42)
        #expect(parameters("/api/v1/job/123456789012345678")?.int("id") == 123_456_789_012_345_678)
        #expect(parameters("/api/v1/job/1234567890123456789") == nil)
        #expect(parameters("/api/v1/job/+1") == nil)
    }

    @Test func aPathFromTheMiddleOfAString() {
        let target = "/api/v1/job/5?x=1"
        #expect(parameters(target[..<target.firstIndex(of: "?")!])?.int("id") == 5)
    }
}
