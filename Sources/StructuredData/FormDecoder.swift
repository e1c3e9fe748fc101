/// Decodes `application/x-www-form-urlencoded` bodies the way PHP and Laravel read them:
/// `parts[cpu]=38&parts[ram]=29` becomes `{"parts": {"cpu": "38", "ram": "29"}}` and
/// `tags[]=a&tags[]=b` becomes `{"tags": ["a", "b"]}`. All scalars stay strings;
/// callers coerce them leniently. PHP's own limits apply, so hostile bodies cost little:
/// names nested deeper than `maximumDepth` and fields past `maximumFields` are ignored.
public enum FormDecoder {
    /// PHP's `max_input_nesting_level` is 64, like our JSON nesting limit.
    public static let maximumDepth = JSONParser.maximumDepth
    /// PHP's `max_input_vars`.
    public static let maximumFields = 1000

    public static func decode(_ text: String) -> JSONObject {
        var root = JSONObject()
        for pair in text.split(separator: "&", omittingEmptySubsequences: true).prefix(maximumFields) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = percentDecode(parts[0])
            let value = parts.count > 1 ? percentDecode(parts[1]) : ""
            let path = keyPath(name)
            guard !name.isEmpty, path.count <= maximumDepth else { continue }
            insert(value: .string(value), path: path, into: &root)
        }
        return root
    }

    /// `a[b][c]` -> ["a", "b", "c"]; `a[]` -> ["a", ""]; a malformed bracket keeps the name literal.
    static func keyPath(_ name: String) -> [String] {
        guard let open = name.firstIndex(of: "["), name.hasSuffix("]"), open != name.startIndex else { return [name] }
        var path = [String(name[..<open])]
        var rest = name[open...]
        while rest.first == "[" {
            guard let close = rest.firstIndex(of: "]") else { return [name] }
            path.append(String(rest[rest.index(after: rest.startIndex)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return rest.isEmpty ? path : [name]
    }

    private static func insert(value: JSONValue, path: [String], into object: inout JSONObject) {
        let key = path[0]
        if path.count == 1 {
            object[key] = value
            return
        }
        let rest = Array(path.dropFirst())
        if rest[0].isEmpty {
            var items = object[key]?.arrayValue ?? []
            items.append(value)
            object[key] = .array(items)
            return
        }
        var child = object[key]?.objectValue ?? JSONObject()
        insert(value: value, path: rest, into: &child)
        object[key] = .object(child)
    }

    public static func percentDecode<S: StringProtocol>(_ text: S) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let high = hexValue(iterator[iterator.startIndex]),
                let low = hexValue(iterator[iterator.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: return byte - 48
        case 65...70: return byte - 55
        case 97...102: return byte - 87
        default: return nil
        }
    }
}
