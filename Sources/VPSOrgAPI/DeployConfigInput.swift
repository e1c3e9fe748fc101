import APIKit
import SandboxCore
import StructuredData
import VPSOrg

/// The deploy-config endpoints' inputs, the fields the CLI's `vps deploy` posts, read as
/// Django REST framework reads a model serializer: every invalid field at once, DRF's
/// messages. The CLI sends `""` for what `vps.yaml` leaves out, so blank text is allowed
/// where a default exists (the app type's runtime and port, `/var/www/<name>`, `main`).
enum DeployConfigInput {
    static let name = Field<String>.string(
        "name", length: 1...100, trimmed: true, rule: "Ensure this field has no more than 100 characters."
    ).documented("The app's name; one config per server and name", example: "blog")

    static let appType = Field<AppType>(
        "app_type", schema: .choice(AppType.allCases.map(\.rawValue)), kind: .choice, presence: .required,
        rule: "app_type must be one of \(AppType.allCases.map(\.rawValue).joined(separator: ", "))"
    ) { value in
        guard let text = LenientValue.string(value) else { return .wrongType }
        return AppType(rawValue: text).map { .value($0) } ?? .refused("\"\(text)\" is not a valid choice.")
    }.documented("What the app is; decides the steps and the defaults", example: "python")

    static let runtimeVersion = text(
        "runtime_version", maxLength: 20, pattern: "^[0-9]+(\\.[0-9]+){0,2}$",
        rule: "Enter a version such as 3.12 or 20, or leave it blank for the app type's default.",
        accepts: { isVersion($0) }
    ).documented("Python or Node.js version; blank: 3.12 for python, 20 for node", example: "3.12")

    static let startCommand = text("start_command", maxLength: 1000)
        .documented("The command the app's service runs (python and node apps need one)", example: "gunicorn app.wsgi:application")

    static let buildCommands = list("build_commands", items: 50, itemLength: 1000)
        .documented("Commands run in order in the release directory", example: ["pip install -r requirements.txt"])

    static let domain = text(
        "domain", maxLength: 253, format: "hostname", rule: "Enter a valid domain name, or leave it blank.",
        accepts: { HostnameRule.fullyQualified.accepts($0) }
    ).documented("The domain nginx serves the app under", example: "blog.example.com")

    static let port = Field<Int>(
        "port", schema: .integer(minimum: 1, maximum: 65535), kind: .integer, presence: .optional,
        rule: "port must be an integer between 1 and 65535"
    ) { value in
        guard let number = LenientValue.int(value) else { return .wrongType }
        if number < 1 { return .refused("Ensure this value is greater than or equal to 1.") }
        if number > 65535 { return .refused("Ensure this value is less than or equal to 65535.") }
        return .value(number)
    }.documented("The port the app listens on locally; blank: 8000 python, 3000 node, 80 static", example: 8000)

    static let deployPath = text(
        "deploy_path", maxLength: 255, pattern: "^/[A-Za-z0-9._/-]*$",
        rule: "Enter an absolute path such as /var/www/blog (letters, digits, . _ - /; no ..), or leave it blank.",
        accepts: { isAbsolutePath($0) }
    ).documented("Where the app is deployed; blank: /var/www/<name>", example: "/var/www/blog")

    static let excludePaths = list("exclude_paths", items: 100, itemLength: 255)
        .documented("Paths left out of the release", example: [".git", "node_modules"])

    static let gitRepo = Field<String>.string(
        "git_repo", length: 1...500, trimmed: true,
        rule: "Enter a git repository URL (https://, http://, ssh://, git:// or user@host:path).", accepts: { isRepository($0) }
    ).documented("The repository cloned on every deployment", example: "https://github.com/example/blog.git")

    static let gitBranch = text(
        "git_branch", maxLength: 255, rule: "Enter a valid branch name, or leave it blank for main.", accepts: { isBranch($0) }
    ).documented("The branch deployed; blank: main", example: "main")

