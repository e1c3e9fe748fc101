import CMalloc
import Dispatch
import Foundation
import Sandbox
import SandboxControl

// Flags, signals, start: everything else lives in the Sandbox module.

// glibc gives every thread that allocates its own malloc arena; requests that are parsed on
// the event loop and answered on the request queue then spread over several, which measured
// 47.6 MB peak RSS under the benchmark instead of 34.5 MB with two.
_ = mallopt(M_ARENA_MAX, 2)

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "ctl" {
    exit(ControlCommand.run(Array(arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))
}
if arguments.contains("--help") || arguments.contains("-h") {
    print(SandboxOptions.usage, terminator: "")
    exit(0)
}
if arguments.contains("--version") {
    print("hosting-sandbox \(SandboxApplication.version)")
    exit(0)
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("hosting-sandbox: \(message)\n".utf8))
    exit(1)
}

let options: SandboxOptions
do {
    options = try SandboxOptions.parse(arguments: arguments, environment: ProcessInfo.processInfo.environment)
} catch {
    fail("\(error)")
}

let server: SandboxServer
do {
    server = try SandboxServer(options: options)
} catch {
    fail("\(error)")
}

// SIGINT/SIGTERM, installed before the listening line so no early signal is lost:
// stop accepting, finish in-flight requests, close the database, exit 0.
let signalStop = SignalStop([SIGINT, SIGTERM]) { [server] in
    server.stop()
    FileHandle.standardOutput.write(Data("HostingSandbox stopped\n".utf8))
    exit(0)
}

do {
    try server.start()
} catch {
    fail("\(error)")
}

for line in server.application.runtime.recoveries { FileHandle.standardOutput.write(Data("\(line)\n".utf8)) }
for line in server.application.scenarioLog { FileHandle.standardOutput.write(Data("\(line)\n".utf8)) }
let shownHost = options.host.contains(":") ? "[\(options.host)]" : options.host
// Unbuffered, so scripts that wait for this line see it at once.
FileHandle.standardOutput.write(
    Data("HostingSandbox \(SandboxApplication.version) listening on http://\(shownHost):\(server.port) (db \(options.databasePath), clock \(options.clockMode.rawValue))\n".utf8))

dispatchMain()
