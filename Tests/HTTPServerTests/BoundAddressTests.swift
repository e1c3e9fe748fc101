import HTTPServer
import Testing

extension ServerTests {
    /// Whether the server listens on loopback is read from the socket, whatever the spelling.
    @Suite struct BoundAddressTests {
        @Test func everySpellingOfLoopbackBindsLoopback() throws {
            for host in ["127.0.0.1", "127.1", "localhost", "::ffff:127.0.0.1", "127.0.0.2"] {
                let server = try TestServer { $0.host = host }
                let address = try #require(server.server.boundAddress, "\(host)")
                #expect(address.isLoopback, "\(host) bound \(address)")
                #expect(!address.isWildcard)
                #expect(address.port == server.port)
            }
        }

        @Test func wildcardsAreNeitherLoopbackNorOneAddress() throws {
            for host in ["0.0.0.0", "::"] {
                let server = try TestServer { $0.host = host }
                let address = try #require(server.server.boundAddress)
                #expect(!address.isLoopback, "\(host)")
                #expect(address.isWildcard, "\(host)")
            }
        }

        @Test func numericAddressesReadByTheirBytes() {
            #expect(SocketAddress(numeric: "127.0.0.1")?.isLoopback == true)
            #expect(SocketAddress(numeric: "::1")?.isLoopback == true)
            #expect(SocketAddress(numeric: "::ffff:127.9.9.9")?.isLoopback == true)
            #expect(SocketAddress(numeric: "::ffff:10.0.0.1")?.isLoopback == false)
            #expect(SocketAddress(numeric: "128.0.0.1")?.isLoopback == false)
            #expect(SocketAddress(numeric: "::2")?.isLoopback == false)
            // Not numeric addresses in standard form: no answer, so no trust.
            for text in ["127.0.0.+1", "127.1", "localhost", "127.0.0.1.", "0x7f.0.0.1", ""] {
                #expect(SocketAddress(numeric: text) == nil, "\(text)")
            }
            let v4 = SocketAddress(numeric: "192.168.1.5")!, mapped = SocketAddress(numeric: "::ffff:192.168.1.5")!
            #expect(v4.sameHost(as: mapped))
            #expect(!v4.sameHost(as: SocketAddress(numeric: "192.168.1.6")!))
        }
    }
}
