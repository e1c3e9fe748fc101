import APIKit
import SandboxCore
import StructuredData
import VPSOrg

/// `POST /deploy-configs/{uuid}/env/ {"vars": {NAME: value}}`: names as shell variables take
/// them; values text (numbers are read as their text, as `vps.yaml`'s `env:` may hold them).
enum DeployEnvironmentInput {
    static let maximumVariables = 100
    static let maximumValueLength = 10_000

    static let vars = Field<[(name: String, value: String)]>(
        "vars", schema: .map(.string(maxLength: maximumValueLength)), kind: .object, presence: .required,
        rule: "vars must be an object of variable names and their values"
    ) { value in
        guard let object = value.objectValue else {
            return .refused("Expected a dictionary of items but got type \"\(DeployConfigInput.pythonType(value))\".")
        }
        if object.entries.count > maximumVariables {
            return .refused("Ensure this field has no more than \(maximumVariables) variables.")
        }
        var variables: [(name: String, value: String)] = []
        var problems: [String] = []
        for (name, sent) in object.entries {
            if !DeployEnvironment.isValidName(name) {
                problems.append(
                    "\"\(name)\" is not a valid variable name: use letters, digits and underscores, not starting with a digit (at most 128).")
                continue
            }
            guard let text = LenientValue.string(sent) else {
                problems.append("\(name): Not a valid string.")
                continue
            }
            if text.count > maximumValueLength {
                problems.append("\(name): Ensure this value has no more than \(maximumValueLength) characters.")
                continue
            }
            variables.append((name, text))
        }
        return problems.isEmpty ? .value(variables) : .refused(problems.joined(separator: " "))
    }.documented("Variable names and values to set; others stay", example: ["DATABASE_URL": "postgres://app@localhost/app", "DEBUG": "0"])

    static let set = InputDeclaration(.django, [AnyField(vars)])
}
