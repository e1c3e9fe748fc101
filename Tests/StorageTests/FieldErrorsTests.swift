import SandboxCore
import StructuredData
import Testing

@Suite struct FieldErrorsTests {
    @Test func everyRefusedFieldIsRecordedAndRefusedAtOnce() throws {
        var errors = FieldErrors()
        let cores = try errors.reading { () -> Int? in throw DomainError.invalid("cpuCores", "cpuCores must be an integer between 1 and 32") }
        let memory = try errors.reading { () -> Int? in throw DomainError.invalid("mem", "mem must be an integer between 512 and 4096") }
        let disk = try errors.reading { () -> Int? in 25 }
        errors.add("name", "This field is required.")
        #expect(cores == nil && memory == nil && disk == 25)
        #expect(errors.names("mem") && !errors.names("disk"))
        do {
            try errors.throwIfAny()
            Issue.record("no refusal")
        } catch let error as DomainError {
            #expect(error.kind == .invalidInput)
            #expect(error.message == "cpuCores must be an integer between 1 and 32; mem must be an integer between 512 and 4096; name: This field is required.")
            #expect(error.fieldErrors.map(\.field) == ["cpuCores", "mem", "name"])
        }
    }

    @Test func otherRefusalsEndTheReadingAndNoProblemsMeanNoRefusal() throws {
        var errors = FieldErrors()
        // do/catch rather than #expect(throws:)'s returned error, which needs Swift 6.1.
        do {
            _ = try errors.reading { () -> Int? in throw DomainError.notFound("Server 9 not found") }
            Issue.record("the refusal was swallowed")
        } catch let error as DomainError {
            #expect(error.kind == .notFound)
        }
        #expect(errors.isEmpty)
        try errors.throwIfAny()
        errors.add("parts[cpu]", "parts[cpu] is required")
        #expect(errors.names("parts"))
    }
}
