import APIKit
import HTTP1
import Testing

@Suite struct BearerTokenTests {
    func token(_ authorization: String?) -> String? {
        var request = HTTPRequest(method: .GET, target: "/")
        if let authorization { request.headers.add("Authorization", authorization) }
        return request.bearerToken
    }

    @Test func theSchemeInAnyCaseThenTheTokenTrimmed() {
        #expect(token("Bearer abc") == "abc")
        #expect(token("bEARER abc") == "abc")
        #expect(token("  Bearer   abc \t") == "abc")
        #expect(token("Bearer a b") == "a b")
        #expect(token("Bearer a-very-long-token-that-is-not-a-small-string") == "a-very-long-token-that-is-not-a-small-string")
    }

    @Test func missingOrMalformedIsNil() {
        #expect(token(nil) == nil)
        #expect(token("") == nil)
        #expect(token("   ") == nil)
        #expect(token("Bearer") == nil)
        #expect(token("Bearer   ") == nil)
        #expect(token("Basic abc") == nil)
        #expect(token("Bearerx abc") == nil)
        #expect(token("Bearer\tabc") == nil)
    }
}
