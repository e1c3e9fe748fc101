import HTTP1
import SandboxTesting
import StructuredData
import Testing

@Suite struct SoftwareTests {
    @discardableResult
    func install(_ sandbox: TestSandbox, _ body: JSONValue, token: String? = nil) -> TestResponse {
        sandbox.request(.POST, "/api/v1/software/install", token: .some(token ?? sandbox.token), json: body)
    }

    func jobId(_ response: TestResponse) -> Int { Int(response.result["jobId"]?.intValue ?? -1) }

    @Test func listsTheCatalogue() throws {
        let sandbox = try TestSandbox()
        let packages = sandbox.request(.GET, "/api/v1/software/list").result.arrayValue ?? []
        #expect(packages.count == 13)
        #expect(packages.first == [
            "package": "mc", "name": "Midnight Commander", "version": "4.8.26",
            "description": "Text-mode file manager with a two-pane interface and built-in editor.",
        ])
    }

    @Test func installRunsAsAJobAndListsThePackage() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.runningVMWithPassword()
        let ip = sandbox.config(vm.id)["ips"]?.strings.first ?? ""
        let response = install(sandbox, ["sid": .int(vm.id), "package": "mc", "password": .string(vm.password)])
        #expect(response.result.objectValue?.keys == ["status", "jobId", "progress"])
        #expect(response.result["status"] == "queued")
        #expect(response.result["progress"] == 0)
        let listed = sandbox.software(vm.id)
        #expect(listed.count == 1)
        #expect(listed[0].objectValue?.keys == ["id", "status", "package", "version", "output", "ip", "created_at"])
        #expect(listed[0]["status"] == "installing")
        #expect(listed[0]["package"] == "mc")
        #expect(listed[0]["version"] == "4.8.26")
        #expect(listed[0]["output"] == .null)
        #expect(listed[0]["ip"] == .string(ip))
        #expect(listed[0]["created_at"]?.stringValue?.hasSuffix(".000000Z") == true)
        sandbox.advance(seconds: 62)
        #expect(sandbox.job(jobId(response))["status"] == "finished")
        #expect(sandbox.software(vm.id)[0]["status"] == "installed")
        #expect(sandbox.software(vm.id)[0]["output"] == .string("mc 4.8.26 installed on \(ip)"))
    }

    @Test func aWrongPasswordFailsTheJobAndARetryReplacesTheEntry() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.runningVMWithPassword()
        let ip = sandbox.config(vm.id)["ips"]?.strings.first ?? ""
        let wrong = install(sandbox, ["sid": .int(vm.id), "package": "git", "password": "guess"])
        #expect(wrong.status == 200)
        sandbox.advance(seconds: 62)
        let message = "Authentication failed: wrong root password for \(ip):22"
        #expect(sandbox.job(jobId(wrong)) == ["status": "failed", "progress": 99, "output": .string(message)])
        #expect(sandbox.software(vm.id)[0]["status"] == "failed")
        #expect(sandbox.software(vm.id)[0]["output"] == .string(message))
        install(sandbox, ["sid": .int(vm.id), "package": "git", "password": .string(vm.password)])
        sandbox.advance(seconds: 62)
        let listed = sandbox.software(vm.id)
        #expect(listed.count == 1)
        #expect(listed[0]["status"] == "installed")
    }

    @Test func theVMIsFoundBySidIpOrTheLiteralKey() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.runningVMWithPassword()
        let ip = sandbox.config(vm.id)["ips"]?.strings.first ?? ""
        let bodies: [JSONValue] = [
            ["ip": .string(ip), "package": "htop", "password": .string(vm.password)],
            ["sid|ip": .string(ip), "package": "nginx", "password": .string(vm.password), "port": 22],
            ["sid|ip": .string(String(vm.id)), "package": "redis", "password": .string(vm.password)],
        ]
        for body in bodies { #expect(install(sandbox, body).status == 200) }
        let form = "sid%7Cip=\(vm.id)&package=git&password=\(vm.password)&port=22"
        #expect(sandbox.request(.POST, "/api/v1/software/install", form: form).status == 200)
        sandbox.advance(seconds: 62)
        let listed = sandbox.software(vm.id)
        #expect(listed.compactMap { $0["package"]?.stringValue } == ["htop", "nginx", "redis", "git"])
        #expect(listed.allSatisfy { $0["status"] == "installed" })
    }

    static let refusals: [(body: JSONValue, status: Int, message: String)] = [
        (["package": "mc", "password": "x"], 400, "sid|ip is required"),
        (["sid": "web1", "package": "mc", "password": "x"], 400, "sid must be a server ID"),
        (["sid": 999_999, "package": "mc", "password": "x"], 404, "Server 999999 not found"),
        (["ip": "10.9.9.9", "package": "mc", "password": "x"], 404, "No server with IP address 10.9.9.9 found"),
        (["sid": "SID", "package": "emacs", "password": "x"], 400, "package must be one of GET /software/list"),
        (["sid": "SID", "password": "x"], 400, "package is required"),
        (["sid": "SID", "package": "mc"], 400, "password is required"),
        (["sid": "SID", "package": "mc", "password": "x", "port": 70_000], 400, "port must be an integer between 1 and 65535"),
        (["sid": "SID", "ip": "185.244.0.1", "package": "mc", "password": "x"], 404, "No server with IP address"),
    ]

    @Test(arguments: 0..<refusals.count)
    func badRequestsAreRefused(index: Int) throws {
        let sandbox = try TestSandbox()
        let id = sandbox.runningVM()
        let refusal = Self.refusals[index]
        var body = refusal.body.objectValue ?? [:]
        if body["sid"] == "SID" { body["sid"] = .int(id) }
        for path in ["install", "uninstall"] {
            let response = sandbox.request(.POST, "/api/v1/software/\(path)", json: .object(body))
            #expect(response.status == refusal.status, "\(path): \(response.text)")
            #expect(response.json["error"]?.stringValue?.hasPrefix(refusal.message) == true, "\(response.text)")
        }
        #expect(sandbox.software(id).isEmpty)
    }

    @Test func sidAndIpOfDifferentVMsAreRefused() throws {
        let sandbox = try TestSandbox()
        let first = sandbox.runningVM()
        let second = sandbox.runningVM()
        let ip = sandbox.config(second)["ips"]?.strings.first ?? ""
        let response = install(sandbox, ["sid": .int(first), "ip": .string(ip), "package": "mc", "password": "x"])
        #expect(response.status == 400)
        #expect(response.json == ["error": "sid and ip name different servers"])
    }

    @Test func installTwiceAndUninstallOfAMissingPackageAreConflicts() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.runningVMWithPassword()
        let body: JSONValue = ["sid": .int(vm.id), "package": "docker", "password": .string(vm.password)]
        let missing = sandbox.request(.POST, "/api/v1/software/uninstall", json: body)
        #expect(missing.status == 409)
        #expect(missing.json == ["error": .string("docker is not installed on server \(vm.id)")])
        install(sandbox, body)
        let busy = install(sandbox, body)
        #expect(busy.status == 409)
        #expect(busy.json == ["error": .string("docker is installing on server \(vm.id)")])
        sandbox.advance(seconds: 62)
        #expect(install(sandbox, body).json == ["error": .string("docker is installed on server \(vm.id)")])
    }

    @Test func uninstallRemovesThePackage() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.runningVMWithPassword()
        let body: JSONValue = ["sid": .int(vm.id), "package": "php", "password": .string(vm.password)]
        install(sandbox, body)
        sandbox.advance(seconds: 62)
        // A wrong password leaves the package installed, with the reason in `output`.
        sandbox.request(.POST, "/api/v1/software/uninstall", json: ["sid": .int(vm.id), "package": "php", "password": "nope"])
        #expect(sandbox.software(vm.id)[0]["status"] == "uninstalling")
        sandbox.advance(seconds: 32)
        #expect(sandbox.software(vm.id)[0]["status"] == "installed")
        #expect(sandbox.software(vm.id)[0]["output"]?.stringValue?.hasPrefix("Authentication failed") == true)
        let response = sandbox.request(.POST, "/api/v1/software/uninstall", json: body)
        #expect(response.result["status"] == "queued")
        sandbox.advance(seconds: 32)
        #expect(sandbox.job(jobId(response))["status"] == "finished")
        #expect(sandbox.software(vm.id).isEmpty)
    }

    @Test func theJobNeedsARunningVMItsSSHPortAndItsCurrentPassword() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.runningVMWithPassword()
        let ip = sandbox.config(vm.id)["ips"]?.strings.first ?? ""
        let port = install(sandbox, ["sid": .int(vm.id), "package": "mc", "password": .string(vm.password), "port": 2222])
        sandbox.advance(seconds: 62)
        #expect(sandbox.job(jobId(port))["output"] == .string(
            "Connection refused: nothing listens on \(ip):2222 (the server's SSH port is 22)"))
        let reset = install(sandbox, ["sid": .int(vm.id), "package": "mc", "password": .string(vm.password)])
        sandbox.request(.PUT, sandbox.server(vm.id, "password/reset"), json: ["password": "brand-new-1"])
        sandbox.advance(seconds: 62)
        #expect(sandbox.job(jobId(reset))["output"] == .string("Authentication failed: wrong root password for \(ip):22"))
        sandbox.request(.PUT, sandbox.server(vm.id, "stop"))
        let stopped = install(sandbox, ["sid": .int(vm.id), "package": "mc", "password": "brand-new-1"])
        sandbox.advance(seconds: 62)
        #expect(sandbox.job(jobId(stopped))["output"] == .string(
            "Connection timed out: \(ip):22 is not reachable (server \(vm.id) is stopped)"))
        #expect(sandbox.software(vm.id)[0]["status"] == "failed")
    }

    @Test func anotherTenantGets404() throws {
        let sandbox = try TestSandbox()
        let vm = sandbox.runningVMWithPassword()
        let ip = sandbox.config(vm.id)["ips"]?.strings.first ?? ""
        let intruder = sandbox.intruder()
        #expect(sandbox.request(.GET, sandbox.server(vm.id, "software"), token: .some(intruder)).json
            == ["error": .string("Server \(vm.id) not found")])
        for path in ["install", "uninstall"] {
            let bySid = sandbox.request(
                .POST, "/api/v1/software/\(path)", token: .some(intruder),
                json: ["sid": .int(vm.id), "package": "mc", "password": .string(vm.password)])
            #expect(bySid.status == 404)
            let byIP = sandbox.request(
                .POST, "/api/v1/software/\(path)", token: .some(intruder),
                json: ["sid|ip": .string(ip), "package": "mc", "password": .string(vm.password)])
            #expect(byIP.status == 404)
        }
        #expect(sandbox.software(vm.id).isEmpty)
    }
}
