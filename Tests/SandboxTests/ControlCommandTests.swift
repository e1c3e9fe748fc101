import Foundation
import SandboxTesting
import StructuredData
import Testing

/// `hosting-sandbox ctl`: the real binary against a real server process.
@Suite struct ControlCommandTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    /// Runs `ctl` with `arguments`; returns its exit status, stdout and stderr.
    func ctl(_ arguments: [String], port: Int? = nil, environment: [String: String] = [:]) throws
        -> (status: Int32, output: String, errors: String)
    {
        let url = port.map { ["--url", "http://127.0.0.1:\($0)"] } ?? []
        let process = try SandboxProcess(arguments: ["ctl"] + arguments + url, environment: environment)
        try process.process.run()
        let status = process.waitForExit()
        return (status, process.standardOutput(), process.standardError())
    }

    func server(_ extra: [String] = []) throws -> (SandboxProcess, Int) {
        let process = try SandboxProcess(arguments: ["--port", "0", "--db", ":memory:", "--clock", "manual", "--seed", "1", "--quiet"] + extra)
        return (process, try process.start())
    }

    @Test func everyCommandHasHelp() throws {
        let overview = try ctl(["--help"])
        #expect(overview.status == 0)
        for command in ["clock advance", "clock set", "clock freeze", "reset", "scenario load", "snapshot save", "snapshot load", "wait-for job"] {
            #expect(overview.output.contains(command), "missing \(command)")
            let help = try ctl(command.split(separator: " ").map(String.init) + ["--help"])
            #expect(help.status == 0)
            #expect(help.output.contains("Usage: hosting-sandbox ctl \(command)"))
        }
        let unknown = try ctl(["clock", "rewind"])
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("unknown command clock rewind"))
        #expect(try ctl(["clock", "advance", "soon", "--token", "t"]).status == 2)
    }

    @Test func scenarioClockSnapshotAndResetFromTheShell() throws {
        let (server, port) = try server()
        defer { server.signal(SIGTERM); _ = server.waitForExit() }
        let loaded = try ctl(["scenario", "load", Self.scenarios.path], port: port)
        #expect(loaded.status == 0, "\(loaded.errors)")
        #expect(loaded.output.split(separator: "\n").count == 2)

        let advanced = try ctl(["clock", "advance", "130", "--token", "shop"], port: port)
        #expect(advanced.status == 0)
        #expect(try JSONParser.parse(advanced.output)["now"] == "2026-01-01T00:02:10Z")
        let set = try ctl(["clock", "set", "2026-01-01T01:00:00Z"], port: port, environment: ["SANDBOX_TOKEN": "shop"])
        #expect(try JSONParser.parse(set.output)["now"] == "2026-01-01T01:00:00Z")
        let backwards = try ctl(["clock", "set", "2025-01-01T00:00:00Z", "--token", "shop"], port: port)
        #expect(backwards.status == 1)
        #expect(backwards.errors.contains("400"))

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ctl-snapshot-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try ctl(["snapshot", "save", file.path, "--token", "shop"], port: port).status == 0)
        #expect(try ctl(["reset", "--token", "shop"], port: port).status == 0)
        let client = HTTPTestClient(port: port)
        defer { client.disconnectNow() }
        let list = { try client.send(.GET, "/api/v1/datacenter/server", headers: ["Authorization": "Bearer shop"], body: []).json["result"] }
        #expect(try list() == [])
        let restored = try ctl(["snapshot", "load", file.path, "--token", "shop"], port: port)
        #expect(restored.status == 0, "\(restored.errors)")
        #expect(try list() == [4001, 4002, 4003])
        #expect(try ctl(["reset", "--all"], port: port).status == 0)
        #expect(try list() == [])
    }

    @Test func aRefusedScenarioNamesTheFileAndThePath() throws {
        let (server, port) = try server()
        defer { server.signal(SIGTERM); _ = server.waitForExit() }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ctl-scenario-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"{"version": 1, "tenants": [{"token": "t", "vms": [{"hostname": "x.example"}]}]}"#.utf8).write(to: file)
        let refused = try ctl(["scenario", "load", file.path], port: port)
        #expect(refused.status == 1)
        #expect(refused.errors.contains(file.path))
        #expect(refused.errors.contains("tenants[0].vms[0].template"))
        let unreachable = try ctl(["clock", "show", "--token", "t"], environment: ["SANDBOX_URL": "http://127.0.0.1:1"])
        #expect(unreachable.status == 1)
        #expect(unreachable.errors.contains("cannot connect"))
    }

    @Test func waitForJobReturnsWhenTheClockIsMovedElsewhere() throws {
        let (server, port) = try server()
        defer { server.signal(SIGTERM); _ = server.waitForExit() }
        #expect(try ctl(["scenario", "load", Self.scenarios.appendingPathComponent("01-shop.json").path], port: port).status == 0)
        // Job 5 installs new.shop.example (see the scenario's report); it needs 122 s.
        let waiting = try SandboxProcess(arguments: [
            "ctl", "wait-for", "job", "5", "--status", "finished", "--timeout", "30", "--token", "shop",
            "--url", "http://127.0.0.1:\(port)",
        ])
        try waiting.process.run()
        let early = try ctl(["wait-for", "job", "5", "--timeout", "0", "--token", "shop"], port: port)
        #expect(early.status == 1)
        #expect(early.errors.contains("still queued"))
        #expect(try ctl(["clock", "advance", "130", "--token", "shop"], port: port).status == 0)
        #expect(waiting.waitForExit() == 0)
        #expect(try JSONParser.parse(waiting.standardOutput())["status"] == "finished")
        let failedWish = try ctl(["wait-for", "job", "5", "--status", "failed", "--token", "shop"], port: port)
        #expect(failedWish.status == 1)
        #expect(failedWish.errors.contains("ended finished"))
    }

    @Test func theAdminTokenIsForwarded() throws {
        let (server, port) = try server(["--admin-token", "s3cret"])
        defer { server.signal(SIGTERM); _ = server.waitForExit() }
        let refused = try ctl(["clock", "show", "--token", "t"], port: port)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("401"))
        #expect(try ctl(["clock", "show", "--token", "t", "--admin-token", "s3cret"], port: port).status == 0)
        #expect(try ctl(["clock", "freeze", "--token", "t"], port: port, environment: ["SANDBOX_ADMIN_TOKEN": "s3cret"]).status == 0)
    }
}
