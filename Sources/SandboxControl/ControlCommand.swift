import Foundation
import StructuredData

/// `hosting-sandbox ctl ...`: the control plane from shell scripts and CI steps. Prints the
/// server's JSON answer on stdout; exits 0 on success, 1 when the server refuses or cannot
/// be reached (message on stderr), 2 for a bad command line.
public enum ControlCommand {
    /// One command: its words (`clock advance`), usage, help and what it does.
    struct Command: Sendable {
        let words: [String]
        let usage: String
        let help: String
        let run: @Sendable (Invocation) throws -> Void
    }

    static let commands: [Command] = ClockCommands.all + StateCommands.all + WaitCommands.all

    static let globalHelp = """
        Global options (each also read from its environment variable):
          --url URL            the sandbox (default http://127.0.0.1:8080) [SANDBOX_URL]
          --token T            the tenant's Bearer token [SANDBOX_TOKEN]
          --admin-token T      sent as X-Sandbox-Admin-Token [SANDBOX_ADMIN_TOKEN]
          --help               help for any command
        Exit status: 0 done, 1 refused or unreachable (message on stderr), 2 bad command line.

        """

    static var usage: String {
        var text = "Usage: hosting-sandbox ctl COMMAND [options]\n\nCommands:\n"
        let width = commands.map(\.usage.count).max() ?? 0
        for command in commands {
            text += "  \(command.usage.padding(toLength: width, withPad: " ", startingAt: 0))  \(command.help.split(separator: "\n").first ?? "")\n"
        }
        return text + "\n" + globalHelp
    }

    /// Runs `arguments` (what follows `ctl`) and returns the exit status.
    public static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        let options: ControlOptions
        do { options = try ControlOptions(arguments) } catch {
            return fail("\(error)", status: 2)
        }
        let matches = commands.filter { options.words.starts(with: $0.words) }
        guard let command = matches.max(by: { $0.words.count < $1.words.count }) else {
            if options.wantsHelp || options.words.isEmpty {
                print(usage, terminator: "")
                return options.wantsHelp ? 0 : 2
            }
            let group = commands.filter { $0.words.first == options.words.first }
            let hint = group.isEmpty ? "" : " (\(group.map { $0.words.joined(separator: " ") }.joined(separator: ", ")))"
            return fail("unknown command \(options.words.joined(separator: " "))\(hint); see ctl --help", status: 2)
        }
        if options.wantsHelp {
            print("Usage: hosting-sandbox ctl \(command.usage)\n\n\(command.help)\n\n\(globalHelp)", terminator: "")
            return 0
        }
        do {
            let invocation = try Invocation(
                command: command, options: options, environment: environment)
            try command.run(invocation)
            return 0
        } catch let error as ControlOptions.UsageError {
            return fail("\(error.description)\nUsage: hosting-sandbox ctl \(command.usage)", status: 2)
        } catch {
            return fail("\(error)", status: 1)
        }
    }

    private static func fail(_ message: String, status: Int32) -> Int32 {
        FileHandle.standardError.write(Data("hosting-sandbox ctl: \(message)\n".utf8))
        return status
    }
}

/// One run of a command: its arguments after the command words, its options, the client.
struct Invocation {
    let arguments: [String]
    let options: ControlOptions
    let client: ControlClient

    init(command: ControlCommand.Command, options: ControlOptions, environment: [String: String]) throws {
        arguments = Array(options.words.dropFirst(command.words.count))
        self.options = options
        var headers: [(String, String)] = []
        if let token = options.values["--token"] ?? environment["SANDBOX_TOKEN"] {
            headers.append(("Authorization", "Bearer \(token)"))
        }
        if let admin = options.values["--admin-token"] ?? environment["SANDBOX_ADMIN_TOKEN"] {
            headers.append(("X-Sandbox-Admin-Token", admin))
        }
        let url = options.values["--url"] ?? environment["SANDBOX_URL"] ?? "http://127.0.0.1:8080"
        do { client = try ControlClient(url: url, headers: headers) } catch let failure as ControlClient.Failure {
            throw ControlOptions.UsageError(description: failure.description)
        }
    }

    /// The single argument the command takes (`name` in its usage).
    func argument(_ name: String) throws -> String {
        guard arguments.count == 1 else {
            throw ControlOptions.UsageError(description: arguments.isEmpty ? "\(name) is missing" : "one \(name) expected, got \(arguments.joined(separator: " "))")
        }
        return arguments[0]
    }

    func requireNoArguments() throws {
        guard arguments.isEmpty else { throw ControlOptions.UsageError(description: "unexpected \(arguments.joined(separator: " "))") }
    }

    /// `?all=true` when `--all` was given.
    var allQuery: String { options.all ? "?all=true" : "" }

    /// Sends the request; a 2xx answer is returned, anything else becomes the failure message.
    @discardableResult
    func call(_ method: String, _ path: String, json: JSONValue? = nil, body: [UInt8]? = nil, timeout: Double = 300)
        throws -> ControlClient.Response
    {
        let payload = body ?? json.map { JSONWriter.bytes($0) } ?? []
        let response = try client.request(method, path, body: payload, timeout: timeout)
        guard (200..<300).contains(response.status) else {
            throw ControlClient.Failure(description: "\(method) \(path) answered \(response.status): \(response.text)")
        }
        return response
    }

    /// Calls and prints the answer.
    func show(_ method: String, _ path: String, json: JSONValue? = nil, body: [UInt8]? = nil) throws {
        print(try call(method, path, json: json, body: body).text)
    }
}