    /// One of the tenant's servers, by uuid (as the CLI sends it) or id.
    static func server(_ lookup: @escaping @Sendable (String) -> VPSServer?) -> Field<VPSServer> {
        Field<VPSServer>(
            "server_uuid", schema: .string(minLength: 1), kind: .string, presence: .required,
            rule: "server_uuid must be the uuid (or id) of one of your servers", trims: true
        ) { value in
            guard let sent = LenientValue.string(value) else { return .wrongType }
            let text = String(sent.trimmedWhitespace())
            return lookup(text).map { .value($0) } ?? .refused("Server \"\(text)\" not found.")
        }.documented("The uuid (or id) of one of your servers", example: "4f9c2a6e-1b7d-4c3e-9a51-2d8e6f0b7c41")
    }

    /// A create or `PUT` (the required fields required) or a `PATCH` (`partial`: any field);
    /// the server is looked up among the tenant's through `server`.
    static func declaration(partial: Bool, server: @escaping @Sendable (String) -> VPSServer?) -> InputDeclaration {
        func field<Value>(_ field: Field<Value>, required: Bool = false) -> AnyField {
            AnyField(field.presence(partial ? .partial : required ? .required : .optional))
        }
        let fields = [
            field(Self.server(server), required: true), field(name, required: true), field(appType, required: true),
            field(runtimeVersion), field(startCommand), field(buildCommands), field(domain), field(port), field(deployPath),
            field(excludePaths), field(gitRepo, required: true), field(gitBranch),
        ]
        return InputDeclaration(.django, fields, checks: partial ? [] : [{ values, errors in
            guard let type = values[appType], let problem = startProblem(type, values[startCommand] ?? "") else { return }
            if !errors.names("start_command") { errors.add("start_command", problem) }
        }])
    }

    /// For the OpenAPI document: the same fields, no lookup.
    static let documented = declaration(partial: false) { _ in nil }
    static let documentedPartial = declaration(partial: true) { _ in nil }

    /// The settings a create or `PUT` describes.
    static func settings(_ input: InputValues) throws -> DeploySettings {
        DeploySettings(
            name: try input.required(name), appType: try input.required(appType), runtimeVersion: input[runtimeVersion] ?? "",
            startCommand: input[startCommand] ?? "", buildCommands: input[buildCommands] ?? [], domain: input[domain] ?? "",
            port: input[port], deployPath: input[deployPath] ?? "", excludePaths: input[excludePaths] ?? [],
            gitRepo: try input.required(gitRepo), gitBranch: input[gitBranch] ?? "")
    }

    /// `settings` with what a `PATCH` sent; blank path and branch go back to their defaults.
    static func patched(_ settings: DeploySettings, _ input: InputValues) throws -> DeploySettings {
        let type = input[appType] ?? settings.appType
        let patched = DeploySettings(
            name: input[name] ?? settings.name, appType: type, runtimeVersion: input[runtimeVersion] ?? settings.runtimeVersion,
            startCommand: input[startCommand] ?? settings.startCommand, buildCommands: input[buildCommands] ?? settings.buildCommands,
            domain: input[domain] ?? settings.domain, port: input[port] ?? settings.port,
            deployPath: input[deployPath] ?? settings.deployPath, excludePaths: input[excludePaths] ?? settings.excludePaths,
            gitRepo: input[gitRepo] ?? settings.gitRepo, gitBranch: input[gitBranch] ?? settings.gitBranch)
        if let problem = startProblem(type, patched.startCommand) { throw DomainError.invalid("start_command", problem) }
        return patched
    }

    private static func startProblem(_ type: AppType, _ command: String) -> String? {
        type != .static && command.isEmpty ? "A start command is required for \(type.rawValue) apps." : nil
    }

    // MARK: Readings

    /// Text that may be blank (DRF's `CharField(allow_blank=True)`): `""` is a value.
    static func text(
        _ name: String, maxLength: Int, pattern: String? = nil, format: String? = nil, rule: String? = nil,
        accepts: (@Sendable (String) -> Bool)? = nil
    ) -> Field<String> {
        Field(
            name, schema: .string(maxLength: maxLength, pattern: pattern, format: format), kind: .any, presence: .optional,
            rule: rule ?? "Ensure this field has no more than \(maxLength) characters."
        ) { value in
            guard let sent = LenientValue.string(value) else { return .refused("Not a valid string.") }
            let text = String(sent.trimmedWhitespace())
            if text.count > maxLength { return .refused("Ensure this field has no more than \(maxLength) characters.") }
            if text.isEmpty { return .value("") }
            return accepts?(text) ?? true ? .value(text) : .refused(nil)
        }
    }

