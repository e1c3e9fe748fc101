// swift-tools-version:6.0
import PackageDescription

// Release builds let each module's callers inline and specialize its code (generic closures,
// `Result`s, small accessors) across module boundaries: a ninth fewer instructions per request
// (docs/performance.md). Debug builds and tests are unchanged.
let crossModule: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

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
        .target(name: "StructuredData", swiftSettings: crossModule),
        .target(name: "HTTP1", dependencies: ["StructuredData"], swiftSettings: crossModule),
        .target(name: "HTTPServer", dependencies: ["HTTP1", "CEpoll"], swiftSettings: crossModule),
        .target(name: "SQLiteStore", dependencies: ["CSQLite"], swiftSettings: crossModule),
        .target(name: "SandboxCore", dependencies: ["SQLiteStore", "StructuredData"], swiftSettings: crossModule),
        .target(name: "APIKit", dependencies: ["SandboxCore", "HTTP1"], swiftSettings: crossModule),
        .target(name: "Reseller", dependencies: ["SandboxCore"], swiftSettings: crossModule),
        .target(name: "ResellerAPI", dependencies: ["Reseller", "APIKit"], swiftSettings: crossModule),
        .target(name: "VPSOrg", dependencies: ["SandboxCore"], swiftSettings: crossModule),
        .target(name: "VPSOrgAPI", dependencies: ["VPSOrg", "APIKit"], swiftSettings: crossModule),
        .target(name: "Scenarios", dependencies: ["Reseller", "ResellerAPI", "VPSOrg", "VPSOrgAPI"], swiftSettings: crossModule),
        .target(name: "ControlPlane", dependencies: ["APIKit", "Reseller", "ResellerAPI", "Scenarios"], swiftSettings: crossModule),
        .target(
            name: "Sandbox",
            dependencies: ["HTTPServer", "ResellerAPI", "VPSOrgAPI", "ControlPlane"],
            swiftSettings: crossModule
        ),
        // `hosting-sandbox ctl`: a client of the control plane, knowing only HTTP and JSON.
        .target(name: "SandboxControl", dependencies: ["StructuredData"], swiftSettings: crossModule),
        .systemLibrary(name: "CMalloc"),
        .executableTarget(name: "hosting-sandbox", dependencies: ["Sandbox", "SandboxControl", "CMalloc"], swiftSettings: crossModule),

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
