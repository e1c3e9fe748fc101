import SandboxCore
import StructuredData

/// A name a tenant can register: one label under a TLD the registry offers, in lower case
/// and without the absolute form's trailing dot (`Example.COM.` is `example.com`).
public struct DomainName: Sendable {
    public let name: String
    public let tld: TLDPrice

    /// How names are compared and stored: trimmed, lower case, no trailing dot.
    public static func normalized(_ text: String) -> String {
        var name = String(text.trimmedWhitespace()).lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        return name
    }

    /// `text` as a registrable name, or a refusal of `field` that says which rule it breaks.
    static func registrable(_ text: String, field: String, registry: DomainRegistry) throws -> DomainName {
        let name = normalized(text)
        guard HostnameRule.fullyQualified.accepts(name) else {
            throw DomainError.invalid(field, "Enter a valid domain name, such as example.com.")
        }
        guard let tld = registry.price(of: name) else {
            let given = name.split(separator: ".").last.map { ".\($0)" } ?? name
            throw DomainError.invalid(field, "The TLD \(given) is not offered; the TLDs offered are \(registry.offered).")
        }
        guard !name.dropLast(tld.tld.count + 1).contains(".") else {
            throw DomainError.invalid(
                field, "Enter the domain itself, one label before .\(tld.tld) (such as example.\(tld.tld)), not a subdomain.")
        }
        return DomainName(name: name, tld: tld)
    }
}
