import Foundation
import Testing

extension ServerTests {
    @Suite struct LoadTests {
        @Test func twoHundredConcurrentConnections() throws {
            let server = try TestServer()
            let clients = try (0..<200).map { _ in try server.client() }
            for round in 0..<2 {
                for (index, client) in clients.enumerated() { client.send("GET /\(round)/\(index) HTTP/1.1\r\n\r\n") }
                for (index, client) in clients.enumerated() {
                    #expect(client.readResponse()?.header("X-Target") == "/\(round)/\(index)")
                }
            }
            #expect(server.server.connectionCount == 200)
        }

        @Test func deferredResponderDoesNotBlockOthers() throws {
            let server = try TestServer()
            let slowClients = try (0..<20).map { _ in try server.client() }
            for client in slowClients { client.send("GET /slow?ms=600 HTTP/1.1\r\n\r\n") }
            let fast = try server.client()
            let started = Date()
            fast.send("GET /fast HTTP/1.1\r\n\r\n")
            #expect(fast.readResponse()?.status == 200)
            #expect(Date().timeIntervalSince(started) < 0.4)
            for client in slowClients { #expect(client.readResponse()?.text == "slow") }
        }
    }
}
