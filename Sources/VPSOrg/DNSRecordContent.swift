import SandboxCore

/// The record types VPS.org's clients name (`vps-mcp`'s `create_dns_record`).
public enum DNSRecordType: String, Sendable, CaseIterable {
    case A, AAAA, CNAME, MX, TXT, NS, SRV, CAA

    /// MX and SRV records are chosen among by priority; no other type has one.
    public var takesPriority: Bool { self == .MX || self == .SRV }
}

/// What a DNS record says, checked as a whole: its value against its type, its name within
/// its zone, its priority against its type. A change is checked the same way after it is
/// merged into the record, so a record can never be left inconsistent.
public struct DNSRecordContent: Sendable {
    public static let ttlRange = 60...604_800
    public static let priorityRange = 0...65_535
    /// Longer texts must be split into several records (a TXT record is many 255-byte strings,
    /// but resolvers and registries balk long before DNS's own limit).
    public static let textLimit = 2048
    public static let defaultTTL = 3600

    public var type: DNSRecordType
    /// `@` for the zone apex, else relative to the zone (`www`, `_sip._tcp`, `*.dev`).
    public var name: String
    public var value: String
    public var ttl: Int
    public var priority: Int?

    public init(type: DNSRecordType, name: String, value: String, ttl: Int, priority: Int?) {
        self.type = type
        self.name = name
        self.value = value
        self.ttl = ttl
        self.priority = priority
    }

    /// The content with its name made relative to `zone` and in lower case; every rule it
    /// breaks is added to `errors` under the field it concerns.
    func checked(in zone: String, errors: inout FieldErrors) -> DNSRecordContent {
        var content = self
        if let relative = Self.relativeName(name, in: zone) {
            content.name = relative
        } else {
            errors.add("name", "Enter @ for the zone apex, a name relative to the zone (such as www or _sip._tcp) or a name ending in .\(zone).")
        }
        if let problem = Self.problem(with: value, of: type) { errors.add("value", problem) }
        if !Self.ttlRange.contains(ttl) { errors.add("ttl", Self.ttlRule) }
        switch (type.takesPriority, priority) {
        case (true, nil): errors.add("priority", "This field is required for \(type.rawValue) records.")
        case (false, _?): errors.add("priority", "Only MX and SRV records take a priority.")
        case (true, let priority?) where !Self.priorityRange.contains(priority): errors.add("priority", Self.priorityRule)
        default: break
        }
        if type == .CNAME, content.name == "@" {
            errors.add("name", "A CNAME record cannot be at the zone apex (@): other records must live there.")
        }
        return content
    }

    public static let ttlRule = "ttl must be an integer between \(ttlRange.lowerBound) and \(ttlRange.upperBound) (seconds)"
    public static let priorityRule = "priority must be an integer between \(priorityRange.lowerBound) and \(priorityRange.upperBound)"

    /// `@`, `www`, `www.example.com` or `www.example.com.` in zone `example.com`: `@` or the
    /// part before the zone, in lower case; nil when it is none of these.
    static func relativeName(_ sent: String, in zone: String) -> String? {
        var name = sent.lowercased()
        if name == "@" { return "@" }
        let absolute = name.hasSuffix(".")
        if absolute { name.removeLast() }
        if name == zone { return "@" }
        if name.hasSuffix("." + zone) {
            name.removeLast(zone.count + 1)
        } else if absolute {
            return nil
        }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard name.count + zone.count + 1 <= 253, !labels.isEmpty else { return nil }
        for (index, label) in labels.enumerated() {
            if label == "*", index == 0 { continue }
            guard (1...63).contains(label.utf8.count),
                label.utf8.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
            else { return nil }
        }
        return name
    }

    /// Why `value` cannot be the value of a `type` record; nil when it can.
    static func problem(with value: String, of type: DNSRecordType) -> String? {
        switch type {
        case .A: return IPAddress.isIPv4(value) ? nil : "Enter a valid IPv4 address."
        case .AAAA: return IPAddress.isIPv6(value) ? nil : "Enter a valid IPv6 address."
        case .CNAME, .NS, .MX:
            return isHost(value) ? nil : "Enter a fully qualified host name, such as host.example.com."
        case .TXT:
            return value.count <= textLimit ? nil : "Ensure this field has no more than \(textLimit) characters."
        case .SRV:
            let parts = value.split(separator: " ")
            let fine = parts.count == 3 && parts[0..<2].allSatisfy { Int($0).map(priorityRange.contains) ?? false }
                && (parts[2] == "." || isHost(String(parts[2])))
            return fine ? nil : "Enter weight, port and target, such as 5 5060 sip.example.com."
        case .CAA:
            let parts = value.split(separator: " ", maxSplits: 2)
            let fine = parts.count == 3 && (Int(parts[0]).map((0...255).contains) ?? false)
                && ["issue", "issuewild", "iodef"].contains(parts[1].lowercased()) && !parts[2].isEmpty
            return fine ? nil : "Enter flags, tag (issue, issuewild or iodef) and value, such as 0 issue \"letsencrypt.org\"."
        }
    }

    private static func isHost(_ value: String) -> Bool { HostnameRule.fullyQualified.accepts(value) }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }
}
