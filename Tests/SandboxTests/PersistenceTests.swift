import Foundation
import HTTP1
import SandboxTesting
import StructuredData
import Testing

/// State lives in SQLite: it survives a clean restart and `kill -9` under load.
@Suite(.serialized) struct PersistenceTests {
    func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("persist-\(UUID()).sqlite").path
    }

    @Test func stateSurvivesARestart() throws {
        let database = temporaryDatabase()
        let first = try SandboxProcess(arguments: ["--port", "0", "--db", database, "--clock", "manual", "--quiet"])
        let port = try first.start()
        let client = HTTPTestClient(port: port)
        let headers: HTTPHeaders = ["Authorization": "Bearer keeper", "Content-Type": "application/json"]
        let advanced = try client.send(.POST, "/_sandbox/clock/advance", headers: headers, body: Array(#"{"seconds": 7200}"#.utf8))
        #expect(advanced.status == 200)
        _ = try client.send(
            .POST, "/_sandbox/tenants", headers: headers,
            body: Array(#"{"token": "keeper", "balance": 42.5, "permissions": ["outgoingMail"]}"#.utf8))
        client.disconnectNow()
        first.signal(SIGTERM)
        #expect(first.waitForExit() == 0)

        let second = try SandboxProcess(arguments: ["--port", "0", "--db", database, "--quiet"])
        let client2 = HTTPTestClient(port: try second.start())
        let clock = try client2.send(.GET, "/_sandbox/clock", headers: headers, body: [])
        #expect(clock.json["now"] == advanced.json["now"])
        #expect(clock.json["mode"] == "manual")
        let tenants = try client2.send(.GET, "/_sandbox/tenants", headers: headers, body: [])
        #expect(tenants.json["tenants"]?.arrayValue?.first?["balance"] == .double(42.5))
        client2.disconnectNow()
        second.signal(SIGTERM)
        #expect(second.waitForExit() == 0)
    }

    @Test func noAcknowledgedWriteIsLostToKillNine() throws {
        let database = temporaryDatabase()
        let process = try SandboxProcess(arguments: ["--port", "0", "--db", database, "--quiet"])
        let port = try process.start()
        let acknowledged = LockedList()
        // Writers stop when the process dies under them, 0.4 s in (a timer of its own:
        // concurrentPerform runs only as many iterations at once as there are cores).
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.4)
            process.signal(SIGKILL)
        }
        DispatchQueue.concurrentPerform(iterations: 4) { writer in
            let client = HTTPTestClient(port: port)
            for index in 0..<10_000 {
                let token = "w\(writer)-\(index)"
                guard let response = try? client.send(
                    .POST, "/_sandbox/tenants", headers: ["Content-Type": "application/json"],
                    body: Array(#"{"token": "\#(token)", "balance": 1}"#.utf8)), response.status == 200
                else { return }
                acknowledged.append(token)
            }
        }
        _ = process.waitForExit()
        #expect(acknowledged.count > 0)

        let restarted = try SandboxProcess(arguments: ["--port", "0", "--db", database, "--quiet"])
        let client = HTTPTestClient(port: try restarted.start())
        let listed = try client.send(.GET, "/_sandbox/tenants?all=true", headers: [:], body: [])
        let stored = Set(listed.json["tenants"]?.arrayValue?.compactMap { $0["token"]?.stringValue } ?? [])
        let lost = acknowledged.values.filter { !stored.contains($0) }
        #expect(lost.isEmpty, "lost \(lost.count) of \(acknowledged.count) acknowledged writes")
        client.disconnectNow()
        restarted.signal(SIGTERM)
        _ = restarted.waitForExit()
    }
}

final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
    var values: [String] { lock.lock(); defer { lock.unlock() }; return items }
    var count: Int { values.count }
}
