import APIKit
import SandboxCore
import StructuredData
import Testing

@Suite struct InputDeclarationTests {
    static let cores = Field<Int>.integer("cpuCores", 1...32)
    static let name = Field<String>.string("name", length: 1...8)
    static let backups = Field<Bool>.boolean("backups", .optional)
    static let size = Field<String>.choice("size", ["S", "M"], .partial)
    static let laravel = InputDeclaration(.laravel, [AnyField(cores), AnyField(name), AnyField(backups), AnyField(size)])
    static let django = InputDeclaration(.django, [AnyField(cores), AnyField(name), AnyField(backups), AnyField(size)])

    @Test func validValuesAreReadLeniently() throws {
        let values = try Self.laravel.read(body: ["cpuCores": "2", "name": "web", "backups": "on", "size": "M"])
        #expect(values[Self.cores] == 2)
        #expect(values[Self.name] == "web")
        #expect(values[Self.backups] == true)
        #expect(try values.required(Self.size) == "M")
    }

    @Test func optionalFieldsMayBeNullOrEmpty() throws {
        let values = try Self.laravel.read(body: ["cpuCores": 2.0, "name": 12, "backups": .null])
        #expect(values[Self.cores] == 2)
        #expect(values[Self.name] == "12")
        #expect(values[Self.backups] == nil)
        #expect(!values.has(Self.size))
    }

    @Test func everyInvalidFieldIsNamedInOneRefusal() {
        do {
            _ = try Self.laravel.read(body: ["cpuCores": 99, "name": "far-too-long", "backups": "maybe", "size": ""])
            Issue.record("accepted")
        } catch let error as DomainError {
            #expect(error.kind == .invalidInput)
            #expect(error.fieldErrors.map(\.field) == ["cpuCores", "name", "backups", "size"])
            #expect(error.message == "cpuCores must be an integer between 1 and 32; name must be a string of 1 to 8 characters; backups must be a boolean (true/false, 1/0); size must be one of S, M")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func missingRequiredFieldsStateTheRule() {
        #expect(throws: DomainError.self) { try Self.laravel.read(body: [:]) }
        do {
            _ = try Self.laravel.read(body: [:])
        } catch let error as DomainError {
            #expect(error.message == "cpuCores is required; cpuCores must be an integer between 1 and 32; name is required; name must be a string of 1 to 8 characters")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func djangoWordsItsOwnMessages() {
        do {
            _ = try Self.django.read(body: ["cpuCores": "x", "name": .null, "backups": "maybe", "size": ""])
            Issue.record("accepted")
        } catch let error as DomainError {
            let messages = Dictionary(uniqueKeysWithValues: error.fieldErrors.map { ($0.field, $0.messages) })
            #expect(messages["cpuCores"] == ["A valid integer is required."])
            #expect(messages["name"] == ["This field may not be null."])
            #expect(messages["backups"] == ["Must be a valid boolean."])
            #expect(messages["size"] == ["This field is required."])
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func queryFieldsAreReadFromTheQuery() throws {
        let page = Field<Int>.integer("page", 1...100, .optional).inQuery
        let declaration = InputDeclaration(.laravel, [AnyField(page)])
        #expect(try declaration.read(body: [:]) { $0 == "page" ? "3" : nil }[page] == 3)
        #expect(declaration.queryFields.map(\.name) == ["page"])
        #expect(declaration.bodyFields.isEmpty)
    }
}
