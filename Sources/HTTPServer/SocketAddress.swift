#if canImport(Glibc)
import Glibc
#endif

/// A numeric IPv4 or IPv6 address with a port: what a socket is bound to, or what a numeric
/// host name reads as. Decisions about an address are made on its bytes, so every way of
/// writing it (`127.1`, `::ffff:127.0.0.1`, `localhost`) ends in the same answer.
public struct SocketAddress: Sendable, Hashable, CustomStringConvertible {
    /// 4 bytes for IPv4, 16 for IPv6.
    public let bytes: [UInt8]
    public let port: Int

    public init?(bytes: [UInt8], port: Int = 0) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
        self.port = port
    }

    /// A numeric address in its standard text form (`inet_pton`): `127.0.0.1`, `::1`; nil for
    /// names and for shorthand such as `127.1`.
    public init?(numeric text: String) {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            self.init(bytes: Self.bytes(of: v4))
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        self.init(bytes: Self.bytes(of: v6))
    }

    /// The IPv4 address an IPv6 one maps (`::ffff:a.b.c.d`), else the address itself.
    var unmapped: [UInt8] {
        guard bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF else {
            return bytes
        }
        return Array(bytes[12...])
    }

    /// 127.0.0.0/8 (also IPv4-mapped) or ::1.
    public var isLoopback: Bool {
        let address = unmapped
        if address.count == 4 { return address[0] == 127 }
        return address[0..<15].allSatisfy { $0 == 0 } && address[15] == 1
    }

    /// 0.0.0.0 or `::`: bound to every interface.
    public var isWildcard: Bool { bytes.allSatisfy { $0 == 0 } }

    /// Whether both name the same host (an IPv4 address equals its IPv6-mapped form).
    public func sameHost(as other: SocketAddress) -> Bool { unmapped == other.unmapped }

    public var description: String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        var raw = bytes
        _ = inet_ntop(bytes.count == 4 ? AF_INET : AF_INET6, &raw, &text, socklen_t(text.count))
        let host = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return bytes.count == 4 ? "\(host):\(port)" : "[\(host)]:\(port)"
    }

    /// The address a socket is bound to (`getsockname`).
    static func bound(to fd: Int32) -> SocketAddress? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard status == 0 else { return nil }
        func read<Address>(_ type: Address.Type, _ body: (Address) -> SocketAddress?) -> SocketAddress? {
            withUnsafePointer(to: &storage) { $0.withMemoryRebound(to: Address.self, capacity: 1) { body($0.pointee) } }
        }
        switch Int32(storage.ss_family) {
        case AF_INET:
            return read(sockaddr_in.self) { SocketAddress(bytes: bytes(of: $0.sin_addr), port: Int(UInt16(bigEndian: $0.sin_port))) }
        case AF_INET6:
            return read(sockaddr_in6.self) { SocketAddress(bytes: bytes(of: $0.sin6_addr), port: Int(UInt16(bigEndian: $0.sin6_port))) }
        default:
            return nil
        }
    }

    private static func bytes<Value>(of value: Value) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }
}
