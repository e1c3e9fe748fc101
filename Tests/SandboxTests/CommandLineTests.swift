import Foundation
import Sandbox
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
