import SQLiteStore
import SandboxTesting
import StructuredData
import Testing

/// A stored value the model does not know is a fault the request reports (500 in the API's
/// format, naming table, column and value), not a silent default.
@Suite struct StrictStorageTests {
    func corrupt(_ sandbox: TestSandbox, _ sql: String, id: Int) throws {
        try sandbox.application.runtime.database.write { try $0.run(sql, id) }
    }

    @Test func anUnknownVMStateIsA500NamingIt() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        try corrupt(sandbox, "UPDATE virtual_servers SET state = 'exploded' WHERE id = ?", id: id)
        for path in ["status", "config"] {
            let response = sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/\(path)")
            #expect(response.status == 500)
            let message = response.json["error"]?.stringValue ?? ""
            #expect(message.contains("virtual_servers.state holds 'exploded'"), "\(message)")
        }
    }

    @Test func anUnknownJobStatusIsA500NotAFailedJob() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.createVM()
        try corrupt(sandbox, "UPDATE jobs SET status = 'paused' WHERE id = ?", id: vm.jobId)
        let response = sandbox.request(.GET, "/api/v1/job/\(vm.jobId)")
        #expect(response.status == 500)
        #expect(response.json["error"]?.stringValue?.contains("jobs.status holds 'paused'") == true)
    }

    @Test func corruptJSONInAColumnIsA500() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        try corrupt(sandbox, "UPDATE virtual_servers SET ipv4 = '[\"185.244.0.1\"' WHERE id = ?", id: id)
        let response = sandbox.request(.GET, "/api/v1/datacenter/server/\(id)/config")
        #expect(response.status == 500)
        #expect(response.json["error"]?.stringValue?.contains("virtual_servers.ipv4 holds '[\"185.244.0.1\"', which is not JSON") == true)
    }

    @Test func anUnknownClockModeIsA500NotARealtimeClock() throws {
        let sandbox = try TestSandbox()
        _ = sandbox.runningVM()
        try sandbox.application.runtime.database.write {
            try $0.run("UPDATE tenants SET clock_mode = 'sundial' WHERE token = ?", sandbox.token)
        }
        let response = sandbox.request(.GET, "/api/v1/datacenter/server")
        #expect(response.status == 500)
        #expect(response.json["error"]?.stringValue?.contains("tenants.clock_mode holds 'sundial'") == true, "\(response.json)")
    }

    /// Before, a task with an unknown stored command was silently skipped for good.
    @Test func aDueTaskWithAnUnknownCommandIsA500NotASkip() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        sandbox.request(.POST, sandbox.server(id, "scheduled"), json: ["command": "RESTART", "interval": "DAILY"])
        try sandbox.application.runtime.database.write {
            try $0.run("UPDATE scheduled_tasks SET command = 'DANCE' WHERE server_id = ?", id)
        }
        let advanced = sandbox.advance(seconds: 86_400)
        #expect(advanced.status == 500)
        #expect(advanced.json["error"]?.stringValue?.contains("scheduled_tasks.command holds 'DANCE'") == true, "\(advanced.json)")
    }

    /// The lists of a VM read their stored enums strictly too.
    @Test func anUnknownSoftwareStatusOrTaskIntervalIsA500NamingIt() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.runningVMWithPassword()
        sandbox.request(.POST, "/api/v1/software/install", json: ["sid": .int(vm.id), "package": "mc", "password": .string(vm.password)])
        sandbox.request(.POST, sandbox.server(vm.id, "scheduled"), json: ["command": "RESTART", "interval": "DAILY"])
        try sandbox.application.runtime.database.write {
            try $0.run("UPDATE server_software SET status = 'melted' WHERE server_id = ?", vm.id)
            try $0.run("UPDATE scheduled_tasks SET interval = 'HOURLY' WHERE server_id = ?", vm.id)
        }
        for (path, problem) in [("software", "server_software.status holds 'melted'"), ("scheduled", "scheduled_tasks.interval holds 'HOURLY'")] {
            let response = sandbox.request(.GET, sandbox.server(vm.id, path))
            #expect(response.status == 500)
            #expect(response.json["error"]?.stringValue?.contains(problem) == true, "\(response.json)")
        }
    }
}
