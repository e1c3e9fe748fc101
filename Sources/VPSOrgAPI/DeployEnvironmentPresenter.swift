import APIKit
import StructuredData
import VPSOrg

/// A config's environment: `{"env": {NAME: masked value}}`, and the answers of its changes.
enum DeployEnvironmentPresenter {
    static let environment = Presenter<DeployEnvironment>.object(
        "VPSOrgDeployEnvironment",
        [
            PresentedProperty("env", Schema.map(.text).described("Variable names and their masked values")) { environment in
                .object(JSONObject(environment.variables.map { ($0.name, .string(DeployEnvironment.masked($0.value))) }))
            }
        ])

    static let message = Presenter<String>.object("VPSOrgMessage", [.string("message") { $0 }])
}
