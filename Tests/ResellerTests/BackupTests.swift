import HTTP1
import SandboxTesting
import StructuredData
import Testing

@Suite struct BackupTests {
    /// 2030-01-01T00:00:00Z; `runningVM` adds 130 s of install.
    static let start = "2030-01-01T00:00:00Z"
    static let ready: Int64 = 1_893_456_130

    @Test func createRunsOnTheClockAndListsTheFinishedBackup() throws {
        let sandbox = try TestSandbox()
        sandbox.setNow(Self.start)
        let id = sandbox.runningVM()
        #expect(sandbox.backupStatus(id) == ["status": "none", "progress": 0])
        let create = sandbox.request(.PUT, sandbox.server(id, "backups/create"))
        #expect(create.json == ["result": true])
        #expect(sandbox.backupStatus(id) == ["status": "pending", "progress": 0])
        sandbox.advance(seconds: 152)
        #expect(sandbox.backupStatus(id) == ["status": "running", "progress": 50])
        #expect(sandbox.request(.GET, sandbox.server(id, "backups/list")).json == ["result": []])
        sandbox.advance(seconds: 150)
        #expect(sandbox.backupStatus(id) == ["status": "finished", "progress": 100])
        #expect(sandbox.request(.GET, sandbox.server(id, "backups/list")).json == ["result": [.int(Self.ready)]])
        // Newest first.
        sandbox.advance(seconds: 100)
        sandbox.request(.PUT, sandbox.server(id, "backups/create"))
        sandbox.advance(seconds: 302)
        #expect(sandbox.backups(id) == [Self.ready + 402, Self.ready])
    }

    @Test func oneBackupAtATimeAndNotWhileInstalling() throws {
        let sandbox = try TestSandbox()
        let installing = sandbox.createVM()
        let refused = sandbox.request(.PUT, sandbox.server(installing.id, "backups/create"))
        #expect(refused.status == 409)
        #expect(refused.json["error"]?.stringValue?.contains("installing") == true)
        sandbox.advance(seconds: 130)
        #expect(sandbox.request(.PUT, sandbox.server(installing.id, "backups/create")).status == 200)
        let second = sandbox.request(.PUT, sandbox.server(installing.id, "backups/create"))
        #expect(second.status == 409)
        #expect(second.json["error"]?.stringValue?.contains("already running") == true)
        sandbox.advance(seconds: 302)
        #expect(sandbox.backups(installing.id).count == 1)
    }

    @Test func aCancelledBackupFailsAndTheNextOneInTheSameSecondMovesOn() throws {
        let sandbox = try TestSandbox()
        sandbox.setNow(Self.start)
        let id = sandbox.runningVM()
        sandbox.request(.PUT, sandbox.server(id, "backups/create"))
        sandbox.advance(seconds: 10)
        // A forced reset kills the VM's running tasks, the backup among them.
        sandbox.request(.PUT, sandbox.server(id, "reset"))
        #expect(sandbox.backupStatus(id)["status"] == "failed")
        sandbox.request(.PUT, sandbox.server(id, "backups/create"))
        sandbox.advance(seconds: 302)
        #expect(sandbox.backups(id) == [Self.ready + 10])
        sandbox.setNow("2030-01-01T00:10:00Z")
        sandbox.request(.PUT, sandbox.server(id, "backups/create"))
        sandbox.request(.PUT, sandbox.server(id, "reset"))
        sandbox.request(.PUT, sandbox.server(id, "backups/create"))
        sandbox.advance(seconds: 302)
        #expect(sandbox.backups(id).first == 1_893_456_601)
    }

    @Test func restorePutsTheBackedUpConfigurationBack() throws {
        let sandbox = try TestSandbox()
        sandbox.setNow(Self.start)
        let id = sandbox.runningVM()
        sandbox.request(.PUT, sandbox.server(id, "backups/create"))
        sandbox.advance(seconds: 302)
        #expect(sandbox.request(.PUT, sandbox.server(id, "change"), json: ["cpuCores": 4, "mem": 4096]).status == 200)
        let restore = sandbox.request(.POST, sandbox.server(id, "backups/restore"), json: ["backup": .int(Self.ready)])
        #expect(restore.json == ["result": "pending"])
        #expect(sandbox.vmState(id) == "restoring")
        for action in ["start", "stop", "reboot", "reset"] {
            #expect(sandbox.request(.PUT, sandbox.server(id, action)).status == 409)
        }
        #expect(sandbox.request(.PUT, sandbox.server(id, "backups/create")).status == 409)
        #expect(sandbox.request(.POST, sandbox.server(id, "backups/restore"), json: ["backup": .int(Self.ready)]).status == 409)
        sandbox.advance(seconds: 181)
        #expect(sandbox.vmState(id) == "restoring")
        sandbox.advance(seconds: 1)
        #expect(sandbox.vmState(id) == "running")
        #expect(sandbox.config(id)["cpuCores"] == 2)
        #expect(sandbox.config(id)["mem"] == 2048)
        #expect(sandbox.backups(id) == [Self.ready])
    }

