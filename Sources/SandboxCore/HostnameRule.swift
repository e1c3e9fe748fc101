/// The one hostname rule of both APIs: dot-separated labels of ASCII letters, digits and
/// hyphens, each 1-63 characters with no hyphen at either end, at most 253 characters in all.
/// The endpoints differ only where their documents say so, and each difference is a rule here:
/// - `virtualServer`: VM create and reinstall, "custom hostname, min 4 characters".
/// - `dedicatedServer`: dedicated orders, BYOD orders and reinstalls, "Server Hostname" (no minimum).
/// - `fullyQualified`: reverse DNS of VMs and dedicated servers ("RDNS FQDN") and VPS.org's
///   `hostname` ("Server-Hostname (FQDN)"): at least two labels, a top-level label that is not
///   all digits (so it cannot be read as an IPv4 address), and the absolute form's trailing dot allowed.
public struct HostnameRule: Sendable {
    public let minimumLength: Int
    public let fullyQualified: Bool

    public static let virtualServer = HostnameRule(minimumLength: 4, fullyQualified: false)
    public static let dedicatedServer = HostnameRule(minimumLength: 1, fullyQualified: false)
    public static let fullyQualified = HostnameRule(minimumLength: 1, fullyQualified: true)

    /// The refusal's wording for `field`: names the field and the whole rule.
    public func message(_ field: String) -> String {
        fullyQualified
            ? "\(field) must be a fully qualified domain name such as web01.example.com"
            : "\(field) must be \(minimumLength) to 253 characters: labels of letters, digits and '-' separated by '.'"
    }

    public func accepts(_ name: String) -> Bool {
        var bytes = Substring(name).utf8
        if fullyQualified, bytes.last == UInt8(ascii: ".") { bytes = bytes.dropLast() }
        guard (minimumLength...253).contains(bytes.count) else { return false }
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.allSatisfy(Self.isLabel) else { return false }
        guard fullyQualified else { return true }
        return labels.count >= 2 && labels.last!.contains { !Self.isDigit($0) }
    }

    private static func isLabel(_ label: Substring.UTF8View.SubSequence) -> Bool {
        (1...63).contains(label.count) && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
            && label.allSatisfy { isDigit($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}
