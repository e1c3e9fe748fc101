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

    @Test func integersAtTheEdgesOfInt64() throws {
        #expect(try JSONParser.parse("9223372036854775807") == .int(Int64.max))
        #expect(try JSONParser.parse("-9223372036854775808") == .int(Int64.min))
        #expect(try JSONParser.parse("9223372036854775808") == .double(9223372036854775808))
        #expect(try JSONParser.parse("-0") == .int(0))
        #expect(try JSONParser.parse("[0,-7,120]") == [0, -7, 120])
    }

    /// The writer makes integers' digits itself, without `String`.
    @Test func integersAreWrittenAtEveryWidth() {
        let numbers: [JSONValue] = [0, 7, -7, 9, 10, -10, 99, 100, 120, .int(Int64.max), .int(Int64.min), .double(-40)]
        #expect(JSONWriter.string(.array(numbers)) == "[0,7,-7,9,10,-10,99,100,120,9223372036854775807,-9223372036854775808,-40.0]")
    }

    /// Strings are looked through eight bytes at a time: an escape is found at every offset,
    /// beside multi-byte characters, and the bytes around it are kept.
    @Test func everyEscapeIsFoundAtEveryOffset() throws {
        let escapes: [(Character, String)] = [
            ("\"", #"\""#), ("\\", #"\\"#), ("\n", #"\n"#), ("\r", #"\r"#), ("\t", #"\t"#), ("\u{01}", #"\u0001"#),
            ("\u{1F}", #"\u001f"#), ("\u{7F}", "\u{7F}"), (" ", " "), ("é", "é"),
        ]
        for (character, escaped) in escapes {
            for offset in 0..<18 {
                let head = String(repeating: "a", count: offset)
                let tail = "ü€" + String(repeating: "z", count: 17 - offset)
                let text = head + String(character) + tail
                #expect(JSONWriter.string(.string(text)) == "\"" + head + escaped + tail + "\"")
                #expect(try JSONParser.parse(JSONWriter.bytes(.string(text))) == .string(text))
            }
        }
        #expect(JSONWriter.string("") == #""""#)
    }

    /// Found by fuzz/targets/JSONFuzz: 1e400 read as infinity, which the writer writes as null.
    @Test func numbersBeyondDoubleAreRefused() {
        // do/catch rather than #expect(throws:)'s returned error, which needs Swift 6.1.
        do {
            _ = try JSONParser.parse("[0.1,1e400]")
            Issue.record("1e400 was accepted")
        } catch let error as JSONParser.SyntaxError {
            #expect(error.reason == "number out of range")
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse("-1e99999") }
    }

    @Test func stringsWithAndWithoutEscapes() throws {
        #expect(try JSONParser.parse(#""plain""#) == "plain")
        #expect(try JSONParser.parse(#""ab\"cd\u0041""#) == "ab\"cdA")
        #expect(try JSONParser.parse(#""""#) == "")
        #expect(try JSONParser.parse("\"héllo 😀\"") == "héllo 😀")
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0x61, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0x5C, 0x6E, 0xC3, 0x28, 0x22]) }
        // do/catch rather than the error #expect(throws:) returns: that needs Swift 6.1.
        do {
            _ = try JSONParser.parse("\"ab\u{9}\"")
            Issue.record("a raw tab inside a string was accepted")
        } catch {
            #expect(error.reason == "control character in string")
        }
    }

    @Test func duplicateKeysInSmallAndLargeObjects() throws {
        let small = try #require(try JSONParser.parse(#"{"a":1,"b":2,"a":3}"#).objectValue)
        #expect(small.keys == ["a", "b"])
        #expect(small["a"] == 3)
        let keys = (0..<20).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        let large = try #require(try JSONParser.parse("{\(keys),\"k3\":\"again\",\"k19\":\"last\"}").objectValue)
        #expect(large.entries.count == 20)
        #expect(large["k3"] == "again")
        #expect(large["k19"] == "last")
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
        let holdingAValue = String(repeating: "[", count: JSONParser.maximumDepth) + "1" + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(try JSONParser.parse(holdingAValue).arrayValue != nil)
        let tooDeep = "[" + ok + "]"
        do {
            _ = try JSONParser.parse(tooDeep)
            Issue.record("nesting deeper than 64 was accepted")
        } catch let error as JSONParser.SyntaxError {
            #expect(error.reason == "nesting deeper than 64")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite struct HostileBodyTests {
    @Test func deeplyNestedFormNamesAreIgnoredNotRecursed() throws {
        let deep = "a" + String(repeating: "[x]", count: 200_000) + "=1&ok=2"
        let decoded = FormDecoder.decode(deep)
        #expect(decoded["a"] == nil)
        #expect(decoded["ok"] == "2")
        let allowed = "a" + String(repeating: "[x]", count: FormDecoder.maximumDepth - 1) + "=1"
        #expect(FormDecoder.decode(allowed)["a"] != nil)
        // The deepest form the decoder keeps survives JSON (found by fuzz/targets/FormFuzz).
        let value = JSONValue.object(FormDecoder.decode(allowed))
        #expect(try JSONParser.parse(JSONWriter.bytes(value)) == value)
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
