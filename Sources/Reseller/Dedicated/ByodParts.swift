import SandboxCore

/// The parts of a BYOD server: one CPU and one RAM kit, optionally an SSD and an HDD.
public struct ByodParts: Sendable {
    public let cpu: DedicatedPart
    public let ram: DedicatedPart
    public let ssd: DedicatedPart?
    public let hdd: DedicatedPart?

    /// The parts chosen by kind; a CPU and a RAM kit must be among them.
    public init(_ chosen: [DedicatedPart.Kind: DedicatedPart]) throws {
        var errors = FieldErrors()
        for kind in [DedicatedPart.Kind.cpu, .ram] where chosen[kind] == nil {
            let field = Self.field(kind)
            errors.add(field, "\(field) is required: the id of a \(kind.rawValue) part from GET /datacenter/dedicated/market/parts")
        }
        try errors.throwIfAny()
        cpu = chosen[.cpu]!
        ram = chosen[.ram]!
        ssd = chosen[.ssd]
        hdd = chosen[.hdd]
    }

    /// Every part with its kind, in the order the parts list shows the kinds.
    var all: [(kind: DedicatedPart.Kind, part: DedicatedPart)] {
        [(.cpu, cpu), (.ram, ram)] + [(DedicatedPart.Kind.hdd, hdd), (.ssd, ssd)].compactMap { kind, part in part.map { (kind, $0) } }
    }

    /// The documented field of a kind's part: `parts[cpu]`.
    public static func field(_ kind: DedicatedPart.Kind) -> String { "parts[\(kind.rawValue)]" }
}

extension DedicatedCatalog {
    /// The part `id`, sent as the part of `kind` (`parts[cpu]`), or in a plain list of ids
    /// when `kind` is nil. Refuses, naming the client's field, an unknown kind, an unknown
    /// part and a part of another kind.
    public func part(_ id: Int, sentAs kind: String?) throws -> (kind: DedicatedPart.Kind, part: DedicatedPart) {
        let field = kind.map { "parts[\($0)]" } ?? "parts"
        if let kind, DedicatedPart.Kind(rawValue: kind) == nil {
            throw DomainError.invalid(field, "\(field) is not a part kind; use parts[cpu], parts[ram], parts[ssd] or parts[hdd]")
        }
        guard let (found, part) = self.part(id) else {
            throw DomainError.invalid(
                field, "\(field) must be a part id from GET /datacenter/dedicated/market/parts; part \(id) does not exist")
        }
        if let kind, kind != found.rawValue {
            throw DomainError.invalid(
                field, "\(field) must be the id of a \(kind) part; part \(id) (\(part.name)) is a \(found.rawValue) part")
        }
        return (found, part)
    }

    /// The parts as a client sends them (by kind, or a plain list of ids), by kind: every
    /// part checked, one kind taken once. The refusal names every problem.
    public func parts(sent: [(kind: String?, id: Int)]) throws -> [DedicatedPart.Kind: DedicatedPart] {
        var errors = FieldErrors()
        var chosen: [DedicatedPart.Kind: DedicatedPart] = [:]
        for (named, id) in sent {
            guard let (kind, part) = try errors.reading({ try self.part(id, sentAs: named) }) else { continue }
            if let previous = chosen[kind] {
                let field = ByodParts.field(kind)
                errors.add(field, "\(field) takes one part; both \(previous.id) and \(id) are \(kind.rawValue) parts")
            }
            chosen[kind] = part
        }
        try errors.throwIfAny()
        return chosen
    }
}
