import Foundation
import StructuredData

/// `ctl wait-for ...`: block until something is true, for CI steps.
enum WaitCommands {
    static let all: [ControlCommand.Command] = [
        .init(
            words: ["wait-for", "job"], usage: "wait-for job ID [--status S] [--timeout SECONDS] --token T",
            help: """
                Wait until the tenant's job ID has status S (queued, running, finished or failed; default finished),
                for at most SECONDS (default 60) of real time. Fails at once if the job ends in another status.
                Waits on the event stream, so a realtime clock (or another process advancing a manual one) is followed
                as it moves; on a frozen clock nobody else moves, use `ctl clock advance` instead.
                """
        ) { run in
            let text = try run.argument("ID")
            guard let id = Int64(text), id > 0 else { throw ControlOptions.UsageError(description: "ID must be a job id, not \(text)") }
            let wanted = run.options.values["--status"] ?? "finished"
            guard ["queued", "running", "finished", "failed"].contains(wanted) else {
                throw ControlOptions.UsageError(description: "--status must be queued, running, finished or failed, not \(wanted)")
            }
            let timeout = try run.options.number("--timeout", in: 0...86_400, default: 60)!
            try waitForJob(id, status: wanted, timeout: timeout, run: run)
        },
        .init(
            words: ["wait-for", "health"], usage: "wait-for health [--timeout SECONDS]",
            help: "Wait until the sandbox answers GET /_sandbox/health, for at most SECONDS (default 30): for CI steps that start it."
        ) { run in
            try run.requireNoArguments()
            let deadline = Date(timeIntervalSinceNow: try run.options.number("--timeout", in: 0...86_400, default: 30)!)
            while true {
                if let response = try? run.client.request("GET", "/_sandbox/health", timeout: 2), response.status == 200 {
                    return print(response.text)
                }
                guard Date() < deadline else { throw ControlClient.Failure(description: "the sandbox did not answer in time") }
                // The server is not listening yet: there is nothing to wait on but time.
                usleep(100_000)
            }
        },
    ]

    static func waitForJob(_ id: Int64, status wanted: String, timeout: Double, run: Invocation) throws {
        let deadline = Date(timeIntervalSinceNow: timeout)
        var cursor: Int64 = 0
        while true {
            let jobs = try JSONParser.parse(try run.call("GET", "/_sandbox/jobs").body)["jobs"]?.arrayValue ?? []
            guard let job = jobs.first(where: { $0["id"]?.intValue == id }) else {
                throw ControlClient.Failure(description: "job \(id) not found for this token")
            }
            let status = job["status"]?.stringValue ?? ""
            if status == wanted { return print(JSONWriter.string(job)) }
            if status == "finished" || status == "failed" {
                throw ControlClient.Failure(description: "job \(id) ended \(status), not \(wanted): \(JSONWriter.string(job))")
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else {
                throw ControlClient.Failure(description: "job \(id) is still \(status) after \(Int(timeout)) s")
            }
            // Answers as soon as any of the tenant's resources changes (or when the wait ends).
            let wait = min(remaining, 30)
            let events = try JSONParser.parse(
                try run.call("GET", "/_sandbox/events?after=\(cursor)&limit=1000&wait=\(wait)", timeout: wait + 10).body)
            cursor = events["last"]?.intValue ?? cursor
        }
    }
}
