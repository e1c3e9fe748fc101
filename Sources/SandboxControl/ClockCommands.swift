import StructuredData

/// `ctl clock ...`: the tenant's clock (`/_sandbox/clock`).
enum ClockCommands {
    static let all: [ControlCommand.Command] = [
        .init(words: ["clock", "show"], usage: "clock show --token T", help: "Print the tenant's clock.") { run in
            try run.requireNoArguments()
            try run.show("GET", "/_sandbox/clock")
        },
        .init(
            words: ["clock", "advance"], usage: "clock advance SECONDS --token T",
            help: "Advance the tenant's clock by SECONDS, applying everything that falls due, in order."
        ) { run in
            let text = try run.argument("SECONDS")
            guard let seconds = Double(text), seconds >= 0 else {
                throw ControlOptions.UsageError(description: "SECONDS must be a number >= 0, not \(text)")
            }
            try run.show("POST", "/_sandbox/clock/advance", json: ["seconds": .double(seconds)])
        },
        .init(
            words: ["clock", "set"], usage: "clock set TIME --token T",
            help: "Set the tenant's clock to TIME (ISO-8601, e.g. 2026-01-02T00:00:00Z; forward only)."
        ) { run in
            try run.show("PUT", "/_sandbox/clock", json: ["now": .string(try run.argument("TIME"))])
        },
        .init(words: ["clock", "freeze"], usage: "clock freeze --token T", help: "Switch the tenant's clock to manual: time stands still until advanced.") { run in
            try run.requireNoArguments()
            try run.show("PUT", "/_sandbox/clock", json: ["mode": "manual"])
        },
        .init(
            words: ["clock", "realtime"], usage: "clock realtime [--scale X] --token T",
            help: "Switch the tenant's clock to realtime, X times faster than real time (default: its scale)."
        ) { run in
            try run.requireNoArguments()
            var body: JSONObject = ["mode": "realtime"]
            if let scale = try run.options.number("--scale", in: 0.000001...1_000_000, default: nil) { body["scale"] = .double(scale) }
            try run.show("PUT", "/_sandbox/clock", json: .object(body))
        },
    ]
}
