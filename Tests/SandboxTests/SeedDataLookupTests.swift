import Foundation
import HTTP1
import SandboxTesting
import Testing

/// Without `--seed-data`, the binary looks in `./seed-data`, then beside itself (how a release
/// archive unpacked anywhere finds its fixtures), then in the checkout.
@Suite struct SeedDataLookupTests {
    /// A folder holding a copy of the binary and a `seed-data/` whose only template is `template`.
    func unpackedRelease(template: String) throws -> URL {
        let folder = try temporaryFolder("release")
        let binary = try #require(SandboxProcess.executable, "hosting-sandbox is not built")
        try FileManager.default.copyItem(at: binary, to: folder.appendingPathComponent("hosting-sandbox"))
        try seedData(in: folder, template: template)
        return folder
    }

    func seedData(in folder: URL, template: String) throws {
        let seeds = folder.appendingPathComponent("seed-data")
        try FileManager.default.copyItem(atPath: TestSandbox.seedDataPath, toPath: seeds.path)
        try #"{"templates": ["\#(template)"]}"#.write(to: seeds.appendingPathComponent("templates.json"), atomically: true, encoding: .utf8)
    }

    func temporaryFolder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("seed-lookup-\(name)-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Starts `executable` in `directory` and returns the templates it serves.
    func templates(running executable: URL, in directory: URL) throws -> String {
        let sandbox = try SandboxProcess(arguments: ["--port", "0", "--db", ":memory:", "--quiet"])
        sandbox.process.executableURL = executable
        sandbox.process.currentDirectoryURL = directory
        let client = HTTPTestClient(port: try sandbox.start())
        defer {
            client.disconnectNow()
            sandbox.signal(SIGTERM)
            _ = sandbox.waitForExit()
        }
        return try client.send(.GET, "/api/v1/datacenter/templates", headers: ["Authorization": "Bearer lookup"], body: []).text
    }

    @Test func theBinaryFindsTheSeedDataBesideItselfFromAnyFolderAndThroughALink() throws {
        let release = try unpackedRelease(template: "BesideTheBinary")
        let elsewhere = try temporaryFolder("elsewhere")
        defer { for folder in [release, elsewhere] { try? FileManager.default.removeItem(at: folder) } }
        let binary = release.appendingPathComponent("hosting-sandbox")
        #expect(try templates(running: binary, in: elsewhere) == #"{"result":["BesideTheBinary"]}"#)

        // As after `ln -s /opt/hosting-sandbox/hosting-sandbox /usr/local/bin/`.
        let link = elsewhere.appendingPathComponent("linked-sandbox")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: binary)
        #expect(try templates(running: link, in: elsewhere) == #"{"result":["BesideTheBinary"]}"#)
    }

    @Test func seedDataInTheWorkingDirectoryComesFirst() throws {
        let release = try unpackedRelease(template: "BesideTheBinary")
        let project = try temporaryFolder("project")
        defer { for folder in [release, project] { try? FileManager.default.removeItem(at: folder) } }
        try seedData(in: project, template: "InTheWorkingDirectory")
        let served = try templates(running: release.appendingPathComponent("hosting-sandbox"), in: project)
        #expect(served == #"{"result":["InTheWorkingDirectory"]}"#)
    }

    @Test func withoutEitherTheCheckoutsSeedDataServes() throws {
        let elsewhere = try temporaryFolder("bare")
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let binary = try #require(SandboxProcess.executable, "hosting-sandbox is not built")
        #expect(try templates(running: binary, in: elsewhere).hasPrefix(#"{"result":["Debian10.0","#))
    }
}
