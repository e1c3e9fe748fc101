import Foundation
import Sandbox
import SandboxTesting
import Testing

/// The version is defined once (`SandboxApplication.version`); the changelog's latest entry
/// and the helpers' manifests say the same (docs/development.md, "Versions and releases").
@Suite struct VersionTests {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: checkout.appendingPathComponent(path), encoding: .utf8)
    }

    /// The first capture of `pattern` (matched line by line) in `text`.
    static func capture(_ pattern: String, in text: String) throws -> String? {
        let regex = try Regex(pattern).anchorsMatchLineEndings()
        guard let match = text.firstMatch(of: regex), let group = match.output[1].substring else { return nil }
        return String(group)
    }

    @Test func theChangelogsLatestEntryIsTheVersionThatVersionPrints() throws {
        let process = try SandboxProcess(arguments: ["--version"])
        try process.process.run()
        #expect(process.waitForExit() == 0)
        let printed = process.standardOutput().trimmingCharacters(in: .newlines)
        // Keep a Changelog: "## [Unreleased]" may come first; the latest release is the first
        // heading with a version number and a date.
        let latest = try Self.capture(#"^## \[([0-9]+\.[0-9]+\.[0-9]+[^\]]*)\] - [0-9]{4}-[0-9]{2}-[0-9]{2}$"#, in: Self.text("CHANGELOG.md"))
        #expect(latest != nil, "CHANGELOG.md has no entry like ## [1.2.3] - 2026-12-31")
        #expect(printed == "hosting-sandbox \(latest ?? "?")")
    }

    @Test(arguments: [
        ("clients/python/pyproject.toml", #"^version = "([^"]+)"$"#),
        ("clients/php/composer.json", #"^    "version": "([^"]+)",$"#),
        ("clients/js/package.json", #"^  "version": "([^"]+)",$"#),
    ])
    func aHelpersManifestStatesTheVersion(manifest: String, pattern: String) throws {
        let stated = try Self.capture(pattern, in: Self.text(manifest))
        #expect(stated == SandboxApplication.version, "\(manifest) says \(stated ?? "no version"), the sandbox is \(SandboxApplication.version)")
    }
}
