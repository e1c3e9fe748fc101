import Foundation

/// An OpenSSH public key line (`ssh-ed25519 AAAA... comment`), checked as `ssh-keygen -l`
/// would read it, with its SHA256 fingerprint.
public struct SSHPublicKey: Sendable, Equatable {
    /// The key types OpenSSH writes in `authorized_keys`.
    public static let types = [
        "ssh-ed25519", "ssh-rsa", "ssh-dss", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    ]

    public let type: String
    /// The base64 text of the key blob, as sent.
    public let base64: String
    public let comment: String?
    /// `SHA256:` and the unpadded base64 of SHA-256 over the decoded blob, as `ssh-keygen -lf` prints it.
    public let fingerprint: String

    /// The key, or why it is not one.
    public static func parse(_ text: String) -> Result<SSHPublicKey, Refusal> {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard parts.count >= 2 else { return .failure(.layout) }
        guard types.contains(parts[0]) else { return .failure(.unknownType(parts[0])) }
        guard let blob = Data(base64Encoded: parts[1]).map(Array.init) else { return .failure(.notBase64) }
        guard let fields = fields(of: blob), fields.first == Array(parts[0].utf8), fields.count >= minimumFields(parts[0])
        else { return .failure(.blobMismatch(parts[0])) }
        let digest = Data(SHA256.digest(blob)).base64EncodedString()
        let comment = parts.count > 2 ? parts[2...].joined(separator: " ") : nil
        return .success(SSHPublicKey(
            type: parts[0], base64: parts[1], comment: comment,
            fingerprint: "SHA256:" + digest.replacingOccurrences(of: "=", with: "")))
    }

    /// The key line as stored: type, blob and comment, single-spaced.
    public var line: String { [type, base64, comment].compactMap { $0 }.joined(separator: " ") }

    public enum Refusal: Error, Equatable, Sendable {
        case layout, unknownType(String), notBase64, blobMismatch(String)

        public var message: String {
            switch self {
            case .layout: "Enter a public key as OpenSSH writes it: '<type> <base64 key> [comment]'."
            case .unknownType(let type): "Unsupported key type '\(type)'; expected one of \(SSHPublicKey.types.joined(separator: ", "))."
            case .notBase64: "The key data is not valid base64."
            case .blobMismatch(let type): "The key data is not a well-formed \(type) key."
            }
        }
    }

    /// The blob's length-prefixed fields (SSH wire strings), or nil if it is not made of them.
    private static func fields(of blob: [UInt8]) -> [[UInt8]]? {
        var fields: [[UInt8]] = []
        var index = 0
        while index < blob.count {
            guard index + 4 <= blob.count else { return nil }
            let length = blob[index..<index + 4].reduce(0) { $0 << 8 | Int($1) }
            index += 4
            guard length <= blob.count - index else { return nil }
            fields.append(Array(blob[index..<index + length]))
            index += length
        }
        return fields
    }

    /// The type name and the key's own parts: Ed25519 one, ECDSA two, RSA two, DSA four
    /// (security keys add their application).
    private static func minimumFields(_ type: String) -> Int {
        switch type {
        case "ssh-ed25519": 2
        case "ssh-dss": 5
        case "sk-ssh-ed25519@openssh.com": 3
        case "sk-ecdsa-sha2-nistp256@openssh.com": 4
        default: 3
        }
    }
}
