import Dispatch
import HTTP1
import SandboxCore
import Synchronization
import Testing

@testable import Sandbox

/// The access log's lines are built on its own queue from what each request left: none may
/// be lost, reordered or mislabelled on the way, across batches and threads.
@Suite struct AccessLogTests {
    /// A log whose output is kept, and the lines it received.
    final class Capture: Sendable {
        let bytes = Mutex<[UInt8]>([])
        var lines: [Substring] { String(decoding: bytes.withLock { $0 }, as: UTF8.self).split(separator: "\n") }

        func log(_ format: AccessLog.Format) -> AccessLog {
            AccessLog(format: format, enabled: true) { [self] written in bytes.withLock { $0 += written } }
        }
    }

    @Test func everyLineOfManyBatchesArrivesInOrder() {
        let capture = Capture()
        let log = capture.log(.text)
        let count = AccessLog.batchSize * 2 + 7
        for index in 0..<count {
            let token = index < count / 2 ? "first-tenant" : nil
            log.record(method: .GET, path: "/api/v1/job/\(index)"[...], token: token, status: 200, nanoseconds: 1_234_567)
        }
        log.flush()
        let lines = capture.lines
        #expect(lines.count == count)
        for (index, line) in lines.enumerated() {
            let fields = line.split(separator: " ")
            #expect(fields.count == 5, "\(line)")
            #expect(fields[0] == "GET")
            #expect(fields[1] == "/api/v1/job/\(index)"[...])
            #expect(fields[2] == "200")
            #expect(fields[3].wholeMatch(of: /[0-9]+\.[0-9]{2}ms/) != nil, "\(line)")
            #expect(fields[4] == (index < count / 2 ? "tenant=\(TenantLabel.of("first-tenant"))" : "tenant=-"))
        }
    }

    @Test func linesFromManyThreadsKeepEachThreadsOrder() {
        let capture = Capture()
        let log = capture.log(.text)
        let threads = 4
        let perThread = AccessLog.batchSize + 100
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in 0..<perThread {
                log.record(method: .POST, path: "/t/\(thread)/\(index)"[...], token: "token-\(thread)", status: 201, nanoseconds: 1_234_567)
            }
        }
        log.flush()
        let lines = capture.lines
        #expect(lines.count == threads * perThread)
        var next = [Int](repeating: 0, count: threads)
        for line in lines {
            let fields = line.split(separator: " ")
            let parts = fields[1].split(separator: "/")
            guard let thread = Int(parts[1]), let index = Int(parts[2]) else {
                Issue.record("unexpected line \(line)")
                continue
            }
            #expect(index == next[thread], "\(line)")
            #expect(fields[4] == "tenant=\(TenantLabel.of("token-\(thread)"))")
            next[thread] = index + 1
        }
        #expect(next == [Int](repeating: perThread, count: threads))
    }

    @Test func refusalsAndJSONLinesKeepTheirPlace() {
        let capture = Capture()
        let log = capture.log(.json)
        log.record(method: .GET, path: "/first"[...], token: "json-tenant", status: 200, nanoseconds: 1_234_567)
        log.protocolError(status: 431, reason: "header too large")
        log.record(method: .DELETE, path: "/third"[...], token: nil, status: 404, nanoseconds: 1_234_567)
        log.flush()
        let lines = capture.lines
        #expect(lines.count == 3)
        #expect(lines[0].contains(#""path":"/first""#) && lines[0].contains(#""tenant":"\#(TenantLabel.of("json-tenant"))""#))
        #expect(lines[1].contains(#""reason":"header too large""#) && lines[1].contains(#""status":431"#))
        #expect(lines[2].contains(#""method":"DELETE""#) && lines[2].contains(#""tenant":"-""#))
    }

    @Test func aDisabledLogWritesNothing() {
        let capture = Capture()
        let log = AccessLog(format: .text, enabled: false) { [capture] written in capture.bytes.withLock { $0 += written } }
        log.record(method: .GET, path: "/"[...], token: nil, status: 200, nanoseconds: 1_234_567)
        log.protocolError(status: 400, reason: "bad request")
        log.flush()
        #expect(capture.lines.isEmpty)
    }
}
