import Foundation
import Testing

extension ServerTests {
    /// At `maxConnections`, idle keep-alive connections make room for newcomers; only when every
    /// connection is inside a request is a newcomer refused.
    @Suite struct ConnectionCapTests {
        @Test func theLongestIdleKeepAliveConnectionMakesRoom() throws {
            let server = try TestServer { $0.maxConnections = 2 }
            let oldest = try server.client(), newer = try server.client()
            // One after the other: `oldest` fell idle first (its answer was read before `newer` asked).
            for client in [oldest, newer] {
                client.send("GET / HTTP/1.1\r\n\r\n")
                #expect(client.readResponse()?.status == 200)
            }
            let newcomer = try server.client()
            newcomer.send("GET /new HTTP/1.1\r\n\r\n")
            #expect(newcomer.readResponse()?.status == 200)
            #expect(oldest.isClosedByServer())
            newer.send("GET /still HTTP/1.1\r\n\r\n")
            #expect(newer.readResponse()?.status == 200)
            #expect(server.protocolErrors.isEmpty)
        }

        @Test func keepAliveClientsCannotLockOthersOut() throws {
            let server = try TestServer { $0.maxConnections = 5 }
            var holders = try (0..<5).map { _ in try server.client() }
            for client in holders {
                client.send("GET / HTTP/1.1\r\n\r\n")
                _ = client.readResponse()
            }
            for round in 0..<10 {
                let visitor = try server.client()
                visitor.send("GET /visit/\(round) HTTP/1.1\r\n\r\n")
                #expect(visitor.readResponse()?.status == 200, "round \(round)")
                holders.append(visitor)
            }
            #expect(server.protocolErrors.isEmpty)
            #expect(server.server.connectionCount <= 5)
        }

        /// Clients that connect and send at once, more of them than the cap: a connection
        /// whose request waits unread in its socket is not idle, so each client gets an
        /// answer (200, or 503 when nothing could make room), never a reset without one.
        @Test func aRequestNotYetReadIsNeverLostToMakeRoom() throws {
            let server = try TestServer { $0.maxConnections = 4 }
            let outcomes = Outcomes()
            let done = DispatchGroup()
            // Threads of their own: Dispatch's pools would run two at a time on two cores.
            for worker in 0..<16 {
                done.enter()
                Thread.detachNewThread {
                    for round in 0..<10 {
                        guard let client = try? server.client() else { continue }
                        client.send("GET /w\(worker)/\(round) HTTP/1.1\r\n\r\n")
                        outcomes.add(client.readResponse()?.status)
                    }
                    done.leave()
                }
            }
            #expect(done.wait(timeout: .now() + 60) == .success)
            #expect(outcomes.unanswered == 0, "\(outcomes.unanswered) requests lost, \(outcomes.answered) answered")
        }

        /// A client that hangs up while its request is being answered keeps its place until
        /// the answer comes: work cannot pile up behind the cap by sending and resetting.
        @Test func aClientGoneBeforeItsAnswerHoldsItsPlaceUntilTheAnswer() throws {
            let server = try TestServer { $0.maxConnections = 1 }
            let gone = try server.client()
            gone.send("GET /slow?ms=600 HTTP/1.1\r\n\r\n")
            #expect(TestServer.eventually { server.handledRequests == 1 })
            gone.reset()
            // The reset was seen (nothing is inside a request any more), the place still held.
            #expect(TestServer.eventually { server.server.connectionsInsideRequests == 0 })
            #expect(server.server.connectionCount == 1)
            let refused = try server.client()
            refused.send("GET / HTTP/1.1\r\n\r\n")
            #expect(refused.readResponse()?.status == 503)
            // Once the answer came (and was dropped) the place is free.
            #expect(TestServer.eventually { server.server.connectionCount == 0 })
            let later = try server.client()
            later.send("GET / HTTP/1.1\r\n\r\n")
            #expect(later.readResponse()?.status == 200)
        }

        final class Outcomes: @unchecked Sendable {
            private let lock = NSLock()
            private(set) var answered = 0
            private(set) var unanswered = 0
            func add(_ status: Int?) {
                lock.withLock {
                    if status == 200 || status == 503 { answered += 1 } else { unanswered += 1 }
                }
            }
        }

        @Test func whenEveryConnectionIsInsideARequestANewcomerGets503() throws {
            let server = try TestServer { $0.maxConnections = 3 }
            let answering = try server.client(), sendingHead = try server.client(), sendingBody = try server.client()
            answering.send("GET /slow?ms=1500 HTTP/1.1\r\n\r\n")
            sendingHead.send("GET / HTTP/1.1\r\nHost: x")
            sendingBody.send("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc")
            // The partial head and body have reached the server: all three are inside a request.
            #expect(TestServer.eventually { server.server.connectionsInsideRequests == 3 })
            let newcomer = try server.client()
            newcomer.send("GET / HTTP/1.1\r\n\r\n")
            #expect(newcomer.readResponse()?.status == 503)
            #expect(newcomer.isClosedByServer())
            #expect(server.protocolErrors == [503])
            // Those inside a request were left alone.
            #expect(answering.readResponse()?.status == 200)
            sendingHead.send("\r\n\r\n")
            #expect(sendingHead.readResponse()?.status == 200)
            sendingBody.send("defghij")
            #expect(sendingBody.readResponse()?.text == "abcdefghij")
        }
    }
}
