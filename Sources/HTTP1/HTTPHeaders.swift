/// Header fields in arrival order. Names compare case-insensitively; repeated fields are kept.
public struct HTTPHeaders: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var fields: [(name: String, value: String)] = []

    public init() {}
    public init(_ fields: [(String, String)]) { self.fields = fields.map { (name: $0.0, value: $0.1) } }
    public init(dictionaryLiteral elements: (String, String)...) { self.init(elements) }

    public var count: Int { fields.count }

    /// The first value of `name`.
    public subscript(name: String) -> String? {
        fields.first(where: { $0.name.caseInsensitiveEquals(name) })?.value
    }

    public func values(for name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveEquals(name) }.map(\.value)
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    public mutating func add(_ name: String, _ value: String) { fields.append((name: name, value: value)) }

    public mutating func reserveCapacity(_ count: Int) { fields.reserveCapacity(count) }

    /// Whether a field `name` has the value `value`, both compared case-insensitively
    /// (`Connection: close`). Allocates nothing, unlike `values(for:)`.
    public func contains(_ name: String, value: String) -> Bool {
        fields.contains { $0.name.caseInsensitiveEquals(name) && $0.value.caseInsensitiveEquals(value) }
    }

    /// Replaces every field called `name` with one.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        add(name, value)
    }

    public mutating func remove(_ name: String) { fields.removeAll { $0.name.caseInsensitiveEquals(name) } }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}

extension StringProtocol {
    /// ASCII case-insensitive comparison, enough for header names and tokens. Inlinable, so
    /// callers in other modules get a specialised loop instead of generic dispatch; over the
    /// contiguous UTF-8 of native strings (all of the server's), lengths first: iterating two
    /// `UTF8View`s cost a few hundred instructions a call, and headers compare names often.
    @inlinable
    public func caseInsensitiveEquals<Other: StringProtocol>(_ other: Other) -> Bool {
        let contiguous = utf8.withContiguousStorageIfAvailable { lhs in
            other.utf8.withContiguousStorageIfAvailable { rhs in ASCIICase.equal(lhs, rhs) }
        }
        if let contiguous, let result = contiguous { return result }
        var lhs = utf8.makeIterator()
        var rhs = other.utf8.makeIterator()
        while true {
            switch (lhs.next(), rhs.next()) {
            case (nil, nil): return true
            case let (a?, b?):
                guard ASCIICase.equal(a, b) else { return false }
            default: return false
            }
        }
    }
}

/// ASCII case folding over bytes, shared by the parser (header names) and `caseInsensitiveEquals`.
@usableFromInline
enum ASCIICase {
    /// Equal bytes, or the same letter in either case.
    @inlinable @inline(__always)
    static func equal(_ a: UInt8, _ b: UInt8) -> Bool {
        guard a != b else { return true }
        let folded = a | 0x20
        return folded == b | 0x20 && folded >= 97 && folded <= 122
    }

    @inlinable
    static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for index in 0..<lhs.count where !equal(lhs[index], rhs[index]) { return false }
        return true
    }
}
