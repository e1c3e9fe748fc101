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
