import StructuredData
import Testing

@Suite struct JSONTests {
    @Test func roundTripKeepsKeyOrderAndValues() throws {
        let value: JSONValue = [
            "z": 1, "a": [true, false, nil], "s": "line\n\"quoted\" \u{1} é", "d": 1.5, "big": .int(Int64.max),
            "nested": ["x": ["y": "z"]],
        ]
        let text = JSONWriter.string(value)
        #expect(text.hasPrefix("{\"z\":1,\"a\":[true,false,null]"))
        #expect(try JSONParser.parse(text) == value)
    }

    @Test func parsesEscapesAndNumbers() throws {
        #expect(try JSONParser.parse("\"\\u00e9\\ud83d\\ude00\\n\"") == "é😀\n")
        #expect(try JSONParser.parse("-0.5e2") == .double(-50))
        #expect(try JSONParser.parse(" 12 ") == 12)
    }

    @Test func malformedInputsThrow() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "tru", "\"\\x\"", "\"\\ud800\"", "[1] 2", "{a:1}", "\"\u{1}\"", "NaN"] {
            #expect(throws: JSONParser.SyntaxError.self, "\(text)") { try JSONParser.parse(text) }
        }
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
    }

    @Test func depthLimit() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(deep) }
        let ok = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(try JSONParser.parse(ok).arrayValue != nil)
    }
}

@Suite struct HostileBodyTests {
    @Test func deeplyNestedFormNamesAreIgnoredNotRecursed() {
        let deep = "a" + String(repeating: "[x]", count: 200_000) + "=1&ok=2"
        let decoded = FormDecoder.decode(deep)
        #expect(decoded["a"] == nil)
        #expect(decoded["ok"] == "2")
        let allowed = "a" + String(repeating: "[x]", count: FormDecoder.maximumDepth - 1) + "=1"
        #expect(FormDecoder.decode(allowed)["a"] != nil)
    }

    @Test func formFieldsPastPHPsLimitAreIgnored() {
        let body = (0..<5_000).map { "tags[]=\($0)" }.joined(separator: "&")
        #expect(FormDecoder.decode(body)["tags"]?.arrayValue?.count == FormDecoder.maximumFields)
    }

    /// Quadratic object building would take minutes here.
    @Test func aHundredThousandKeysParse() throws {
        let body = "{" + (0..<100_000).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + ",\"k5\":\"last wins\"}"
        let object = try #require(try JSONParser.parse(body).objectValue)
        #expect(object.entries.count == 100_000)
        #expect(object["k5"] == "last wins")
        #expect(object.keys[5] == "k5", "a duplicate keeps its first position")
    }
}
