import Foundation
import Reseller
import SandboxCore

/// Every setting of the sandbox, from flags or their environment variables (flags win).
public struct SandboxOptions: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var databasePath = ".sandbox/state.sqlite"
    public var seedDataPath = SandboxOptions.defaultSeedDataPath()
    public var clockMode: SandboxClock.Mode = .realtime
    public var timeScale: Double = 1
    public var seed: UInt64?
    public var strictTokens = false
    public var maxBodyBytes = 1024 * 1024
    /// The limit of a snapshot or scenario upload, which goes to a file, not memory.
    public var maxSnapshotBytes = 1 << 30
    public var maxConnections = 1024
    public var headerTimeout: Double = 10
    public var idleTimeout: Double = 30
    public var bodyTimeout: Double = 30
    public var backgroundInterval: Double = 1
    public var retentionDays: Double = 7
    public var tenantIdleDays: Double = 30
    public var logFormat: AccessLog.Format = .text
    public var adminToken: String?
    /// Origins (`http://host:port`) whose pages may use `/_sandbox` besides its own.
    public var allowedOrigins: [String] = []
    /// Host names the control plane answers besides loopback ones and the bound address.
    public var publicHosts: [String] = []
    public var journalSize = 10_000
    public var quiet = false
    /// A scenario file, or a folder of them, applied at start (docs/scenarios.md).
    public var scenarioPath: String?
    /// Real seconds a console URL's ticket is valid (`SANDBOX_CONSOLE_TICKET_SECONDS`; a value
    /// outside 0 < x <= 3600 is ignored, like the variable's absence).
    public var consoleTicketSeconds = ConsoleTickets.defaultValidity

    public init() {}

    /// One flag: its name, environment variable, value placeholder and help text.
    struct Flag: Sendable {
        let name: String
        let variable: String
        let value: String?
        let help: String
        let apply: @Sendable (inout SandboxOptions, String) throws -> Void

        /// Applies `value`; a bad one is reported under `source`, the flag or variable the user wrote.
        func apply(_ options: inout SandboxOptions, _ value: String, from source: String) throws {
            do {
                try apply(&options, value)
            } catch let invalid as InvalidValue {
                throw UsageError(description: "\(source) \(invalid.expected), not \(value)")
            }
        }
    }

    public struct UsageError: Error, CustomStringConvertible {
        public let description: String
    }

    /// What a flag's value should have been; `parse` names the flag or variable it came from.
    struct InvalidValue: Error {
        let expected: String
    }

    static let flags: [Flag] = [
        Flag(name: "--host", variable: "SANDBOX_HOST", value: "ADDR", help: "address to listen on (127.0.0.1, 0.0.0.0, ::)") {
            $0.host = $1
        },
        Flag(name: "--port", variable: "SANDBOX_PORT", value: "N", help: "port; 0 picks a free one (default 8080)") {
            $0.port = try integer($1, 0...65535)
        },
        Flag(name: "--db", variable: "SANDBOX_DB", value: "PATH", help: "SQLite file, or :memory: (default .sandbox/state.sqlite)") {
            $0.databasePath = $1
        },
        Flag(name: "--seed-data", variable: "SANDBOX_SEED_DATA", value: "DIR", help: "fixture folder (default ./seed-data, else the one beside the binary)") {
            $0.seedDataPath = $1
        },
        Flag(name: "--clock", variable: "SANDBOX_CLOCK", value: "MODE", help: "new tenants' clock: realtime or manual (default realtime)") {
            guard let mode = SandboxClock.Mode(rawValue: $1) else { throw InvalidValue(expected: "must be realtime or manual") }
            $0.clockMode = mode
        },
        Flag(name: "--time-scale", variable: "SANDBOX_TIME_SCALE", value: "X", help: "realtime clocks run X times faster (default 1)") {
            guard let scale = Double($1), scale > 0, scale <= 1_000_000 else { throw InvalidValue(expected: "must be a number > 0") }
            $0.timeScale = scale
        },
        Flag(name: "--seed", variable: "SANDBOX_SEED", value: "N", help: "deterministic IDs, passwords, IPs, MACs, metrics and start time") {
            guard let seed = UInt64($1) else { throw InvalidValue(expected: "must be a non-negative integer") }
            $0.seed = seed
        },
        Flag(name: "--strict-tokens", variable: "SANDBOX_STRICT_TOKENS", value: nil, help: "accept only tokens from seed-data/tokens.json") {
            $0.strictTokens = try boolean($1)
        },
        Flag(name: "--max-body", variable: "SANDBOX_MAX_BODY", value: "BYTES", help: "largest request body (default 1048576)") {
            $0.maxBodyBytes = try integer($1, 0...(1 << 30))
        },
        Flag(
            name: "--max-snapshot", variable: "SANDBOX_MAX_SNAPSHOT", value: "BYTES",
            help: "largest snapshot or scenario upload, kept on disk while read (default 1073741824)"
        ) {
            $0.maxSnapshotBytes = try integer($1, 0...(1 << 40))
        },
        Flag(name: "--max-connections", variable: "SANDBOX_MAX_CONNECTIONS", value: "N", help: "open connections before 503 (default 1024)") {
            $0.maxConnections = try integer($1, 1...100_000)
        },
        Flag(name: "--header-timeout", variable: "SANDBOX_HEADER_TIMEOUT", value: "SECONDS", help: "time to send request headers (default 10)") {
            $0.headerTimeout = try seconds($1)
        },
        Flag(name: "--idle-timeout", variable: "SANDBOX_IDLE_TIMEOUT", value: "SECONDS", help: "keep-alive idle time (default 30)") {
            $0.idleTimeout = try seconds($1)
        },
        Flag(name: "--body-timeout", variable: "SANDBOX_BODY_TIMEOUT", value: "SECONDS", help: "time to send a request body after its head (default 30)") {
            $0.bodyTimeout = try seconds($1)
        },
        Flag(name: "--log-format", variable: "SANDBOX_LOG_FORMAT", value: "FORMAT", help: "access log: text or json (default text)") {
            guard let format = AccessLog.Format(rawValue: $1) else { throw InvalidValue(expected: "must be text or json") }
            $0.logFormat = format
        },
        Flag(name: "--admin-token", variable: "SANDBOX_ADMIN_TOKEN", value: "TOKEN", help: "required as X-Sandbox-Admin-Token for /_sandbox on non-loopback hosts") {
            $0.adminToken = $1
        },
        Flag(name: "--allow-origin", variable: "SANDBOX_ALLOW_ORIGINS", value: "ORIGINS", help: "web origins allowed to use /_sandbox, comma-separated (repeatable)") {
            $0.allowedOrigins += try list($1, shape: "an origin such as http://localhost:3000") { origin in
                let rest = origin.hasPrefix("http://") ? origin.dropFirst(7) : origin.hasPrefix("https://") ? origin.dropFirst(8) : nil
                let host = rest.map { $0.hasSuffix("/") ? $0.dropLast() : $0 }
                return host.map { !$0.isEmpty && !$0.contains("/") } ?? false
            }
        },
        Flag(name: "--public-host", variable: "SANDBOX_PUBLIC_HOSTS", value: "NAMES", help: "host names /_sandbox answers besides loopback, comma-separated (repeatable)") {
            $0.publicHosts += try list($1, shape: "a host name such as sandbox.internal") { name in
                !name.contains("/") && !name.contains(" ")
            }
        },
        Flag(name: "--journal-size", variable: "SANDBOX_JOURNAL_SIZE", value: "N", help: "requests kept in the journal (default 10000)") {
            $0.journalSize = try integer($1, 0...1_000_000)
        },
        Flag(name: "--retention-days", variable: "SANDBOX_RETENTION_DAYS", value: "DAYS", help: "events and ended jobs kept, on the tenant's clock; 0 keeps all (default 7)") {
            $0.retentionDays = try days($1)
        },
        Flag(name: "--tenant-idle-days", variable: "SANDBOX_TENANT_IDLE_DAYS", value: "DAYS", help: "open-mode tenants without a request this long (real time) go; 0 never (default 30)") {
            $0.tenantIdleDays = try days($1)
        },
        Flag(name: "--scenario", variable: "SANDBOX_SCENARIO", value: "PATH", help: "scenario file, or folder of *.json, applied at start") {
            $0.scenarioPath = $1
        },
        Flag(name: "--quiet", variable: "SANDBOX_QUIET", value: nil, help: "no access log") {
            $0.quiet = try boolean($1)
        },
    ]

    public static var usage: String {
        var text = "Usage: hosting-sandbox [options]\n\nOptions (each also read from its environment variable):\n"
        for flag in flags {
            let name = flag.value.map { "\(flag.name) \($0)" } ?? flag.name
            text += "  \(name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(flag.help) [\(flag.variable)]\n"
        }
        text += "  --version                  print the version\n"
        text += "  --help                     show this help\n"
        text += "\nControl a running sandbox: hosting-sandbox ctl COMMAND [options] (see hosting-sandbox ctl --help)\n"
        return text
    }

    /// Reads the environment, then the flags. Throws `UsageError` with a message for the user.
    public static func parse(arguments: [String], environment: [String: String]) throws -> SandboxOptions {
        var options = SandboxOptions()
        options.consoleTicketSeconds = ConsoleTickets.validity(from: environment["SANDBOX_CONSOLE_TICKET_SECONDS"])
        for flag in flags {
            if let value = environment[flag.variable], !value.isEmpty { try flag.apply(&options, value, from: flag.variable) }
        }
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard let flag = flags.first(where: { $0.name == parts[0] }) else {
                throw UsageError(description: "unknown option \(argument) (see --help)")
            }
            if flag.value == nil {
                try flag.apply(&options, parts.count > 1 ? parts[1] : "true", from: flag.name)
            } else if parts.count > 1 {
                try flag.apply(&options, parts[1], from: flag.name)
            } else {
                guard index + 1 < arguments.count else { throw UsageError(description: "\(flag.name) needs a value") }
                index += 1
                try flag.apply(&options, arguments[index], from: flag.name)
            }
            index += 1
        }
        return options
    }

    private static func integer(_ text: String, _ range: ClosedRange<Int>) throws -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw InvalidValue(expected: "must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    private static func seconds(_ text: String) throws -> Double {
        guard let value = Double(text), value > 0, value <= 86_400 else {
            throw InvalidValue(expected: "must be a number of seconds > 0")
        }
        return value
    }

    /// A number of days, fractions allowed (tests use seconds' worth); 0 switches the limit off.
    private static func days(_ text: String) throws -> Double {
        guard let value = Double(text), value >= 0, value <= 36_500 else {
            throw InvalidValue(expected: "must be a number of days from 0 to 36500")
        }
        return value
    }

    /// Comma-separated values, each checked by `valid`.
    private static func list(_ text: String, shape: String, valid: (String) -> Bool) throws -> [String] {
        let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !items.isEmpty, items.allSatisfy(valid) else { throw InvalidValue(expected: "takes \(shape)") }
        return items
    }

    private static func boolean(_ text: String) throws -> Bool {
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw InvalidValue(expected: "must be true or false")
        }
    }

    /// `./seed-data` when it exists; else the one beside the executable (a release archive
    /// unpacked anywhere, the binary run from elsewhere or through a symbolic link); else the
    /// copy beside the sources (for `swift run` elsewhere).
    static func defaultSeedDataPath() -> String {
        if FileManager.default.fileExists(atPath: "seed-data/tokens.json") { return "seed-data" }
        if let folder = executableFolder() {
            let besideExecutable = folder.appendingPathComponent("seed-data")
            if FileManager.default.fileExists(atPath: besideExecutable.appendingPathComponent("tokens.json").path) {
                return besideExecutable.path
            }
        }
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        return sources.deletingLastPathComponent().appendingPathComponent("seed-data").path
    }

    /// The folder of the running binary with symbolic links resolved: Linux names it in
    /// /proc/self/exe; elsewhere Foundation's answer (argv[0]-based) has to do.
    private static func executableFolder() -> URL? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path).deletingLastPathComponent()
        }
        return Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
    }
}
