import Foundation
import SandboxTesting
import StructuredData
import Testing

/// Real clients, not ours: curl, Python's http.client and PHP Guzzle against the live server.
@Suite struct RealClientTests {
    static func tool(_ path: String) -> Bool { FileManager.default.isExecutableFile(atPath: path) }

    func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: tool("/usr/bin/curl")))
    func curlCreatesAVMWithAFormBodyAndReadsItsJob() throws {
        let sandbox = try TestSandbox()
        let base = "http://127.0.0.1:\(sandbox.port)"
        let created = try run("/usr/bin/curl", [
            "-s", "-X", "POST", "\(base)/api/v1/datacenter/server", "-H", "Authorization: Bearer \(sandbox.token)",
            "-H", "Accept: application/json",
            "-d", "template=Ubuntu20.04&cpuCores=2&mem=2048&disk=25G&ipCount=1&hostname=curl.example.com",
        ])
        let jobId = try JSONParser.parse(created.output)["result"]?["jobId"]?.intValue
        #expect(jobId != nil, "\(created.output)")
        sandbox.advance(seconds: 300)
        let job = try run("/usr/bin/curl", ["-s", "\(base)/api/v1/job/\(jobId ?? 0)", "-H", "Authorization: Bearer \(sandbox.token)"])
        #expect(try JSONParser.parse(job.output)["result"]?["status"] == "finished")
    }

    @Test(.enabled(if: tool("/usr/bin/python3")))
    func pythonHTTPClientWalksAVPSOrgServer() throws {
        let sandbox = try TestSandbox()
        let script = """
            import http.client, json, sys
            port, token = int(sys.argv[1]), sys.argv[2]
            c = http.client.HTTPConnection("127.0.0.1", port)
            h = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
            def call(method, path, body=None):
                c.request(method, path, body=json.dumps(body) if body is not None else None, headers=h)
                r = c.getresponse(); data = r.read()
                return r.status, (json.loads(data) if data else None)
            s, created = call("POST", "/api/v1/servers/", {"name": "py-01", "plan_id": 2, "os_id": 3, "location": "us-east"})
            assert s == 201 and created["status"] == "provisioning", (s, created)
            call("POST", "/_sandbox/clock/advance", {"seconds": 600})
            s, detail = call("GET", "/api/v1/servers/%d" % created["id"])
            assert s == 200 and detail["status"] == "active" and detail["ip_address"], detail
            s, stopped = call("POST", "/api/v1/servers/%d/stop/" % created["id"])
            assert s == 200 and stopped["server"]["status"] == "stopping", stopped
            s, _ = call("DELETE", "/api/v1/servers/%d/" % created["id"])
            assert s == 204
            s, gone = call("GET", "/api/v1/servers/%d/" % created["id"])
            assert s == 404 and gone == {"detail": "Not found."}, gone
            print("ok")
            """
        let result = try run("/usr/bin/python3", ["-c", script, String(sandbox.port), sandbox.token])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("ok"))
    }

    @Test(.enabled(if: tool("/usr/bin/php") && FileManager.default.fileExists(atPath: "/usr/share/php/GuzzleHttp/autoload.php")))
    func phpGuzzleClientUsesJSONAndFormBodies() throws {
        let sandbox = try TestSandbox()
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Clients/guzzle_lifecycle.php").path
        let result = try run("/usr/bin/php", [script, "http://127.0.0.1:\(sandbox.port)", sandbox.token])
        let summary = try JSONParser.parse(result.output.split(separator: "\n").last.map(String.init) ?? "")
        #expect(summary["createStatus"] == 200, "\(result.output)")
        #expect(summary["jobStatus"] == "queued")
        #expect(summary["jobAfter"] == "finished")
        #expect(summary["state"] == "running")
        #expect(summary["byodStatus"] == 200)
        #expect(summary["byodOrder"]?.intValue != nil)
        #expect(summary["orderStatus"] == 200)
        #expect(summary["dedicated"] == [["id": 9, "orderComplete": false]])
        #expect(summary["vpsCreateStatus"] == 201)
        #expect(summary["vpsStatus"] == "provisioning")
    }
}
