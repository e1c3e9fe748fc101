import Foundation
import HTTP1
import Sandbox
import SandboxCore
import SandboxTesting
import Testing

@Suite struct CommandLineTests {
    @Test func helpListsEveryFlagWithItsVariable() throws {
        let process = try SandboxProcess(arguments: ["--help"])
        try process.process.run()
        #expect(process.waitForExit() == 0)
        let text = process.standardOutput()
        for flag in ["--host", "--port", "--db", "--seed-data", "--clock", "--time-scale", "--seed", "--strict-tokens",
                     "--max-body", "--max-connections", "--header-timeout", "--idle-timeout", "--log-format",
                     "--admin-token", "--journal-size", "--body-timeout", "--allow-origin", "--public-host"] {
            #expect(text.contains(flag), "missing \(flag)")
        }
        #expect(text.contains("SANDBOX_PORT"))
    }

    /// The access log's line per request, as built byte by byte: method, path, status,
    /// milliseconds with two decimals, and each tenant's label (changing with the token).
    @Test func theAccessLogNamesEachRequestAndItsTenant() throws {
        let process = try SandboxProcess(arguments: ["--port", "0", "--db", ":memory:"])
        let client = HTTPTestClient(port: try process.start())
        for token in ["log-tenant-one", "log-tenant-one", "another-tenant"] {
            let answer = try client.send(
                .GET, "/api/v1/datacenter/templates", headers: ["Authorization": "Bearer \(token)"], body: [])
            #expect(answer.status == 200)
        }
        #expect(try client.send(.GET, "/api/v1/datacenter/templates", headers: [:], body: []).status == 401)
        // The tenant the request was served as: the scheme in any case, the token trimmed.
        let lowercase: HTTPHeaders = ["Authorization": "bearer  log-tenant-one "]
        #expect(try client.send(.GET, "/api/v1/datacenter/templates", headers: lowercase, body: []).status == 200)
        process.signal(SIGTERM)
        #expect(process.waitForExit() == 0)
        let lines = process.standardError().split(separator: "\n").filter { $0.hasPrefix("GET ") }
        let expected = [
            TenantLabel.of("log-tenant-one"), TenantLabel.of("log-tenant-one"), TenantLabel.of("another-tenant"), "-",
            TenantLabel.of("log-tenant-one"),
        ]
        #expect(lines.count == 5)
        for (line, label) in zip(lines, expected) {
            let fields = line.split(separator: " ")
            #expect(fields.count == 5, "\(line)")
            #expect(fields[1] == "/api/v1/datacenter/templates")
            #expect(fields[3].wholeMatch(of: /[0-9]+\.[0-9]{2}ms/) != nil, "\(line)")
            #expect(fields[4] == "tenant=\(label)")
        }
        #expect(lines.map { $0.split(separator: " ")[2] } == ["200", "200", "200", "401", "200"])
    }

    @Test func aBadFlagExitsOneWithAMessage() throws {
        let process = try SandboxProcess(arguments: ["--port", "seventy"])
        try process.process.run()
        #expect(process.waitForExit() == 1)
        #expect(process.standardError().contains("--port must be an integer"))
    }

    @Test func aPortInUseExitsOneWithAMessage() throws {
        let first = try SandboxProcess(arguments: ["--port", "0", "--db", ":memory:", "--quiet"])
        let port = try first.start()
        let second = try SandboxProcess(arguments: ["--port", String(port), "--db", ":memory:"])
        try second.process.run()
        #expect(second.waitForExit() == 1)
        #expect(second.standardError().contains("already in use"))
        first.signal(SIGTERM)
        #expect(first.waitForExit() == 0)
    }

    @Test func aDatabaseInUseByAnotherServerExitsOneWithAMessage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shared-db-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.sqlite").path
        let first = try SandboxProcess(arguments: ["--port", "0", "--db", path, "--quiet"])
        _ = try first.start()
        let second = try SandboxProcess(arguments: ["--port", "0", "--db", path])
        try second.process.run()
        #expect(second.waitForExit() == 1)
        #expect(second.standardError().contains("is in use by another process"))
        first.signal(SIGTERM)
        #expect(first.waitForExit() == 0)
    }

    @Test func aBrokenFixtureStopsStartUpNamingFileAndField() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broken-seeds-\(UUID())")
        try FileManager.default.copyItem(atPath: TestSandbox.seedDataPath, toPath: folder.path)
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"{"locations": [{"id": "one", "name": "x", "country": "y", "iso": "DE", "note": ""}]}"#
            .write(to: folder.appendingPathComponent("locations.json"), atomically: true, encoding: .utf8)
        let process = try SandboxProcess(arguments: ["--port", "0", "--db", ":memory:", "--seed-data", folder.path])
        try process.process.run()
        #expect(process.waitForExit() == 1)
        let message = process.standardError()
        #expect(message.contains("locations.json"), "\(message)")
        #expect(message.contains("locations[0].id"), "\(message)")
    }

    @Test func environmentVariablesSetFlagsAndFlagsWin() throws {
        let options = try SandboxOptions.parse(
            arguments: ["--clock", "manual"],
            environment: ["SANDBOX_PORT": "9999", "SANDBOX_CLOCK": "realtime", "SANDBOX_STRICT_TOKENS": "1"])
        #expect(options.port == 9999)
        #expect(options.clockMode == .manual)
        #expect(options.strictTokens)
        #expect(throws: SandboxOptions.UsageError.self) { try SandboxOptions.parse(arguments: ["--nope"], environment: [:]) }
        let ticketSeconds = { (value: String) in
            try SandboxOptions.parse(arguments: [], environment: ["SANDBOX_CONSOLE_TICKET_SECONDS": value]).consoleTicketSeconds
        }
        #expect(try ticketSeconds("2.5") == 2.5)
        #expect(try ticketSeconds("inf") == 10)
        #expect(try ticketSeconds("1e300") == 10)
        #expect(throws: SandboxOptions.UsageError.self) { try SandboxOptions.parse(arguments: ["--time-scale", "0"], environment: [:]) }
    }

    @Test func jsonAccessLogHasOneLinePerRequest() throws {
        let process = try SandboxProcess(arguments: ["--port", "0", "--db", ":memory:", "--log-format", "json"])
        let client = HTTPTestClient(port: try process.start())
        _ = try client.send(.GET, "/api/v1/datacenter/templates", headers: ["Authorization": "Bearer loggedtoken1"], body: [])
        client.disconnectNow()
        process.signal(SIGTERM)
        #expect(process.waitForExit() == 0)
        let line = process.standardError().split(separator: "\n").first { $0.contains("templates") }
        #expect(line?.contains(#""status":200"#) == true)
        #expect(line?.contains(#""tenant":"logg…1a4da6""#) == true)
    }
}
