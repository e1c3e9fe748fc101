import APIKit
import Reseller
import SandboxCore
import StructuredData

/// `POST /datacenter/dedicated/order/byod`. The parts come however clients send them: a JSON
/// object (`{"parts": {"cpu": 38}}`), a form body (`parts[cpu]=38`, decoded into the same
/// object), the documented flat JSON keys (`{"parts[cpu]": 38}`), or a plain list of part
/// IDs (`parts[]=38&parts[]=29`). The nested form wins over a flat key for the same kind.
/// The scenario loader reads its BYOD orders through the same declaration.
public struct ByodOrderInput: Sendable {
    let parts: Field<[DedicatedPart.Kind: DedicatedPart]>
    /// `parts[cpu]`, `parts[ram]`, `parts[ssd]`, `parts[hdd]`, in the documents' order.
    let flatParts: [(kind: DedicatedPart.Kind, field: Field<DedicatedPart>)]
    let template: Field<DedicatedTemplate>
    static let ipCount = Field.integer("ipCount", ByodOrder.ipCounts, .optional).documented("IP Count", example: 1)
    let hostname = DedicatedInput.hostname(.optional)

    public init(catalog: DedicatedCatalog) {
        parts = Self.parts(catalog)
        flatParts = [DedicatedPart.Kind.cpu, .ram, .ssd, .hdd].map { ($0, Self.part($0, catalog: catalog)) }
        template = DedicatedInput.template(catalog)
    }

    var declaration: InputDeclaration {
        let parts = self.parts, flatParts = self.flatParts
        return InputDeclaration(
            .laravel,
            [AnyField(parts)] + flatParts.map { AnyField($0.field) }
                + [AnyField(template), AnyField(Self.ipCount), AnyField(hostname)],
            checks: [{ input, errors in
                // A CPU and a RAM kit, nested or flat; named with the other fields' refusals.
                guard !errors.names("parts") else { return }
                let chosen = Self.chosen(input, parts: parts, flatParts: flatParts)
                for kind in [DedicatedPart.Kind.cpu, .ram] where chosen[kind] == nil {
                    let field = ByodParts.field(kind)
                    errors.add(field, "\(field) is required: the id of a \(kind.rawValue) part from GET /datacenter/dedicated/market/parts")
                }
            }])
    }

    /// The order, its parts gathered from both forms.
    func request(_ input: InputValues) throws -> ByodOrder.Request {
        ByodOrder.Request(
            parts: try ByodParts(Self.chosen(input, parts: parts, flatParts: flatParts)), template: try input.required(template),
            hostname: input[hostname], ipCount: input[Self.ipCount])
    }

    /// The parts by kind; the nested form wins over a flat key.
    private static func chosen(
        _ input: InputValues, parts: Field<[DedicatedPart.Kind: DedicatedPart]>,
        flatParts: [(kind: DedicatedPart.Kind, field: Field<DedicatedPart>)]
    ) -> [DedicatedPart.Kind: DedicatedPart] {
        var chosen = input[parts] ?? [:]
        for (kind, field) in flatParts where chosen[kind] == nil { chosen[kind] = input[field] }
        return chosen
    }

    /// An order given as an object (a scenario's), read like the body of the order.
    public func request(body: JSONObject) throws -> ByodOrder.Request { try request(declaration.read(body: body)) }

    /// `parts`: part ids by kind, or a plain list of part ids. Empty values count as absent.
    private static func parts(_ catalog: DedicatedCatalog) -> Field<[DedicatedPart.Kind: DedicatedPart]> {
        let byKind = Schema.object(
            DedicatedPart.Kind.allCases.map { Schema.Property($0.rawValue, .integerChoice(ids(of: $0, in: catalog)), required: false) })
        let anyPart = Schema.integerChoice(catalog.parts.flatMap { $0.parts.map { Int64($0.id) } })
        return Field(
            "parts", schema: .oneOf([byKind, .array(anyPart)]), kind: .object, presence: .optional,
            rule: "parts must be an object of part ids by kind, such as {\"cpu\": 38, \"ram\": 29}, or a list of part ids"
        ) { value in
            let members: [(kind: String?, field: String, value: JSONValue)]
            switch value {
            case .object(let object): members = object.entries.map { ($0.key, "parts[\($0.key)]", $0.value) }
            case .array(let items): members = items.enumerated().map { (nil, "parts[\($0.offset)]", $0.element) }
            default: return .wrongType
            }
            var problems: [String] = []
            var sent: [(kind: String?, id: Int)] = []
            for member in members where member.value != .null && member.value != .string("") {
                guard let id = LenientValue.int(member.value) else {
                    problems.append("\(member.field) must be an integer")
                    continue
                }
                sent.append((member.kind, id))
            }
            do {
                let chosen = try catalog.parts(sent: sent)
                return problems.isEmpty ? .value(chosen) : .refused(problems.joined(separator: "; "))
            } catch {
                return .refused((problems + ["\(error)"]).joined(separator: "; "))
            }
        }.documented("Parts to be in the server: part ids by kind, or a list of part ids", example: ["cpu": 38, "ram": 29])
    }

    /// `parts[cpu]` and the like, as the documents list them: the id of a part of that kind.
    private static func part(_ kind: DedicatedPart.Kind, catalog: DedicatedCatalog) -> Field<DedicatedPart> {
        let name = ByodParts.field(kind)
        return Field(
            name, schema: .integerChoice(ids(of: kind, in: catalog)), kind: .integer, presence: .optional,
            rule: "\(name) must be the id of a \(kind.rawValue) part from GET /datacenter/dedicated/market/parts"
        ) { value in
            guard let id = LenientValue.int(value) else { return .refused("\(name) must be an integer") }
            do {
                return .value(try catalog.part(id, sentAs: kind.rawValue).part)
            } catch {
                return .refused("\(error)")
            }
        }.documented(
            "\(kind.rawValue.uppercased()) part to be in the server\(kind == .cpu || kind == .ram ? " (required, here or in parts)" : "")",
            example: inStock(kind, catalog).map { .int(Int64($0.id)) })
    }

    /// A part of `kind` the seed stock has, for the example.
    private static func inStock(_ kind: DedicatedPart.Kind, _ catalog: DedicatedCatalog) -> DedicatedPart? {
        catalog.parts.first { $0.kind == kind }?.parts.first { $0.count > 0 }
    }

    private static func ids(of kind: DedicatedPart.Kind, in catalog: DedicatedCatalog) -> [Int64] {
        catalog.parts.first { $0.kind == kind }?.parts.map { Int64($0.id) } ?? []
    }
}
