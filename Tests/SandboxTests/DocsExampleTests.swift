import Foundation
import Sandbox
import SandboxTesting
import Testing

/// Every runnable block of the README and of docs/, pasted into bash against a fresh server of
/// its own, exits 0 and prints the answers it shows.
@Suite struct DocsExampleTests {
    static let hasCurl = FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")

    @Test func theDocsHaveRunnableBlocks() throws {
        let examples = try DocExample.all()
        #expect(examples.count >= 20, "\(examples.map(\.testDescription))")
        #expect(examples.reduce(0) { $0 + $1.lines.filter(\.isAnswer).count } >= 60)
    }

    @Test func answersMatchWholeLinesWithGaps() {
        let answer = DocExample.Line(number: 1, text: #"# {"a":1,...,"c":3}"#)
        #expect(DocExample.matches(#"{"a":1,"b":2,"c":3}"#, answer: answer))
        #expect(DocExample.matches(#"{"a":1,,"c":3}"#, answer: answer))
        #expect(!DocExample.matches(#"{"a":1,"b":2,"c":4}"#, answer: answer))
        #expect(!DocExample.matches(#"x{"a":1,"c":3}"#, answer: answer))
        let exact = DocExample.Line(number: 1, text: #"# {"reset":"all"}"#)
        #expect(DocExample.matches(#"{"reset":"all"}"#, answer: exact))
        #expect(!DocExample.matches(#"{"reset":"all"} "#, answer: exact))
        let middle = DocExample.Line(number: 1, text: #"# [1,...,3,...]"#)
        #expect(DocExample.matches("[1,2,3,4]", answer: middle))
        #expect(!DocExample.matches("[1,2,4]", answer: middle))
    }

    @Test func aMarkerWithoutABlockIsAnError() {
        #expect(throws: DocExample.MalformedPage.self) {
            try DocExample.blocks(in: "<!-- runnable -->\nsome text\n", page: "x.md")
        }
        #expect(throws: DocExample.MalformedPage.self) {
            try DocExample.blocks(in: "<!-- runnable please -->\n```sh\n```\n", page: "x.md")
        }
    }

    @Test(.enabled(if: hasCurl), arguments: try DocExample.all())
    func blockRunsAsShown(_ example: DocExample) throws {
        var options = try SandboxOptions.parse(arguments: example.flags, environment: [:])
        options.databasePath = ":memory:"
        options.host = "127.0.0.1"
        options.port = 0
        options.quiet = true
        options.seedDataPath = TestSandbox.seedDataPath
        let server = try SandboxServer(options: options)
        let port = try server.start()
        defer { server.stop(timeout: 1) }

        let (script, answers) = example.script(address: "127.0.0.1:\(port)")
        let run = try Self.bash(script, sandbox: "http://127.0.0.1:\(port)")
        #expect(run.status == 0, "\(example.testDescription) exited \(run.status)\n\(run.output)\n\(run.errors)")

        let printed = run.output.components(separatedBy: "\(DocExample.marker)\n")
        for (index, group) in answers.enumerated() {
            let lines = index < printed.count ? printed[index].components(separatedBy: "\n") : []
            var next = 0
            for answer in group {
                guard let found = lines[next...].firstIndex(where: { DocExample.matches($0, answer: answer) }) else {
                    Issue.record("\(example.page):\(answer.number): no line printed since the previous answer matches \(answer.text)\nprinted: \(lines.joined(separator: "\n"))")
                    continue
                }
                next = found + 1
            }
        }
    }

    /// Runs `script` with `bash -e -o pipefail` in a scratch folder holding links to
    /// scenarios/ and seed-data/, with the debug `hosting-sandbox` on PATH and `ctl` pointed
    /// at `sandbox`; stops it after 60 s.
    static func bash(_ script: String, sandbox: String) throws -> (status: Int32, output: String, errors: String) {
        let files = FileManager.default
        let scratch = files.temporaryDirectory.appendingPathComponent("docs-example-\(UUID())")
        let folder = scratch.appendingPathComponent("work")
        let bin = scratch.appendingPathComponent("bin")
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        try files.createDirectory(at: bin, withIntermediateDirectories: true)
        defer { try? files.removeItem(at: scratch) }
        for name in ["scenarios", "seed-data"] {
            try files.createSymbolicLink(at: folder.appendingPathComponent(name), withDestinationURL: DocExample.checkout.appendingPathComponent(name))
        }
        if let executable = SandboxProcess.executable {
            try files.createSymbolicLink(at: bin.appendingPathComponent("hosting-sandbox"), withDestinationURL: executable)
        }
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SANDBOX_") && !$0.key.hasPrefix("HOSTING_SANDBOX_") }
        environment["SANDBOX_URL"] = sandbox
        environment["PATH"] = "\(bin.path):\(environment["PATH"] ?? "/usr/bin:/bin")"

        let errorsFile = scratch.appendingPathComponent("stderr")
        try Data().write(to: errorsFile)
        let errors = try FileHandle(forWritingTo: errorsFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-e", "-o", "pipefail", "-c", script]
        process.currentDirectoryURL = folder
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        watchdog.cancel()
        try errors.close()
        let errorText = (try? String(contentsOf: errorsFile, encoding: .utf8)) ?? ""
        return (process.terminationStatus, printed, errorText)
    }
}
