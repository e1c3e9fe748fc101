import HTTP1
import SandboxTesting
import StructuredData
import Testing

@Suite struct ScheduledTaskTests {
    /// With the 130 s install, the VM runs from 2030-07-13T15:35:48Z.
    func vm(_ sandbox: TestSandbox) -> Int {
        sandbox.setNow("2030-07-13T15:33:38Z")
        return sandbox.runningVM()
    }

    @discardableResult
    func create(_ sandbox: TestSandbox, _ id: Int, _ command: String, _ interval: String) -> TestResponse {
        sandbox.request(
            .POST, sandbox.server(id, "scheduled"), json: ["command": .string(command), "interval": .string(interval)])
    }

    @Test func createdTaskIsListedInTheDocumentedShape() throws {
        let sandbox = try TestSandbox()
        let id = vm(sandbox)
        #expect(sandbox.request(.GET, sandbox.server(id, "scheduled")).json == ["result": []])
        #expect(create(sandbox, id, "BACKUP", "DAILY").json == ["result": true])
        let tasks = sandbox.tasks(id)
        #expect(tasks.count == 1)
        let task = tasks[0]
        #expect(task.objectValue?.keys == ["id", "interval", "command", "execution_last", "execution_next"])
        #expect(task["interval"] == "DAILY")
        #expect(task["command"] == "BACKUP")
        #expect(task["execution_last"] == .null)
        #expect(task["execution_next"] == "2030-07-14T15:35:48.000000Z")
        // Lower case is accepted and stored in the documented upper case; IDs rise.
        sandbox.request(.POST, sandbox.server(id, "scheduled"), form: "command=restart&interval=weekly")
        let second = sandbox.tasks(id)[1]
        #expect(second["command"] == "RESTART")
        #expect(second["interval"] == "WEEKLY")
        #expect(second["execution_next"] == "2030-07-20T15:35:48.000000Z")
        #expect((second["id"]?.intValue ?? 0) > (task["id"]?.intValue ?? 0))
    }

    static let refusals: [(body: JSONValue, message: String)] = [
        (["interval": "DAILY"], "command is required; command must be one of RESTART, BACKUP, SHUTDOWN, START"),
        (["command": "REBOOT", "interval": "DAILY"], "command must be one of RESTART, BACKUP, SHUTDOWN, START"),
        (["command": "START"], "interval is required; interval must be one of DAILY, TWODAYS, THREEDAYS, WEEKLY, TWOWEEKS, MONTHLY, TWOMONTHS, THREEMONTHS"),
        (["command": "START", "interval": "HOURLY"], "interval must be one of DAILY, TWODAYS, THREEDAYS, WEEKLY, TWOWEEKS, MONTHLY, TWOMONTHS, THREEMONTHS"),
        (["command": ["START"], "interval": "DAILY"], "command must be one of RESTART, BACKUP, SHUTDOWN, START"),
    ]

