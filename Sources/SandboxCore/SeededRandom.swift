import StructuredData

/// SplitMix64: small, fast and reproducible. Each tenant owns one, persisted with the
/// tenant, so with `--seed` a tenant's IDs, passwords, IPs and metrics do not depend on
/// what other tenants do in parallel.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(state: UInt64) { self.state = state }

    /// A stable starting state for `token` under `seed` (FNV-1a over the token).
    public init(seed: UInt64, token: String) {
        self.init(state: seed ^ fnv1a(token))
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    public mutating func double(in range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &self) }

    private static let passwordAlphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    public mutating func password(length: Int = 12) -> String {
        String((0..<length).map { _ in Self.passwordAlphabet[int(in: 0...Self.passwordAlphabet.count - 1)] })
    }

    public mutating func hex(length: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<length).map { _ in digits[int(in: 0...15)] })
    }

    /// A random (version 4) UUID in lower case, as the APIs write them.
    public mutating func uuid() -> String {
        let high = next(), low = next()
        let version = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x4000
        let variant = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let digits = String(version, radix: 16).zeroPadded(to: 16) + String(variant, radix: 16).zeroPadded(to: 16)
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(digits.dropFirst(range.lowerBound).prefix(range.count))
        }
        return parts.joined(separator: "-")
    }

    /// A locally administered unicast MAC address.
    public mutating func macAddress() -> String {
        var bytes = (0..<6).map { _ in UInt8(int(in: 0...255)) }
        bytes[0] = (bytes[0] | 0x02) & 0xFE
        return bytes.map { String($0, radix: 16).zeroPadded(to: 2) }.joined(separator: ":")
    }

    /// An address in 192.0.2.0/24-like documentation ranges would look fake to users;
    /// these come from `prefix` (e.g. "185.223") with random host bytes.
    public mutating func ipv4(prefix: String) -> String {
        let parts = prefix.split(separator: ".").count
        let rest = (parts..<4).map { index in String(int(in: index == 3 ? 2...254 : 0...255)) }
        return ([prefix] + rest).joined(separator: ".")
    }

    public mutating func ipv6(prefix: String) -> String {
        "\(prefix)::\(hex(length: 4).trimmingLeadingZeros()):\(hex(length: 4).trimmingLeadingZeros())"
    }
}

extension String {
    func trimmingLeadingZeros() -> String {
        let trimmed = drop(while: { $0 == "0" })
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}
