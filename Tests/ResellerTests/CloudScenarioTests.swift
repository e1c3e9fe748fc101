import HTTP1
import SandboxTesting
import StructuredData
import Testing

/// One VM's whole life across simulated days, through every extra endpoint.
@Suite struct CloudScenarioTests {
    @Test func aVMFromOrderToDeletion() throws {
        let sandbox = try TestSandbox()
        sandbox.setNow("2030-03-01T08:00:00Z")
        let created = sandbox.createVM()
        let id = created.id
        #expect(sandbox.vmState(id) == "installing")
        #expect(sandbox.request(.PUT, sandbox.server(id, "backups/create")).status == 409)
        sandbox.advance(seconds: 130)
        #expect(sandbox.vmState(id) == "running")
        let password = sandbox.rootPassword(installJob: created.jobId)
        let ip = sandbox.config(id)["ips"]?.strings.first ?? ""

        // Software: a wrong password fails the job, the right one installs.
        let body: JSONValue = ["sid|ip": .string(ip), "package": "nginx", "password": "hunter2"]
        let wrong = sandbox.request(.POST, "/api/v1/software/install", json: body)
        sandbox.advance(seconds: 62)
        #expect(sandbox.job(Int(wrong.result["jobId"]?.intValue ?? 0))["status"] == "failed")
        sandbox.request(
            .POST, "/api/v1/software/install", json: ["sid": .int(id), "package": "nginx", "password": .string(password)])
        sandbox.advance(seconds: 62)
        #expect(sandbox.software(id).map { $0["status"] } == ["installed"])

        // A first backup (08:04:14), listed once finished.
        #expect(sandbox.request(.PUT, sandbox.server(id, "backups/create")).json == ["result": true])
        sandbox.advance(seconds: 302)
        let first = sandbox.backups(id)
        #expect(first == [1_898_582_654])

        // ISO in and out.
        let iso = "ISOs:iso/debian-12.7.0-amd64-netinst-0.iso"
        #expect(sandbox.request(.POST, sandbox.server(id, "iso"), json: ["isoId": .string(iso)]).json
            == ["result": true, "rebooted": true])
        #expect(sandbox.config(id)["iso"] == .string(iso))
        #expect(sandbox.request(.DELETE, sandbox.server(id, "iso")).json == ["result": true])
        #expect(sandbox.config(id)["iso"] == .null)

        // A daily backup task over three simulated days: three more backups.
        sandbox.request(.POST, sandbox.server(id, "scheduled"), json: ["command": "BACKUP", "interval": "DAILY"])
        let task = sandbox.tasks(id)[0]
        #expect(task["execution_last"] == .null)
        #expect(task["execution_next"] == "2030-03-02T08:09:16.000000Z")
        sandbox.advance(seconds: 3 * 86_400 + 400)
        let stamps = sandbox.backups(id)
        #expect(stamps.count == 4)
        #expect(stamps.last == first[0])
        #expect(stamps[0] - stamps[1] == 86_400)
        #expect(sandbox.tasks(id)[0]["execution_last"] == "2030-03-04T08:09:16.000000Z")
        #expect(sandbox.tasks(id)[0]["execution_next"] == "2030-03-05T08:09:16.000000Z")

        // New password and more memory; then back to the first backup.
        sandbox.request(.PUT, sandbox.server(id, "password/reset"), json: ["password": "changed-42"])
        sandbox.request(.PUT, sandbox.server(id, "change"), json: ["mem": 8192])
        let restore = sandbox.request(.POST, sandbox.server(id, "backups/restore"), form: "backup=\(first[0])")
        #expect(restore.json == ["result": "pending"])
        #expect(sandbox.vmState(id) == "restoring")
        #expect(sandbox.request(.PUT, sandbox.server(id, "reboot")).status == 409)
        sandbox.advance(seconds: 182)
        #expect(sandbox.vmState(id) == "running")
        #expect(sandbox.config(id)["mem"] == 2048)
        // The restored root password is the one from before the reset.
        let check = sandbox.request(
            .POST, "/api/v1/software/install", json: ["sid": .int(id), "package": "git", "password": .string(password)])
        sandbox.advance(seconds: 62)
        #expect(sandbox.job(Int(check.result["jobId"]?.intValue ?? 0))["status"] == "finished")

        // Deleting a running VM needs force; then everything of it is gone.
        #expect(sandbox.request(.POST, sandbox.server(id, "delete")).status == 409)
        #expect(sandbox.request(.POST, sandbox.server(id, "delete"), json: ["force": true]).json == ["result": true])
        let paths: [(HTTPMethod, String)] = [
            (.GET, "backups/list"), (.GET, "backups/status"), (.PUT, "backups/create"), (.GET, "scheduled"),
            (.GET, "software"), (.GET, "iso"), (.GET, "config"),
        ]
        for (method, path) in paths {
            #expect(sandbox.request(method, sandbox.server(id, path)).status == 404, "\(path)")
        }
        let state = sandbox.request(.GET, "/_sandbox/state").json
        for table in ["server_backups", "scheduled_tasks", "server_software", "virtual_servers"] {
            #expect(state["tables"]?[table] == [], "\(table)")
        }
        let timers = sandbox.request(.GET, "/_sandbox/jobs").json["timers"]?.arrayValue ?? []
        #expect(timers.isEmpty)
        sandbox.advance(seconds: 2 * 86_400)
        #expect(sandbox.request(.GET, "/_sandbox/jobs?active=true").json["jobs"] == [])
    }
}
