import StructuredData
import Testing

/// `JSONParser.Reader` walks a document piece by piece; what it reads must be what `parse` reads.
@Suite struct JSONReaderTests {
    @Test func walkingMembersAndElementsSeesWhatParseSees() throws {
        let text = Array(#" { "head": {"a": [1, 2]}, "rows": [ {"x": 1}, {"x": "two"}, [] ], "empty": [], "none": {} } "#.utf8)
        var seen: [String: JSONValue] = [:]
        var rows: [JSONValue] = []
        try JSONParser.read(text) { reader in
            let isObject = try reader.members { key, reader in
                if key == "rows" {
                    #expect(try reader.elements { rows.append(try $0.value()) })
                } else {
                    seen[key] = try reader.value()
                }
            }
            #expect(isObject)
        }
        let whole = try JSONParser.parse(text)
        #expect(seen["head"] == whole["head"])
        #expect(seen["empty"] == [] && seen["none"] == .object([:]))
        #expect(JSONValue.array(rows) == whole["rows"])
    }

    @Test func aWalkOfTheWrongKindReadsNothing() throws {
        let value = try JSONParser.read(Array("[1]".utf8)) { reader in
            #expect(try reader.members { _, _ in } == false)
            return try reader.value()
        }
        #expect(value == [1])
    }

    @Test func brokenDocumentsAndUnreadValuesAreErrors() {
        #expect(throws: JSONParser.SyntaxError.self) {
            try JSONParser.read(Array(#"{"a": 1} x"#.utf8)) { reader in _ = try reader.value() }
        }
        #expect(throws: JSONParser.SyntaxError.self) {
            try JSONParser.read(Array(#"{"a": 1 "b": 2}"#.utf8)) { reader in _ = try reader.members { _, reader in _ = try reader.value() } }
        }
        #expect(throws: JSONParser.SyntaxError.self) {
            try JSONParser.read(Array(#"{"a": 1}"#.utf8)) { reader in _ = try reader.members { _, _ in } }
        }
        let deep = Array((String(repeating: "[", count: 100) + String(repeating: "]", count: 100)).utf8)
        #expect(throws: JSONParser.SyntaxError.self) {
            try JSONParser.read(deep) { reader in
                func descend(_ reader: inout JSONParser.Reader) throws { _ = try reader.elements { try descend(&$0) } }
                try descend(&reader)
            }
        }
    }
}
