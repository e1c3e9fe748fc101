import APIKit
import StructuredData

/// What `POST /incidents` reads.
enum IncidentInput {
    static let serverId = Field<Int>.integer("serverId", 1...Int(Int32.max))
        .documented("One of the tenant's VMs", example: 4001)

    /// A list of names, or one comma-separated string.
    static let types = Field<[String]>(
        "types", schema: .oneOf([.array(.string(minLength: 1)), .string(minLength: 1)]), kind: .array, presence: .optional,
        rule: "types must be a non-empty list of incident type names (e.g. [\"UDP Flood\"])"
    ) { value in
        let names: [String]
        switch value {
        case .string(let text):
            names = text.split(separator: ",").map { String($0.trimmedWhitespace()) }.filter { !$0.isEmpty }
        case .array(let items):
            names = items.compactMap(\.stringValue)
            guard names.count == items.count else { return .refused(nil) }
        default:
            return .wrongType
        }
        return names.isEmpty ? .refused(nil) : .value(names)
    }.documented("Incident type names, a list or comma-separated (default UDP Flood)", example: ["UDP Flood"])

    static let impact = Field<Int>.integer("impact", 0...1_000_000_000, .optional)
        .documented("The incident's impact (default 1000)", example: 5000)

    /// 1 (incoming) or 2 (outgoing); the words work too.
    static let direction = Field<Int>(
        "direction", schema: .oneOf([.integerChoice([1, 2]), .choice(["in", "incoming", "out", "outgoing"])]), kind: .choice,
        presence: .optional, rule: "direction must be 1 (incoming) or 2 (outgoing)"
    ) { value in
        switch LenientValue.string(value)?.lowercased() {
        case "1", "in", "incoming": return .value(1)
        case "2", "out", "outgoing": return .value(2)
        case nil: return .wrongType
        default: return .refused(nil)
        }
    }.documented("1 (incoming, the default) or 2 (outgoing)", example: 1)

    static let ongoing = Field<Bool>.boolean("ongoing", .optional).documented("Whether it is still going on (default false)", example: true)

    static let host = Field<String>.string("host", .optional)
        .documented("The address hit: one of the VM's (default its first IPv4 address)", example: "192.0.2.10")

    static let incident = InputDeclaration(
        .laravel, [AnyField(serverId), AnyField(types), AnyField(impact), AnyField(direction), AnyField(ongoing), AnyField(host)])
}
