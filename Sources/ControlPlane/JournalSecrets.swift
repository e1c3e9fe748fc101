import StructuredData

/// What the request journal hides: credentials clients send in headers, query strings and
/// bodies (the PHP client `hosterapi-php` sends its token as `?Authorization=Bearer …` and as
/// a form field), and passwords in bodies, so `GET /_sandbox/requests?all=true` does not
/// hand one tenant's secrets to whoever reads the journal.
///
/// A name is secret when it contains `password`, `secret`, `token`, `authorization` or
/// `api_key` (any case; for form fields the whole name, so `server[root_password]` counts).
/// Tokens keep their scheme and first four characters (`Bearer abcd…`), enough to tell
/// tenants apart; passwords and secrets show as `…`. Environment variables (VPS.org's
/// `{"vars": {NAME: value}}`) keep their names and lose every value, whatever the name.
enum JournalSecrets {
    /// Members whose object holds private values under any name.
    static let privateMaps: Set<String> = ["vars"]

    static func isSecret(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return ["password", "secret", "token", "authorization", "api_key", "apikey", "api-key"].contains {
            lowered.contains($0)
        }
    }

    /// The masked form of a secret `value` under `name`.
    static func mask(_ value: String, name: String) -> String {
        let lowered = name.lowercased()
        return lowered.contains("password") || lowered.contains("secret") ? "…" : RequestJournal.mask(value)
    }

    /// `a=1&token=abcdef` -> `a=1&token=abcd…`; secret values are shown decoded.
    static func maskQuery(_ query: String) -> String {
        guard query.contains("=") else { return query }
        return query.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = FormDecoder.percentDecode(parts[0])
            guard parts.count == 2, isSecret(name) else { return String(pair) }
            return "\(parts[0])=\(mask(FormDecoder.percentDecode(parts[1]), name: name))"
        }.joined(separator: "&")
    }

    /// JSON with every secret member masked, at any depth.
    static func maskJSON(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items):
            return .array(items.map(maskJSON))
        case .object(let object):
            return .object(JSONObject(object.entries.map { entry in
                if privateMaps.contains(entry.key), let map = entry.value.objectValue {
                    return (entry.key, .object(JSONObject(map.entries.map { ($0.key, .string("…")) })))
                }
                guard isSecret(entry.key) else { return (entry.key, maskJSON(entry.value)) }
                return (entry.key, .string(mask(entry.value.stringValue ?? "", name: entry.key)))
            }))
        default:
            return value
        }
    }

    /// A body as the journal shows it: JSON as JSON, anything else as text (forms with their
    /// secret fields masked); both with secrets masked.
    static func maskedBody(_ bytes: [UInt8]) -> JSONValue {
        guard !bytes.isEmpty else { return .null }
        if let value = try? JSONParser.parse(bytes) { return maskJSON(value) }
        return .string(maskQuery(String(decoding: bytes, as: UTF8.self)))
    }
}
