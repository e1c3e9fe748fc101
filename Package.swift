// swift-tools-version:6.0
import PackageDescription

// Layers, lowest first; the compiler enforces the arrows (see docs/design.md).
let package = Package(
    name: "HostingSandbox",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hosting-sandbox", targets: ["hosting-sandbox"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite3"])]
        ),
        // Linux's epoll, eventfd and timerfd, which Swift's Glibc module leaves out.
        .systemLibrary(name: "CEpoll"),
        .target(name: "StructuredData"),
        .target(name: "HTTP1", dependencies: ["StructuredData"]),
        .target(name: "HTTPServer", dependencies: ["HTTP1", "CEpoll"]),
        .target(name: "SQLiteStore", dependencies: ["CSQLite"]),
        .target(name: "SandboxCore", dependencies: ["SQLiteStore", "StructuredData"]),
        .target(name: "APIKit", dependencies: ["SandboxCore", "HTTP1"]),
        .target(name: "Reseller", dependencies: ["SandboxCore"]),
        .target(name: "ResellerAPI", dependencies: ["Reseller", "APIKit"]),
        .target(name: "VPSOrg", dependencies: ["SandboxCore"]),
        .target(name: "VPSOrgAPI", dependencies: ["VPSOrg", "APIKit"]),
        .target(name: "Scenarios", dependencies: ["Reseller", "ResellerAPI", "VPSOrg", "VPSOrgAPI"]),
        .target(name: "ControlPlane", dependencies: ["APIKit", "Reseller", "ResellerAPI", "Scenarios"]),
        .target(
            name: "Sandbox",
            dependencies: ["HTTPServer", "ResellerAPI", "VPSOrgAPI", "ControlPlane"]
        ),
        // `hosting-sandbox ctl`: a client of the control plane, knowing only HTTP and JSON.
        .target(name: "SandboxControl", dependencies: ["StructuredData"]),
        .systemLibrary(name: "CMalloc"),
        .executableTarget(
            name: "hosting-sandbox", dependencies: ["Sandbox", "SandboxControl", "CMalloc"],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
        ),

        .target(name: "SandboxTesting", dependencies: ["Sandbox", "HTTP1"], path: "Tests/SandboxTesting"),
        .testTarget(name: "HTTP1Tests", dependencies: ["HTTP1"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
        .testTarget(name: "APIKitTests", dependencies: ["APIKit"]),
        .testTarget(name: "StorageTests", dependencies: ["SQLiteStore", "SandboxCore"]),
        .testTarget(name: "SandboxTests", dependencies: ["SandboxTesting"], exclude: ["Clients"]),
        .testTarget(name: "ResellerTests", dependencies: ["SandboxTesting"]),
        .testTarget(name: "VPSOrgTests", dependencies: ["SandboxTesting"]),
        .testTarget(name: "ControlPlaneTests", dependencies: ["SandboxTesting"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)

// Release builds let each module's callers inline and specialize its code (generic closures,
// `Result`s, small accessors) across module boundaries: 9 % fewer instructions per request.
// On Linux they link the Swift runtime in (`-static-stdlib`, here and at the executable's
// link), as the release archive and the image always did: calls into it skip the PLT and
// its thread-locals need no `__tls_get_addr`, 3 us less CPU per request at one connection
// (docs/performance.md). Debug builds and tests are unchanged.
for target in package.targets where target.type == .regular || target.type == .executable {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
        .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
    ]
}

/// The target a dependency names, if it names one of this package's (by name or as a target).
func targetName(_ dependency: Target.Dependency) -> String? {
    switch dependency {
    case .targetItem(let name, _), .byNameItem(let name, _): name
    default: nil
    }
}

/// Appends to `found` the targets below `target`, nearest first, each once.
@MainActor func modulesBelow(_ target: Target, _ found: inout [String]) {
    for name in target.dependencies.compactMap(targetName) where !found.contains(name) {
        guard let below = package.targets.first(where: { $0.name == name }) else { continue }
        found.append(name)
        modulesBelow(below, &found)
    }
}

// Every module is built against every module below it, not only those it names: with code
// inlined across modules, a module holds code of modules it only reaches through others, and
// an incremental release build, which rebuilds the modules naming a changed one, left such
// code stale (a binary that crashed in code inlined from `SQLiteStore` into `Reseller`).
for target in package.targets {
    var below: [String] = []
    modulesBelow(target, &below)
    let named = target.dependencies.compactMap(targetName)
    target.dependencies += below.filter { !named.contains($0) }.map { .target(name: $0) }
}
