/// A strict RFC 8259 parser with a nesting limit, so hostile bodies cannot exhaust the stack.
public enum JSONParser {
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public let offset: Int
        public let reason: String
        public var description: String { "invalid JSON at byte \(offset): \(reason)" }
    }

    public static let maximumDepth = 64

    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer(parsed(_:)).get()
    }

    /// Reads the string's own UTF-8 storage: stored JSON (job outputs, address lists) is
    /// parsed on hot read paths, and copying it into an array first cost an allocation.
    public static func parse(_ text: String) throws(SyntaxError) -> JSONValue {
        var text = text
        return try text.withUTF8(parsed(_:)).get()
    }

    /// The outcome as a value: typed throws do not pass through `withUnsafeBufferPointer` and
    /// `withUTF8` before Swift 6.1's standard library, and 6.0 is supported.
    private static func parsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, SyntaxError> {
        Result { () throws(SyntaxError) in try parse(bytes) }
    }

    /// Parses `bytes` (a mapped file, say), valid for the call.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> JSONValue {
        var cursor = Cursor(bytes: bytes)
        cursor.skipWhitespace()
        let value = try cursor.value(depth: 0)
        cursor.skipWhitespace()
        guard cursor.index == bytes.count else { throw cursor.error("unexpected trailing characters") }
        return value
    }

    /// Only lives inside `parse` (or `read`), while the buffer it reads is valid.
    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        func error(_ reason: String) -> SyntaxError { SyntaxError(offset: index, reason: reason) }

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        mutating func expect(_ literal: String, _ value: JSONValue) throws(SyntaxError) -> JSONValue {
            for byte in literal.utf8 {
                guard peek == byte else { throw error("invalid literal") }
                index += 1
            }
            return value
        }

        mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
            guard let byte = peek else { throw error("unexpected end of input") }
            // Only containers count: 64 nested objects may hold a string (a form name of 64
            // parts decodes to that; found by fuzz/targets/FormFuzz).
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "["), depth >= JSONParser.maximumDepth {
                throw error("nesting deeper than \(JSONParser.maximumDepth)")
            }
            switch byte {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try expect("true", .bool(true))
            case UInt8(ascii: "f"): return try expect("false", .bool(false))
            case UInt8(ascii: "n"): return try expect("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw error("unexpected character")
            }
        }

        mutating func object(depth: Int) throws(SyntaxError) -> JSONValue {
            index += 1
            // A later duplicate key replaces the earlier value in place (as in JavaScript).
            // Objects are small, so duplicates are found by a linear search; an index by key
            // is built only for large ones, so hostile bodies stay linear.
            var entries: [(key: String, value: JSONValue)] = []
            var positions: [String: Int]?
            skipWhitespace()
            if peek == UInt8(ascii: "}") { index += 1; return .object(JSONObject()) }
            while true {
                skipWhitespace()
                guard peek == UInt8(ascii: "\"") else { throw error("expected a string key") }
                let key = try string()
                skipWhitespace()
                guard peek == UInt8(ascii: ":") else { throw error("expected ':'") }
                index += 1
                skipWhitespace()
                let item = try value(depth: depth + 1)
                if positions == nil && entries.count >= Self.linearSearchLimit {
                    positions = Dictionary(
                        entries.enumerated().map { ($0.element.key, $0.offset) }, uniquingKeysWith: { first, _ in first })
                }
                let existing = positions.map { $0[key] } ?? entries.firstIndex(where: { $0.key == key })
                if let position = existing {
                    entries[position].value = item
                } else {
                    positions?[key] = entries.count
                    entries.append((key: key, value: item))
                }
                skipWhitespace()
                switch peek {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"): index += 1; return .object(JSONObject(entries: entries))
                default: throw error("expected ',' or '}'")
                }
            }
        }

        static let linearSearchLimit = 16

        mutating func array(depth: Int) throws(SyntaxError) -> JSONValue {
            index += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if peek == UInt8(ascii: "]") { index += 1; return .array(items) }
            while true {
                skipWhitespace()
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                switch peek {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"): index += 1; return .array(items)
                default: throw error("expected ',' or ']'")
                }
            }
        }

        mutating func number() throws(SyntaxError) -> JSONValue {
            let start = index
            var isInteger = true
            if peek == UInt8(ascii: "-") { index += 1 }
            guard let first = peek, first >= 48 && first <= 57 else { throw error("expected a digit") }
            if first == 48 { index += 1 } else { skipDigits() }
            if peek == UInt8(ascii: ".") {
                isInteger = false
                index += 1
                guard let digit = peek, digit >= 48 && digit <= 57 else { throw error("expected a digit") }
                skipDigits()
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                isInteger = false
                index += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
                guard let digit = peek, digit >= 48 && digit <= 57 else { throw error("expected a digit") }
                skipDigits()
            }
            if isInteger, let integer = bytes[start..<index].decimalValue { return .int(integer) }
            // Swift reads 1e400 as infinity, which JSON cannot write back: refused like overflow.
            guard let double = Double(String(decoding: bytes[start..<index], as: UTF8.self)), double.isFinite else {
                throw error("number out of range")
            }
            return .double(double)
        }

        mutating func skipDigits() {
            while let byte = peek, byte >= 48 && byte <= 57 { index += 1 }
        }

        mutating func string() throws(SyntaxError) -> String {
            index += 1
            // Most strings have no escapes: they are decoded straight from the input.
            let start = index
            while let byte = peek, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte >= 0x20 { index += 1 }
            guard let stop = peek else { throw error("unterminated string") }
            if stop == UInt8(ascii: "\"") {
                index += 1
                guard let text = Self.text(UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])) else {
                    throw error("invalid UTF-8")
                }
                return text
            }
            var scalars = Array(bytes[start..<index])
            while true {
                guard let byte = peek else { throw error("unterminated string") }
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    guard let text = scalars.withUnsafeBufferPointer(Self.text) else { throw error("invalid UTF-8") }
                    return text
                case UInt8(ascii: "\\"):
                    try escape(into: &scalars)
                case 0..<0x20:
                    throw error("control character in string")
                default:
                    scalars.append(byte)
                }
            }
        }

        /// The string in `utf8`, nil when it is not valid UTF-8. ASCII (nearly every string in
        /// an API body) skips the generic validator, which looks up type metadata per call.
        static func text(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
            if utf8.allSatisfy({ $0 < 0x80 }) { return String(decoding: utf8, as: UTF8.self) }
            return String(validating: utf8, as: UTF8.self)
        }

        mutating func escape(into out: inout [UInt8]) throws(SyntaxError) {
            guard let byte = peek else { throw error("unterminated escape") }
            index += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(byte)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code) {
                    guard peek == UInt8(ascii: "\\") else { throw error("lone surrogate") }
                    index += 1
                    guard peek == UInt8(ascii: "u") else { throw error("lone surrogate") }
                    index += 1
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("invalid surrogate pair") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(code) {
                    throw error("lone surrogate")
                }
                guard let scalar = Unicode.Scalar(code) else { throw error("invalid code point") }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw error("invalid escape")
            }
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            var code: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = peek, let digit = hexDigit(byte) else { throw error("invalid \\u escape") }
                index += 1
                code = code << 4 | digit
            }
            return code
        }

        func hexDigit(_ byte: UInt8) -> UInt32? {
            switch byte {
            case 48...57: return UInt32(byte - 48)
            case 65...70: return UInt32(byte - 55)
            case 97...102: return UInt32(byte - 87)
            default: return nil
            }
        }
    }
}
