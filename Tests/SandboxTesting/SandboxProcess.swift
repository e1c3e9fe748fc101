import Foundation

/// The real `hosting-sandbox` executable in a child process, for tests of what only a
/// process shows: flags, signals, restarts, `kill -9`.
public final class SandboxProcess: @unchecked Sendable {
    public let process = Process()
    public private(set) var port = 0
    private let output = Pipe()
    private let errors = Pipe()

    /// The debug build of this checkout (built by `swift test` with everything else).
    public static var executable: URL? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidates = [".build/debug/hosting-sandbox", ".build/x86_64-unknown-linux-gnu/debug/hosting-sandbox"]
        return candidates.map { root.appendingPathComponent($0) }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    public init(arguments: [String], environment: [String: String] = [:]) throws {
        guard let executable = Self.executable else { throw Failure(description: "hosting-sandbox is not built") }
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = errors
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts the process and waits for its "listening on" line; returns the port.
    @discardableResult
    public func start(timeout: Double = 20) throws -> Int {
        try process.run()
        let deadline = Date(timeIntervalSinceNow: timeout)
        var text = ""
        let handle = output.fileHandleForReading
        while Date() < deadline {
            let data = handle.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: #"listening on http://[^ ]+:(\d+)"#, options: .regularExpression) {
                let match = String(text[range])
                port = Int(match.split(separator: ":").last ?? "") ?? 0
                return port
            }
        }
        process.terminate()
        throw Failure(description: "no listening line; output: \(text) \(standardError())")
    }

    /// Waits for exit and returns the status (after a signal, or for a process that refused to start).
    public func waitForExit() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    public func standardError() -> String {
        String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    public func standardOutput() -> String {
        String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    public func signal(_ number: Int32) { kill(process.processIdentifier, number) }
}