    @Test func aStoppedVMIsStoppedAgainAfterTheRestore() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        sandbox.request(.PUT, sandbox.server(id, "backups/create"))
        sandbox.advance(seconds: 302)
        sandbox.request(.PUT, sandbox.server(id, "stop"))
        let stamp = sandbox.backups(id)[0]
        // Form bodies as PHP clients send them, the timestamp as digits.
        #expect(sandbox.request(.POST, sandbox.server(id, "backups/restore"), form: "backup=\(stamp)").status == 200)
        #expect(sandbox.vmState(id) == "restoring")
        sandbox.advance(seconds: 182)
        #expect(sandbox.vmState(id) == "stopped")
    }

    @Test func restoreAndDeleteRefuseUnknownOrMalformedBackups() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        for action in ["backups/restore", "backups/delete"] {
            let unknown = sandbox.request(.POST, sandbox.server(id, action), json: ["backup": 1_700_000_000])
            #expect(unknown.status == 404)
            #expect(unknown.json == ["error": .string("Backup 1700000000 of server \(id) not found")])
            let missing = sandbox.request(.POST, sandbox.server(id, action), json: [:])
            #expect(missing.status == 400)
            #expect(missing.json["error"]?.stringValue?.hasPrefix("backup is required") == true)
            let malformed = sandbox.request(.POST, sandbox.server(id, action), form: "backup=yesterday")
            #expect(malformed.status == 400)
            #expect(malformed.json["error"]?.stringValue?.hasPrefix("backup must be") == true)
        }
        #expect(sandbox.vmState(id) == "running")
    }

    @Test func deleteRemovesABackupButNotWhileItIsRestored() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        sandbox.request(.PUT, sandbox.server(id, "backups/create"))
        sandbox.advance(seconds: 302)
        sandbox.request(.PUT, sandbox.server(id, "backups/create"))
        sandbox.advance(seconds: 302)
        let stamps = sandbox.backups(id)
        #expect(stamps.count == 2)
        sandbox.request(.POST, sandbox.server(id, "backups/restore"), json: ["backup": .int(stamps[1])])
        let busy = sandbox.request(.POST, sandbox.server(id, "backups/delete"), json: ["backup": .int(stamps[1])])
        #expect(busy.status == 409)
        #expect(busy.json["error"]?.stringValue?.contains("being restored") == true)
        #expect(sandbox.request(.POST, sandbox.server(id, "backups/delete"), form: "backup=\(stamps[0])").json == ["result": true])
        sandbox.advance(seconds: 182)
        #expect(sandbox.request(.POST, sandbox.server(id, "backups/delete"), json: ["backup": .int(stamps[1])]).json == ["result": true])
        #expect(sandbox.backups(id) == [])
        #expect(sandbox.request(.POST, sandbox.server(id, "backups/delete"), json: ["backup": .int(stamps[1])]).status == 404)
    }

    static let endpoints: [(method: HTTPMethod, path: String)] = [
        (.PUT, "backups/create"), (.GET, "backups/status"), (.GET, "backups/list"),
        (.POST, "backups/restore"), (.POST, "backups/delete"),
    ]

    @Test func anotherTenantGets404OnEveryBackupEndpoint() throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        sandbox.request(.PUT, sandbox.server(id, "backups/create"))
        sandbox.advance(seconds: 302)
        let stamp = sandbox.backups(id)[0]
        let intruder = sandbox.intruder()
        for endpoint in Self.endpoints {
            let response = sandbox.request(
                endpoint.method, sandbox.server(id, endpoint.path), token: .some(intruder), json: ["backup": .int(stamp)])
            #expect(response.status == 404, "\(endpoint.path): \(response.text)")
            #expect(response.json == ["error": .string("Server \(id) not found")])
        }
        #expect(sandbox.backups(id) == [stamp])
        #expect(sandbox.vmState(id) == "running")
    }
}
