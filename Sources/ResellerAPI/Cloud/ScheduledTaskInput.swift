import APIKit
import Reseller
import StructuredData

/// The fields of a new scheduled task; the documents write the values in upper case, lower
/// case is read too.
public enum ScheduledTaskInput {
    static let command = choice("command", ScheduledTasks.Command.self)
        .documented("Command to execute", example: "BACKUP")
    static let interval = choice("interval", ScheduledTasks.Interval.self)
        .documented("Interval", example: "DAILY")

    static let declaration = InputDeclaration(.laravel, [AnyField(command), AnyField(interval)])

    /// A task given as an object (a scenario's), read like the body of `POST .../scheduled`.
    public static func task(body: JSONObject) throws -> (command: ScheduledTasks.Command, interval: ScheduledTasks.Interval) {
        let input = try declaration.read(body: body)
        return (try input.required(command), try input.required(interval))
    }

    private static func choice<Value: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _ type: Value.Type
    ) -> Field<Value> where Value.RawValue == String {
        let values = Value.allCases.map(\.rawValue)
        return Field(
            name, schema: .choice(values), kind: .choice, presence: .required,
            rule: "\(name) must be one of \(values.joined(separator: ", "))"
        ) { sent in
            guard let text = LenientValue.string(sent) else { return .wrongType }
            return Value(rawValue: text.uppercased()).map { .value($0) } ?? .refused(nil)
        }
    }
}
