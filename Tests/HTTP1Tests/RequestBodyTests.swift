import StructuredData
import Testing
@testable import HTTP1

@Suite struct RequestBodyTests {
    func post(_ body: String, contentType: String? = nil) -> HTTPRequest {
        var headers = HTTPHeaders()
        if let contentType { headers.add("Content-Type", contentType) }
        return HTTPRequest(method: .POST, target: "/", headers: headers, body: Array(body.utf8))
    }

    @Test func bracketKeysInForms() throws {
        let object = try RequestBody.decode(post("parts[cpu]=38&parts[ram]=29&tags[]=a&tags[]=b&name=x+y",
                                                 contentType: "application/x-www-form-urlencoded"))
        #expect(object["parts"] == ["cpu": "38", "ram": "29"])
        #expect(object["tags"] == ["a", "b"])
        #expect(object["name"] == "x y")
    }

    @Test func aDeclaredFormIsAFormWhateverItStartsWith() throws {
        let fields = try RequestBody.decode(post("[]=1&[x]=2&name=a", contentType: "application/x-www-form-urlencoded"))
        #expect(fields["name"] == "a")
    }

    @Test func absoluteFormTargetsAreServedByTheirPath() {
        let request = HTTPRequest(method: .GET, target: "http://sandbox.test:8080/api/v1/job/7?x=1")
        #expect(request.path == "/api/v1/job/7")
        #expect(request.query("x") == "1")
        #expect(HTTPRequest(method: .GET, target: "http://sandbox.test").path == "/")
        #expect(HTTPRequest(method: .GET, target: "/plain/path?q").path == "/plain/path")
    }

    @Test func formBodyUnderJSONContentType() throws {
        let object = try RequestBody.decode(post("a=1&b[c]=2", contentType: "application/json"))
        #expect(object["a"] == "1")
        #expect(object["b"] == ["c": "2"])
    }

    @Test func jsonAndEmptyBodies() throws {
        #expect(try RequestBody.decode(post("{\"a\": 1}", contentType: "application/json"))["a"] == 1)
        #expect(try RequestBody.decode(post("")).isEmpty)
        #expect(try RequestBody.decode(post("  \r\n")).isEmpty)
    }

    @Test func malformedBodies() {
        #expect(throws: RequestBody.Failure.notAnObject) { try RequestBody.decode(post("[1]")) }
        #expect(throws: RequestBody.Failure.self) { try RequestBody.decode(post("{\"a\": }")) }
    }
}
