import SandboxCore
import StructuredData
import Testing

@Suite struct InputFieldsTests {
    @Test func numbersAndBooleansCoerceLikeLaravel() throws {
        let fields = InputFields(["cores": "2", "mem": 2048.0, "force": 1, "deny": "true", "off": "0", "flag": false])
        #expect(try fields.int("cores") == 2)
        #expect(try fields.int("mem") == 2048)
        #expect(try fields.bool("force") == true)
        #expect(try fields.bool("deny") == true)
        #expect(try fields.bool("off") == false)
        #expect(try fields.bool("flag") == false)
        #expect(try fields.int("absent") == nil)
    }

    @Test func badValuesNameTheField() {
        let fields = InputFields(["cpuCores": "lots", "force": "maybe", "nested": ["a": 1]])
        #expect(throws: DomainError.self) { try fields.int("cpuCores") }
        do {
            _ = try fields.int("cpuCores", in: 1...32, required: true)
        } catch let error as DomainError {
            #expect(error.message == "cpuCores must be an integer between 1 and 32")
            #expect(error.fieldErrors.first?.field == "cpuCores")
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: DomainError.self) { try fields.bool("force") }
        #expect(throws: DomainError.self) { try fields.string("nested") }
        #expect(throws: DomainError.self) { try fields.requiredString("template") }
    }

    @Test func emptyStringsCountAsAbsent() throws {
        let fields = InputFields(["hostname": "", "location": .null])
        #expect(!fields.has("hostname"))
        #expect(try fields.string("location") == nil)
    }
}
