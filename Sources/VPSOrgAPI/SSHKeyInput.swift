import APIKit
import StructuredData
import VPSOrg

/// `POST /api/v1/ssh-keys/ {name, public_key}` (`vps_mcp/server.py`'s `add_ssh_key`).
public enum SSHKeyInput {
    static let name = Field<String>.string(
        "name", length: 1...255, trimmed: true, rule: "Ensure this field has no more than 255 characters."
    ).documented("A name for the key", example: "laptop")

    static let publicKey = Field<SSHPublicKey>(
        "public_key", schema: .string(pattern: "^(ssh-|ecdsa-|sk-)"), kind: .string, presence: .required,
        rule: "public_key must be an OpenSSH public key line: '<type> <base64 key> [comment]'", trims: true
    ) { value in
        guard let text = LenientValue.string(value) else { return .wrongType }
        switch SSHPublicKey.parse(String(text.trimmedWhitespace())) {
        case .success(let key): return .value(key)
        case .failure(let refusal): return .refused(refusal.message)
        }
    }.documented("The public key as OpenSSH writes it", example: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI... user@laptop")

    public static let create = InputDeclaration(.django, [AnyField(name), AnyField(publicKey)])

    /// The name and key a valid `create` input holds.
    public static func key(_ input: InputValues) throws -> (name: String, key: SSHPublicKey) {
        (try input.required(name), try input.required(publicKey))
    }

    static let list = PageInput.declaration
}
