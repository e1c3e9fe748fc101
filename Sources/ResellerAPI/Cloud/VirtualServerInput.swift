import APIKit
import Reseller
import SandboxCore
import StructuredData

/// The fields of a VM, declared once for create, change and reinstall (each endpoint says
/// which it requires), with the documents' descriptions and examples. The scenario loader
/// reads its VMs through the same declaration.
public struct VirtualServerInput: Sendable {
    static let cpuCores = Field.integer("cpuCores", 1...32).documented("Number of CPU cores", example: 2)
    static let memoryMB = Field.integer("mem", 512...262_144).documented("Memory size in MB", example: 2048)
    static let ipCount = Field.integer("ipCount", 1...16).documented("Number of IPs to assign", example: 1)
    static let diskSizes = 10...2_000
    /// `disk` as the documents write it (`"25G"`); `"25"`, `25` and `"25GB"` are read as GB too.
    static let diskGB = Field<Int>(
        "disk", schema: .string(pattern: "^([1-9][0-9]{1,2}|1[0-9]{3}|2000)([Gg][Bb]?)?$"), kind: .string, presence: .required,
        rule: "disk must be a size in GB between \(diskSizes.lowerBound)G and \(diskSizes.upperBound)G, like \"25G\""
    ) { sent in
        guard let text = LenientValue.string(sent) else { return .wrongType }
        return gigabytes(text).map { .value($0) } ?? .refused(nil)
    }.documented("Root disk size in GB", example: "25G")
    /// Numbers are read as text: reinstall documents `hostname` as int.
    static let hostname = Field.string(
        "hostname", .optional, length: HostnameRule.virtualServer.minimumLength...253, format: "hostname",
        rule: HostnameRule.virtualServer.message("hostname"), accepts: HostnameRule.virtualServer.accepts
    ).documented("Custom hostname, at least 4 characters", example: "web1.example.com")
    static let sshKey = Field.string(
        "sshKey", .optional, length: 0...16_384, rule: "sshKey must be a string of at most 16384 characters"
    ).documented("SSH public key, injected via Cloud-Init", example: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO1 admin@example.com")

    let template: Field<String>
    let location: Field<Int>
    let defaultLocation: Int

    public init(catalog: CloudCatalog) {
        template = Field.choice(
            "template", catalog.templates,
            rule: "template must be one of GET /datacenter/templates (\(catalog.templates.joined(separator: ", ")))"
        ).documented("OS template name", example: .string(catalog.templates[0]))
        let ids = catalog.locations.map(\.id)
        location = Field.integer(
            "location", among: ids, .optional,
            rule: "location must be one of the ids of GET /datacenter/location (\(ids.map(String.init).joined(separator: ", ")))"
        ).documented("Location ID; left out: \(catalog.defaultLocationId)", example: .int(catalog.defaultLocationId))
        defaultLocation = catalog.defaultLocationId
    }

    /// `POST /datacenter/server`.
    var create: InputDeclaration {
        InputDeclaration(.laravel, [
            AnyField(template), AnyField(Self.cpuCores), AnyField(Self.memoryMB), AnyField(Self.diskGB),
            AnyField(Self.ipCount), AnyField(location), AnyField(Self.hostname), AnyField(Self.sshKey),
        ])
    }

    func order(_ input: InputValues) throws -> VirtualServerOrder {
        VirtualServerOrder(
            template: try input.required(template), locationId: input[location] ?? defaultLocation,
            cpuCores: try input.required(Self.cpuCores), memoryMB: try input.required(Self.memoryMB),
            diskGB: try input.required(Self.diskGB), ipCount: try input.required(Self.ipCount), hostname: input[Self.hostname],
            sshKey: input[Self.sshKey])
    }

    /// A VM given as an object (a scenario's), read like the body of `POST /datacenter/server`.
    public func order(body: JSONObject) throws -> VirtualServerOrder { try order(create.read(body: body)) }

    /// `PUT .../reinstall`: everything optional, the VM's own values stay.
    var reinstall: InputDeclaration {
        InputDeclaration(.laravel, [
            AnyField(template.presence(.optional).documented("Template to use (overrides the VM's own)")),
            AnyField(Self.hostname),
            AnyField(Self.sshKey.documented("SSH public key to inject via Cloud-Init (overrides the stored key)")),
        ])
    }

    func reinstallation(_ input: InputValues) -> VirtualServerReinstall {
        VirtualServerReinstall(template: input[template], hostname: input[Self.hostname], sshKey: input[Self.sshKey])
    }

    /// `PUT .../change`: any subset of the resources.
    static let change = InputDeclaration(.laravel, [
        AnyField(cpuCores.presence(.optional)), AnyField(memoryMB.presence(.optional)),
        AnyField(
            diskGB.presence(.optional).documented("Root disk size in GB; not smaller than now (data could be lost)", example: "50G")),
        AnyField(
            ipCount.presence(.optional).documented("Number of IPs to assign; fewer than now is silently ignored", example: 2)),
    ])

    static func resize(_ input: InputValues) -> VirtualServerResize {
        VirtualServerResize(
            cpuCores: input[cpuCores], memoryMB: input[memoryMB], diskGB: input[diskGB], ipCount: input[ipCount])
    }

    /// `"25G"`, `"25GB"`, `"25"` (any case, spaces ignored) as GB within `diskSizes`, else nil.
    static func gigabytes(_ text: String) -> Int? {
        var digits = Substring(text.uppercased().filter { $0 != " " })
        if digits.hasSuffix("GB") { digits = digits.dropLast(2) } else if digits.hasSuffix("G") { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy(\.isASCII), let size = Int(digits), diskSizes.contains(size)
        else { return nil }
        return size
    }
}
