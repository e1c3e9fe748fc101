import Foundation
import Testing

/// Real clients, to catch what hand-written bytes would not (curl's Expect dance, Python's framing).
extension ServerTests {
    @Suite struct ClientToolTests {
        static func run(_ executable: String, _ arguments: [String], input: String? = nil) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            let output = Pipe()
            process.standardOutput = output
            let stdin = Pipe()
            process.standardInput = stdin
            try process.run()
            if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
            try stdin.fileHandleForWriting.close()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }

        static var python: String? {
            let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
            return path.split(separator: ":").map { "\($0)/python3" }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
        }

        @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
        func curl() throws {
            let server = try TestServer()
            let body = String(repeating: "a", count: 2048)
            let base = "http://127.0.0.1:\(server.port)"
            let output = try Self.run("/usr/bin/curl", [
                // curl 7.x asks for 100-continue on its own above 1 KiB, newer ones only above
                // 1 MiB; the header makes it do so everywhere, and it then waits for our 100.
                "-s", "-i", "--max-time", "5", "--expect100-timeout", "5", "-H", "Expect: 100-continue",
                "--data-binary", "@-", "\(base)/post",
                "--next", "-s", "-i", "--max-time", "5", "\(base)/get",
            ], input: body)
            #expect(output.contains("HTTP/1.1 100 Continue"))
            #expect(output.contains("X-Expect: yes"))
            #expect(output.contains("X-Target: /post"))
            #expect(output.contains(body))
            #expect(output.contains("X-Target: /get"))
        }

        @Test(.enabled(if: ClientToolTests.python != nil))
        func pythonHTTPClient() throws {
            let server = try TestServer()
            let script = """
                import http.client
                c = http.client.HTTPConnection("127.0.0.1", \(server.port), timeout=5)
                c.request("GET", "/one"); r = c.getresponse(); print(r.status, r.getheader("X-Target"), r.read())
                c.request("POST", "/two", body=b"x" * 3000); r = c.getresponse(); print(r.status, len(r.read()))
                c.request("HEAD", "/big?bytes=7"); r = c.getresponse(); print(r.status, r.getheader("Content-Length"), r.read())
                c.request("GET", "/three", headers={"Connection": "close"}); r = c.getresponse(); print(r.status, r.getheader("Connection"))
                """
            let output = try Self.run(try #require(Self.python), ["-c", script])
            #expect(output == "200 /one b''\n200 3000\n200 7 b''\n200 close\n")
        }
    }
}
