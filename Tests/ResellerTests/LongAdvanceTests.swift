import HTTP1
import SandboxTesting
import StructuredData
import Testing

/// One long advance applies every due step in order, each at its own time: what a month of
/// daily backups leaves is what thirty one-day advances would leave.
@Suite struct LongAdvanceTests {
    static let vmCount = 3
    static let days = 30
    /// Three VMs created at 2030-01-01T00:00:00Z run after their 130 s install; their DAILY
    /// tasks are created then, so the first backup is due a day later.
    static let tasksCreated: Int64 = 1_893_456_130
    static let day: Int64 = 86_400

    @Test func aMonthOfDailyBackupsOnThreeVMsInOneAdvance() throws {
        let sandbox = try TestSandbox()
        sandbox.setNow("2030-01-01T00:00:00Z")
        let ids = (0..<Self.vmCount).map { _ in sandbox.createVM().id }
        sandbox.advance(seconds: 130)
        for id in ids {
            let created = sandbox.request(
                .POST, sandbox.server(id, "scheduled"), json: ["command": "BACKUP", "interval": "DAILY"])
            #expect(created.status == 200, "\(created.text)")
        }
        // Ten minutes past the last day, so that its backups (2 s queued, 5 min running) are done.
        let advance = sandbox.advance(seconds: Double(Int64(Self.days) * Self.day + 600))
        #expect(advance.status == 200, "\(advance.text)")

        let stamps = (1...Int64(Self.days)).reversed().map { Self.tasksCreated + $0 * Self.day }
        for id in ids {
            #expect(sandbox.backups(id) == stamps, "backups of VM \(id)")
            let task = sandbox.tasks(id).first
            #expect(task?["execution_last"] == "2030-01-31T00:02:10.000000Z")
            #expect(task?["execution_next"] == "2030-02-01T00:02:10.000000Z")
            #expect(sandbox.vmState(id) == "running")
        }

        let jobs = sandbox.request(.GET, "/_sandbox/jobs").json["jobs"]?.arrayValue ?? []
        let backupJobs = jobs.filter { $0["kind"] == "reseller.vm.backup" }
        #expect(backupJobs.count == Self.vmCount * Self.days)
        for id in ids {
            let ofVM = backupJobs.filter { $0["resourceId"]?.intValue == Int64(id) }
            #expect(ofVM.map { $0["status"] } == Array(repeating: "finished", count: Self.days))
            // Requested on January 2nd to 31st at 00:02:10, running 2 s later, ended 5 min after that.
            #expect(ofVM.map { $0["createdAt"] } == Self.januaryDays(at: "00:02:10"))
            #expect(ofVM.map { $0["startsAt"] } == Self.januaryDays(at: "00:02:12"))
            #expect(ofVM.map { $0["endedAt"] } == Self.januaryDays(at: "00:07:12"))
        }
        // Nothing is left to do but the next day's tasks.
        let timers = sandbox.request(.GET, "/_sandbox/jobs").json["timers"]?.arrayValue ?? []
        #expect(timers.count == Self.vmCount)
        #expect(timers.allSatisfy { $0["dueAt"] == "2030-02-01T00:02:10Z" })
    }

    /// `2030-01-02T<time>Z` ... `2030-01-31T<time>Z`: one for each day of backups.
    static func januaryDays(at time: String) -> [JSONValue] {
        (2...(Self.days + 1)).map { day in .string("2030-01-\(day < 10 ? "0" : "")\(day)T\(time)Z") }
    }
}