    /// A list of non-blank strings (DRF's `ListField(child=CharField())`).
    static func list(_ name: String, items: Int, itemLength: Int) -> Field<[String]> {
        Field(
            name, schema: .array(.string(minLength: 1, maxLength: itemLength)), kind: .array, presence: .optional,
            rule: "\(name) must be a list of at most \(items) non-blank strings of at most \(itemLength) characters"
        ) { value in
            guard let array = value.arrayValue else {
                return .refused("Expected a list of items but got type \"\(pythonType(value))\".")
            }
            if array.count > items { return .refused("Ensure this field has no more than \(items) elements.") }
            var strings: [String] = []
            for (index, item) in array.enumerated() {
                guard let text = LenientValue.string(item).map({ String($0.trimmedWhitespace()) }) else {
                    return .refused("Item \(index + 1): Not a valid string.")
                }
                if text.isEmpty { return .refused("Item \(index + 1): This field may not be blank.") }
                if text.count > itemLength {
                    return .refused("Item \(index + 1): Ensure this field has no more than \(itemLength) characters.")
                }
                strings.append(text)
            }
            return .value(strings)
        }
    }

    /// How Python names a JSON value's type, as DRF's messages do.
    static func pythonType(_ value: JSONValue) -> String {
        switch value {
        case .string: "str"
        case .int: "int"
        case .double: "float"
        case .bool: "bool"
        case .object: "dict"
        case .array: "list"
        case .null: "NoneType"
        }
    }

    private static func isVersion(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return (1...3).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    private static func isAbsolutePath(_ text: String) -> Bool {
        text.hasPrefix("/") && !text.split(separator: "/").contains("..")
            && text.utf8.allSatisfy { byte in
                (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || "._-/".utf8.contains(byte)
            }
    }

    /// A URL of a scheme git clones over, or scp-like `user@host:path`; no whitespace.
    private static func isRepository(_ text: String) -> Bool {
        guard !text.contains(where: \.isWhitespace) else { return false }
        for scheme in ["https://", "http://", "ssh://", "git://"] where text.hasPrefix(scheme) {
            return text.count > scheme.count + 2 && text.dropFirst(scheme.count).contains(where: { $0 != "/" })
        }
        guard let at = text.firstIndex(of: "@"), let colon = text[at...].firstIndex(of: ":") else { return false }
        return at != text.startIndex && text.index(after: at) < colon && text.index(after: colon) < text.endIndex
    }

    /// git's ref name rules, in short: no spaces, `~^:?*[\`, `..`, `@{`, leading `-` or `/`,
    /// trailing `/`, `.` or `.lock`.
    private static func isBranch(_ text: String) -> Bool {
        !text.hasPrefix("-") && !text.hasPrefix("/") && !text.hasSuffix("/") && !text.hasSuffix(".") && !text.hasSuffix(".lock")
            && !text.contains("..") && !text.contains("@{") && !text.contains("//")
            && text.unicodeScalars.allSatisfy { $0.value > 32 && $0.value != 127 && !"~^:?*[\\".unicodeScalars.contains($0) }
    }
}

extension DeployConfigInput {
    /// Reads back the server a declaration looked up.
    static let serverValue = server { _ in nil }

    /// `POST .../deploy/ {git_commit}`: blank deploys the branch's head.
    static let gitCommit = text(
        "git_commit", maxLength: 40, pattern: "^([0-9a-fA-F]{7,40})?$",
        rule: "Enter a commit hash of 7 to 40 hexadecimal digits, or leave it blank for the branch's head.",
        accepts: { text in text.count >= 7 && text.utf8.allSatisfy { (48...57).contains($0) || (65...70).contains($0) || (97...102).contains($0) } }
    ).documented("The commit to deploy; blank: the head of the config's branch", example: "3f2c1a9")

    static let deploy = InputDeclaration(.django, [AnyField(gitCommit)])
}
