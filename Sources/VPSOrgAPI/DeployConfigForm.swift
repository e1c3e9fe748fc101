import APIKit
import SandboxCore
import StructuredData
import VPSOrg

/// A deploy config described elsewhere than in a request (a scenario file), read through the
/// API's own declarations: the same fields, defaults and refusals as `POST /deploy-configs/`
/// and `POST .../env/`.
public enum DeployConfigForm {
    /// The config's fields besides `server_uuid`, which the description's place gives.
    public static let fieldNames = DeployConfigInput.documented.fields.map(\.name).filter { $0 != "server_uuid" }

    public static func settings(_ body: JSONObject, server: VPSServer) throws -> DeploySettings {
        var body = body
        body["server_uuid"] = .string(server.uuid)
        return try DeployConfigInput.settings(try DeployConfigInput.declaration(partial: false) { _ in server }.read(body: body))
    }

    /// `{NAME: value}` as `POST .../env/` reads its `vars`.
    public static func environment(_ vars: JSONValue) throws -> [(name: String, value: String)] {
        try DeployEnvironmentInput.set.read(body: ["vars": vars]).required(DeployEnvironmentInput.vars)
    }
}
