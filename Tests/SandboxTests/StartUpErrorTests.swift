import Foundation
import Sandbox
import SandboxTesting
import Testing

/// What a new user sees when the sandbox cannot start: one line naming what was wrong, exit 1.
@Suite struct StartUpErrorTests {
    /// Runs the real executable to its exit; returns the status and what it wrote to stderr.
    private func refusal(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, message: String) {
        let process = try SandboxProcess(arguments: ["--port", "0", "--quiet"] + arguments, environment: environment)
        try process.process.run()
        let status = process.waitForExit()
        return (status, process.standardError())
    }

    private func expectOneLine(_ message: String, containing parts: [String]) {
        #expect(message.hasPrefix("hosting-sandbox: "), "\(message)")
        #expect(message.split(separator: "\n").count == 1, "\(message)")
        for part in parts { #expect(message.contains(part), "\(message)") }
    }

    private func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("start-up-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func versionPrintsTheVersion() throws {
        let process = try SandboxProcess(arguments: ["--version"])
        try process.process.run()
        #expect(process.waitForExit() == 0)
        #expect(process.standardOutput() == "hosting-sandbox \(SandboxApplication.version)\n")
    }

    @Test func aBadEnvironmentValueNamesTheVariable() throws {
        let result = try refusal(["--db", ":memory:"], environment: ["SANDBOX_PORT": "abc"])
        #expect(result.status == 1)
        expectOneLine(result.message, containing: ["SANDBOX_PORT must be an integer from 0 to 65535, not abc"])
        #expect(!result.message.contains("--port"))
        let clock = try refusal(["--db", ":memory:"], environment: ["SANDBOX_CLOCK": "stopped"])
        #expect(clock.status == 1)
        expectOneLine(clock.message, containing: ["SANDBOX_CLOCK must be realtime or manual, not stopped"])
    }

    @Test func aBadFlagValueNamesTheFlag() throws {
        let result = try refusal(["--db", ":memory:", "--strict-tokens=maybe"])
        #expect(result.status == 1)
        expectOneLine(result.message, containing: ["--strict-tokens must be true or false, not maybe"])
    }

    @Test func aFolderGivenAsTheDatabaseIsRefused() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try refusal(["--db", folder.path])
        #expect(result.status == 1)
        expectOneLine(result.message, containing: ["\(folder.path) is a folder"])
    }

    @Test func aFileInTheWayOfTheDatabaseFolderIsRefused() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let result = try refusal(["--db", blocker.appendingPathComponent("state.sqlite").path])
        #expect(result.status == 1)
        expectOneLine(result.message, containing: ["cannot create the folder \(blocker.path)", "it is a file, not a folder"])
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAndLeftAlone() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("notes.txt")
        let content = Data(String(repeating: "not a database\n", count: 100).utf8)
        try content.write(to: file)
        let result = try refusal(["--db", file.path])
        #expect(result.status == 1)
        expectOneLine(result.message, containing: ["\(file.path) is not an SQLite database"])
        #expect(!result.message.contains("PRAGMA"))
        #expect(try Data(contentsOf: file) == content)
    }
}
