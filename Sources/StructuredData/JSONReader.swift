extension JSONParser {
    /// A document read piece by piece, for one too large to hold whole as a tree: the caller
    /// walks objects member by member and arrays element by element, and parses whole only
    /// the values it keeps. Lives only inside `read`, while the bytes are valid.
    public struct Reader {
        var cursor: Cursor
        var depth = 0

        /// Parses the next value whole.
        public mutating func value() throws(SyntaxError) -> JSONValue {
            cursor.skipWhitespace()
            let value = try cursor.value(depth: depth)
            cursor.skipWhitespace()
            return value
        }

        /// Walks the next value member by member if it is an object (false, reading nothing,
        /// if it is not). `member` must read each member's value, with `value()` or a walk.
        public mutating func members(_ member: (String, inout Reader) throws -> Void) throws -> Bool {
            try walk(open: "{", close: "}") { reader throws in
                guard reader.cursor.peek == UInt8(ascii: "\"") else { throw reader.cursor.error("expected a string key") }
                let key = try reader.cursor.string()
                reader.cursor.skipWhitespace()
                guard reader.cursor.peek == UInt8(ascii: ":") else { throw reader.cursor.error("expected ':'") }
                reader.cursor.index += 1
                try reader.read { try member(key, &$0) }
            }
        }

        /// Walks the next value element by element if it is an array (false, reading nothing,
        /// if it is not). `element` must read each element, with `value()` or a walk.
        public mutating func elements(_ element: (inout Reader) throws -> Void) throws -> Bool {
            try walk(open: "[", close: "]") { reader throws in try reader.read(element) }
        }

        private mutating func walk(open: Character, close: Character, _ item: (inout Reader) throws -> Void) throws -> Bool {
            cursor.skipWhitespace()
            guard cursor.peek == open.asciiValue else { return false }
            guard depth < JSONParser.maximumDepth else { throw cursor.error("nesting deeper than \(JSONParser.maximumDepth)") }
            cursor.index += 1
            cursor.skipWhitespace()
            if cursor.peek == close.asciiValue {
                cursor.index += 1
                cursor.skipWhitespace()
                return true
            }
            while true {
                cursor.skipWhitespace()
                try item(&self)
                cursor.skipWhitespace()
                switch cursor.peek {
                case UInt8(ascii: ","): cursor.index += 1
                case close.asciiValue:
                    cursor.index += 1
                    cursor.skipWhitespace()
                    return true
                default: throw cursor.error("expected ',' or '\(close)'")
                }
            }
        }

        /// Lets `body` read one nested value, and checks that it did.
        private mutating func read(_ body: (inout Reader) throws -> Void) throws {
            cursor.skipWhitespace()
            let start = cursor.index
            depth += 1
            defer { depth -= 1 }
            try body(&self)
            guard cursor.index > start else { throw cursor.error("a value was left unread") }
        }
    }

    /// Reads `bytes` through `body` (see `Reader`); what follows the value `body` reads must be
    /// whitespace only.
    public static func read<T>(_ bytes: [UInt8], _ body: (inout Reader) throws -> T) throws -> T {
        try bytes.withUnsafeBufferPointer { buffer in try read(buffer, body) }
    }

    /// Reads `buffer` (a mapped file, say) through `body`; the buffer must outlive the call.
    public static func read<T>(_ buffer: UnsafeBufferPointer<UInt8>, _ body: (inout Reader) throws -> T) throws -> T {
        var reader = Reader(cursor: Cursor(bytes: buffer))
        let result = try body(&reader)
        reader.cursor.skipWhitespace()
        guard reader.cursor.index == buffer.count else { throw reader.cursor.error("unexpected trailing characters") }
        return result
    }
}
