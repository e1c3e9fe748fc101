import SandboxCore

/// Hostname rules for dedicated orders, reinstalls and reverse DNS.
enum DedicatedHostname {
    /// A hostname of 1-253 characters: dot-separated labels of letters, digits and hyphens
    /// (1-63 characters, no hyphen at either end). `fullyQualified` also wants at least one dot.
    static func validated(_ value: String?, field: String, required: Bool, fullyQualified: Bool = false) throws -> String? {
        let rule = fullyQualified
            ? "\(field) must be a fully qualified domain name such as host.example.com"
            : "\(field) must be a hostname of letters, digits, hyphens and dots (at most 253 characters)"
        guard let value else {
            if required { throw DomainError.invalid(field, "\(field) is required; \(rule)") }
            return nil
        }
        let name = value.hasSuffix(".") && fullyQualified ? String(value.dropLast()) : value
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        let valid = !name.isEmpty && name.utf8.count <= 253 && (!fullyQualified || labels.count >= 2)
            && labels.allSatisfy { label in
                (1...63).contains(label.utf8.count) && label.first != "-" && label.last != "-"
                    && label.utf8.allSatisfy { byte in
                        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                            || byte == 0x2D
                    }
            }
        guard valid else { throw DomainError.invalid(field, rule) }
        return value
    }
}
