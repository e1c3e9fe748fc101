import HTTP1
import SandboxTesting
import StructuredData
import Testing

/// `POST /software/install` and `/software/uninstall` on dedicated servers, as a PHP panel
/// integration sends them: `{"ip": <the server's IP>, "package", "password", "port"}`.
@Suite struct DedicatedSoftwareTests {
    typealias Fixture = DedicatedFixture

    /// A delivered dedicated server, its first IP and root password.
    func deliveredServer(_ sandbox: TestSandbox, token: String? = nil) -> (id: Int, ip: String, password: String) {
        let id = Fixture.deliveredServer(sandbox, token: token)
        let config = sandbox.request(.GET, Fixture.path(id, "config"), token: .some(token ?? sandbox.token)).result
        return (id, config["ips"]?.strings.first ?? "", config["ssh"]?["root"]?["password"]?.stringValue ?? "")
    }

    @discardableResult
    func send(_ sandbox: TestSandbox, _ action: String, _ body: JSONValue, token: String? = nil) -> TestResponse {
        sandbox.request(.POST, "/api/v1/software/\(action)", token: .some(token ?? sandbox.token), json: body)
    }

    func jobId(_ response: TestResponse) -> Int { Int(response.result["jobId"]?.intValue ?? -1) }

    @Test func installByIPRunsAsAJobAndUninstallRemovesThePackage() throws {
        let sandbox = try TestSandbox()
        let server = deliveredServer(sandbox)
        let body: JSONValue = ["ip": .string(server.ip), "package": "mc", "password": .string(server.password), "port": 22]
        let install = send(sandbox, "install", body)
        #expect(install.status == 200, "\(install.text)")
        #expect(install.result["status"] == "queued")
        #expect(sandbox.job(jobId(install))["status"] == "queued")
        sandbox.advance(seconds: 62)
        #expect(sandbox.job(jobId(install)) == [
            "status": "finished", "progress": 100, "output": .string("mc 4.8.26 installed on \(server.ip)"),
        ])
        #expect(send(sandbox, "install", body).json == ["error": .string("mc is installed on server \(server.id)")])

        let uninstall = send(sandbox, "uninstall", body)
        #expect(uninstall.result["status"] == "queued")
        sandbox.advance(seconds: 32)
        #expect(sandbox.job(jobId(uninstall))["status"] == "finished")
        #expect(sandbox.job(jobId(uninstall))["output"] == .string("mc 4.8.26 uninstalled from \(server.ip)"))
        #expect(send(sandbox, "uninstall", body).json == ["error": .string("mc is not installed on server \(server.id)")])
    }

    @Test func installByIDUsesTheServersFirstAddress() throws {
        let sandbox = try TestSandbox()
        let server = deliveredServer(sandbox)
        for key in ["sid", "sid|ip"] {
            let package = key == "sid" ? "git" : "htop"
            let response = send(
                sandbox, "install", [key: .int(server.id), "package": .string(package), "password": .string(server.password)])
            #expect(response.status == 200, "\(response.text)")
            sandbox.advance(seconds: 62)
            #expect(sandbox.job(jobId(response))["output"]?.stringValue?.hasSuffix("installed on \(server.ip)") == true)
        }
    }

    @Test func aWrongPasswordFailsTheJobAndARetryReplacesIt() throws {
        let sandbox = try TestSandbox()
        let server = deliveredServer(sandbox)
        let wrong = send(sandbox, "install", ["ip": .string(server.ip), "package": "nginx", "password": "guess"])
        #expect(wrong.status == 200)
        sandbox.advance(seconds: 62)
        #expect(sandbox.job(jobId(wrong)) == [
            "status": "failed", "progress": 99,
            "output": .string("Authentication failed: wrong root password for \(server.ip):22"),
        ])
        let retry = send(sandbox, "install", ["ip": .string(server.ip), "package": "nginx", "password": .string(server.password)])
        sandbox.advance(seconds: 62)
        #expect(sandbox.job(jobId(retry))["status"] == "finished")
    }

    @Test func aServerThatIsNotReadyIs409() throws {
        let sandbox = try TestSandbox()
        Fixture.order(sandbox)
        // The API shows no address before delivery; the control plane's overview does.
        let servers = sandbox.request(.GET, "/_sandbox/overview").json["tenants"]?.arrayValue?.first?["servers"]?.arrayValue ?? []
        let ip = try #require(servers.first { $0["resourceType"] == "dedicated_server" }?["ips"]?.strings.first)
        for body: JSONValue in [
            ["sid": .int(Fixture.quickOffer), "package": "mc", "password": "x"], ["ip": .string(ip), "package": "mc", "password": "x"],
        ] {
            let response = send(sandbox, "install", body)
            #expect(response.status == 409, "\(response.text)")
            #expect(Fixture.error(response).hasPrefix("Dedicated server \(Fixture.quickOffer) is not ready"))
        }
        // Delivered but being reinstalled: not ready either.
        sandbox.advance(seconds: 3_600)
        sandbox.request(.PUT, Fixture.path(Fixture.quickOffer, "reinstall"), json: ["template": .string(Fixture.template)])
        let reinstalling = send(sandbox, "install", ["ip": .string(ip), "package": "mc", "password": "x"])
        #expect(reinstalling.status == 409)
        #expect(Fixture.error(reinstalling).hasPrefix("Dedicated server \(Fixture.quickOffer) is being reinstalled"))
    }

    @Test func aServerThatGoesDownBeforeTheJobRunsFailsIt() throws {
        let sandbox = try TestSandbox()
        let server = deliveredServer(sandbox)
        let install = send(sandbox, "install", ["sid": .int(server.id), "package": "mc", "password": .string(server.password)])
        sandbox.request(.PUT, Fixture.path(server.id, "shutdown"))
        sandbox.advance(seconds: 62)
        #expect(sandbox.job(jobId(install))["output"] == .string(
            "Connection timed out: \(server.ip):22 is not reachable (server \(server.id) is halted)"))
    }

    @Test func anotherTenantsServerIs404() throws {
        let sandbox = try TestSandbox()
        let server = deliveredServer(sandbox)
        let intruder = sandbox.intruder()
        for action in ["install", "uninstall"] {
            let byId = send(
                sandbox, action, ["sid": .int(server.id), "package": "mc", "password": .string(server.password)], token: intruder)
            #expect(byId.status == 404)
            #expect(byId.json == ["error": .string("Server \(server.id) not found")])
            let byIP = send(
                sandbox, action, ["ip": .string(server.ip), "package": "mc", "password": .string(server.password)], token: intruder)
            #expect(byIP.status == 404)
            #expect(byIP.json == ["error": .string("No server with IP address \(server.ip) found")])
        }
    }

    @Test func terminatingTheServerTakesItsPackagesAlong() throws {
        let sandbox = try TestSandbox()
        let server = deliveredServer(sandbox)
        send(sandbox, "install", ["sid": .int(server.id), "package": "mc", "password": .string(server.password)])
        sandbox.advance(seconds: 62)
        #expect(sandbox.request(.POST, Fixture.path(server.id, "terminate")).json == ["result": true])
        let again = deliveredServer(sandbox)
        #expect(again.id == server.id)
        let install = send(sandbox, "install", ["sid": .int(again.id), "package": "mc", "password": .string(again.password)])
        #expect(install.result["status"] == "queued", "\(install.text)")
    }
}
