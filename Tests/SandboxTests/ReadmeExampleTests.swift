import Foundation
import SandboxTesting
import Testing

/// The README's "Try it" block, pasted into bash against a fresh server, answers as shown.
@Suite struct ReadmeExampleTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    static func exampleBlock() throws -> String {
        let text = try String(contentsOf: readme, encoding: .utf8)
        guard let marker = text.range(of: "<!-- readme-example"),
            let open = text.range(of: "```sh\n", range: marker.upperBound..<text.endIndex),
            let close = text.range(of: "```", range: open.upperBound..<text.endIndex)
        else { throw CocoaError(.fileReadCorruptFile) }
        return String(text[open.upperBound..<close.lowerBound])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
    func tryItBlockWorksAsPasted() throws {
        let sandbox = try TestSandbox(clock: .realtime, seed: nil)
        let script = try Self.exampleBlock().replacingOccurrences(of: "127.0.0.1:8080", with: "127.0.0.1:\(sandbox.port)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-e", "-c", script]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 10, "\(output)")
        #expect(lines.first?.contains("\"Debian10.0\"") == true)
        #expect(output.contains(#"{"result":{"status":"queued","jobId":1,"progress":0}}"#))
        #expect(output.contains(#""state":"installing""#))
        #expect(output.contains(#"{"result":{"status":"finished","progress":100,"output":{"id":4001"#))
        #expect(output.contains(#""template":"Debian10.0","iso":null"#))
        #expect(output.contains(#"{"id":12345,"name":"web-server-02""#))
        #expect(output.contains(#"{"count":1,"next":null,"previous":null"#))
        #expect(output.contains(#"{"result":100}"#))
        #expect(lines.last?.contains(#""status":"ok""#) == true)
    }
}
