import APIKit

/// What the forced-outcome routes read.
enum JobControlInput {
    /// Jobs belong to one tenant's clock, so there is no listing of every tenant's.
    static let all = Field<Bool>(
        "all", in: .query, schema: .constant(false), kind: .boolean, presence: .optional,
        rule: "jobs are listed per tenant: send that tenant's Bearer token instead of ?all=true"
    ) { value in
        guard let flag = LenientValue.bool(value) else { return .wrongType }
        return flag ? .refused(nil) : .value(false)
    }.documented("Only false: jobs are listed per tenant")

    static let active = Field<Bool>.boolean("active", .optional).inQuery
        .documented("true: only queued and running jobs", example: true)

    static let list = InputDeclaration(.laravel, [AnyField(all), AnyField(active)])

    static let output = Field<String>.string(
        "output", .optional, rule: "output must be a text of at most 10000 bytes", accepts: { $0.utf8.count <= 10_000 }
    ).documented("The failed job's output (default: Failed by the sandbox control plane.)", example: "disk array on fire")

    static let fail = InputDeclaration(.laravel, [AnyField(output)])
}
