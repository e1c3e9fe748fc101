import SandboxCore

/// Validation rules of the VM fields shared by create, change and reinstall. Every message
/// names the field and the whole rule.
enum VirtualServerSpec {
    static let cpuCores = 1...32
    static let memoryMB = 512...262_144
    static let diskGB = 10...2_000
    static let ipCount = 1...16

    static func cpuCores(_ fields: InputFields, required: Bool) throws -> Int? {
        try fields.int("cpuCores", in: cpuCores, required: required)
    }

    static func memoryMB(_ fields: InputFields, required: Bool) throws -> Int? {
        try fields.int("mem", in: memoryMB, required: required)
    }

    static func ipCount(_ fields: InputFields, required: Bool) throws -> Int? {
        try fields.int("ipCount", in: ipCount, required: required)
    }

    /// `disk` as the documents write it (`"25G"`); `"25"`, `25` and `"25GB"` are read as GB too.
    static func diskGB(_ fields: InputFields, required: Bool) throws -> Int? {
        let rule = "disk must be a size in GB between \(diskGB.lowerBound)G and \(diskGB.upperBound)G, like \"25G\""
        guard fields.has("disk") else {
            if required { throw DomainError.invalid("disk", "disk is required; \(rule)") }
            return nil
        }
        guard let text = try? fields.string("disk") else { throw DomainError.invalid("disk", rule) }
        var digits = Substring(text.uppercased().filter { $0 != " " })
        if digits.hasSuffix("GB") { digits = digits.dropLast(2) } else if digits.hasSuffix("G") { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy(\.isASCII), let size = Int(digits),
            diskGB.contains(size)
        else { throw DomainError.invalid("disk", rule) }
        return size
    }

    static func template(_ fields: InputFields, catalog: CloudCatalog, required: Bool) throws -> String? {
        guard let name = try? fields.string("template") else {
            if fields.has("template") { throw DomainError.invalid("template", "template must be a string") }
            if required {
                throw DomainError.invalid("template", "template is required; see GET /datacenter/templates")
            }
            return nil
        }
        guard catalog.templates.contains(name) else {
            throw DomainError.invalid(
                "template", "template must be one of GET /datacenter/templates (\(catalog.templates.joined(separator: ", ")))")
        }
        return name
    }

    static func location(_ fields: InputFields, catalog: CloudCatalog) throws -> Int {
        let ids = catalog.locations.map(\.id)
        let rule = "location must be one of the ids of GET /datacenter/location (\(ids.map(String.init).joined(separator: ", ")))"
        guard fields.has("location") else { return ids.contains(1) ? 1 : ids[0] }
        guard let id = try? fields.int("location"), ids.contains(id) else { throw DomainError.invalid("location", rule) }
        return id
    }

    /// Numbers are read as text (reinstall documents `hostname` as int).
    static func hostname(_ fields: InputFields) throws -> String? {
        let rule = HostnameRule.virtualServer
        guard fields.has("hostname") else { return nil }
        guard let name = try? fields.string("hostname") else { throw DomainError.invalid("hostname", rule.message("hostname")) }
        return try rule.validated(name, field: "hostname")
    }

    static func sshKey(_ fields: InputFields) throws -> String? {
        guard fields.has("sshKey") else { return nil }
        guard let key = try? fields.string("sshKey"), key.count <= 16_384 else {
            throw DomainError.invalid("sshKey", "sshKey must be a string of at most 16384 characters")
        }
        return key
    }
}

/// The monthly price of a VM, charged in advance on create (and the difference on upgrades):
/// 1.50 EUR per core + 0.50 EUR per GB RAM + 0.04 EUR per GB disk + 1.00 EUR per IPv4 address.
/// Example: 2 cores, 2048 MB, 25G, 1 IP = 3.00 + 1.00 + 1.00 + 1.00 = 6.00 EUR.
public enum VirtualServerPrice {
    public static func monthlyCents(cpuCores: Int, memoryMB: Int, diskGB: Int, ipCount: Int) -> Int64 {
        Int64(cpuCores * 150 + memoryMB * 50 / 1024 + diskGB * 4 + ipCount * 100)
    }
}
