/// The command line of `hosting-sandbox ctl`: words, `--name value` options and flags, in
/// any order. Global options: `--url` (`SANDBOX_URL`), `--token` (`SANDBOX_TOKEN`),
/// `--admin-token` (`SANDBOX_ADMIN_TOKEN`).
struct ControlOptions {
    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }

    static let valued: Set<String> = ["--url", "--token", "--admin-token", "--status", "--timeout", "--scale"]
    static let flags: Set<String> = ["--all", "--help", "-h"]

    var words: [String] = []
    var values: [String: String] = [:]
    var given: Set<String> = []

    init(_ arguments: [String]) throws {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            if Self.valued.contains(parts[0]) {
                if parts.count == 2 {
                    values[parts[0]] = parts[1]
                } else {
                    guard index + 1 < arguments.count else { throw UsageError(description: "\(argument) needs a value") }
                    index += 1
                    values[argument] = arguments[index]
                }
            } else if Self.flags.contains(argument) {
                given.insert(argument == "-h" ? "--help" : argument)
            } else if argument.hasPrefix("--") {
                throw UsageError(description: "unknown option \(argument) (see --help)")
            } else {
                words.append(argument)
            }
            index += 1
        }
    }

    var wantsHelp: Bool { given.contains("--help") }
    var all: Bool { given.contains("--all") }

    /// A number option within `range`, or `fallback` when absent.
    func number(_ name: String, in range: ClosedRange<Double>, default fallback: Double?) throws -> Double? {
        guard let text = values[name] else { return fallback }
        guard let value = Double(text), range.contains(value) else {
            throw UsageError(description: "\(name) must be a number from \(range.lowerBound) to \(range.upperBound), not \(text)")
        }
        return value
    }
}