    @Test(arguments: 0..<refusals.count)
    func unknownCommandOrIntervalIs400(index: Int) throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        let response = sandbox.request(.POST, sandbox.server(id, "scheduled"), json: Self.refusals[index].body)
        #expect(response.status == 400)
        #expect(response.json == ["error": .string(Self.refusals[index].message)])
        #expect(sandbox.tasks(id).isEmpty)
    }

    @Test func aDailyRestartRunsEveryDayAndMovesOn() throws {
        let sandbox = try TestSandbox()
        let id = vm(sandbox)
        create(sandbox, id, "RESTART", "DAILY")
        sandbox.advance(seconds: 86_400 + 15 + 100)
        let task = sandbox.tasks(id)[0]
        #expect(task["execution_last"] == "2030-07-14T15:35:48.000000Z")
        #expect(task["execution_next"] == "2030-07-15T15:35:48.000000Z")
        // The graceful reboot took 15 s, 100 s ago.
        #expect(sandbox.request(.GET, sandbox.server(id, "status")).result["uptime"] == 100)
        sandbox.advance(seconds: 2 * 86_400)
        #expect(sandbox.tasks(id)[0]["execution_last"] == "2030-07-16T15:35:48.000000Z")
        #expect(sandbox.tasks(id)[0]["execution_next"] == "2030-07-17T15:35:48.000000Z")
    }

    @Test func shutdownAndStartTasksSwitchTheVM() throws {
        let sandbox = try TestSandbox()
        let id = vm(sandbox)
        create(sandbox, id, "SHUTDOWN", "TWODAYS")
        sandbox.advance(seconds: 86_400)
        create(sandbox, id, "START", "TWODAYS")
        sandbox.advance(seconds: 86_400 + 60)
        #expect(sandbox.vmState(id) == "stopped")
        sandbox.advance(seconds: 86_400)
        #expect(sandbox.vmState(id) == "running")
    }

    @Test func monthlyTasksFollowCalendarMonths() throws {
        let sandbox = try TestSandbox()
        sandbox.setNow("2032-01-31T09:57:50Z")
        let id = sandbox.runningVM()
        create(sandbox, id, "START", "MONTHLY")
        create(sandbox, id, "START", "THREEMONTHS")
        #expect(sandbox.tasks(id)[0]["execution_next"] == "2032-02-29T10:00:00.000000Z")
        #expect(sandbox.tasks(id)[1]["execution_next"] == "2032-04-30T10:00:00.000000Z")
        sandbox.setNow("2032-03-01T00:00:00Z")
        #expect(sandbox.tasks(id)[0]["execution_last"] == "2032-02-29T10:00:00.000000Z")
        #expect(sandbox.tasks(id)[0]["execution_next"] == "2032-03-29T10:00:00.000000Z")
    }

    @Test func aDailyBackupTaskMakesOneBackupPerDay() throws {
        let sandbox = try TestSandbox()
        let id = vm(sandbox)
        create(sandbox, id, "BACKUP", "DAILY")
        sandbox.advance(seconds: 3 * 86_400 + 400)
        let day: Int64 = 86_400
        let first: Int64 = 1_910_187_348 + day
        #expect(sandbox.backups(id) == [first + 2 * day, first + day, first])
        #expect(sandbox.tasks(id)[0]["execution_last"] == "2030-07-16T15:35:48.000000Z")
    }

    @Test func aBackupTaskIsSkippedWhileABackupRuns() throws {
        let sandbox = try TestSandbox()
        let id = vm(sandbox)
        create(sandbox, id, "BACKUP", "DAILY")
        sandbox.advance(seconds: 86_400 - 100)
        sandbox.request(.PUT, sandbox.server(id, "backups/create"))
        sandbox.advance(seconds: 400)
        #expect(sandbox.backups(id).count == 1)
        #expect(sandbox.tasks(id)[0]["execution_last"] == "2030-07-14T15:35:48.000000Z")
        #expect(sandbox.tasks(id)[0]["execution_next"] == "2030-07-15T15:35:48.000000Z")
        let events = sandbox.request(.GET, "/_sandbox/events?limit=1000").json["events"]?.arrayValue ?? []
        #expect(events.contains { $0["resourceType"] == "scheduled_task" && $0["to"] == "skipped" })
    }

    @Test func deleteRemovesTheTaskAndItsExecutions() throws {
        let sandbox = try TestSandbox()
        let id = vm(sandbox)
        let other = sandbox.runningVM()
        create(sandbox, id, "BACKUP", "DAILY")
        create(sandbox, id, "RESTART", "WEEKLY")
        create(sandbox, other, "RESTART", "DAILY")
        let tasks = sandbox.tasks(id).compactMap { $0["id"]?.intValue }
        let foreign = sandbox.tasks(other)[0]["id"]?.intValue ?? 0
        let wrongVM = sandbox.request(.DELETE, sandbox.server(id, "scheduled/\(foreign)"))
        #expect(wrongVM.status == 404)
        #expect(wrongVM.json == ["error": .string("Scheduled task \(foreign) of server \(id) not found")])
        #expect(sandbox.request(.DELETE, sandbox.server(id, "scheduled/\(tasks[0])")).json == ["result": true])
        #expect(sandbox.request(.DELETE, sandbox.server(id, "scheduled/\(tasks[0])")).status == 404)
        #expect(sandbox.tasks(id).compactMap { $0["id"]?.intValue } == [tasks[1]])
        sandbox.advance(seconds: 7 * 86_400 + 60)
        #expect(sandbox.backups(id).isEmpty)
        // The second VM's install moved the clock 130 s before the tasks were created.
        #expect(sandbox.tasks(id)[0]["execution_last"] == "2030-07-20T15:37:58.000000Z")
    }

    @Test func anotherTenantGets404() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        create(sandbox, id, "BACKUP", "DAILY")
        let task = sandbox.tasks(id)[0]["id"]?.intValue ?? 0
        let intruder = sandbox.intruder()
        for (method, path) in [(HTTPMethod.GET, "scheduled"), (.POST, "scheduled"), (.DELETE, "scheduled/\(task)")] {
            let response = sandbox.request(
                method, sandbox.server(id, path), token: .some(intruder), json: ["command": "START", "interval": "DAILY"])
            #expect(response.status == 404, "\(method) \(path): \(response.text)")
            #expect(response.json == ["error": .string("Server \(id) not found")])
        }
        #expect(sandbox.tasks(id).count == 1)
    }
}
