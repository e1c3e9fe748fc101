import Foundation
import SandboxCore
import Testing

@Suite struct SeedDirectoryTests {
    struct Offers: Decodable {
        struct Offer: Decodable { let id: Int; let price: Double }
        let offers: [Offer]
    }

    func directory(with files: [String: String]) throws -> SeedDirectory {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("seeds-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return SeedDirectory(path: folder.path)
    }

    @Test func brokenFixtureNamesFileAndField() throws {
        let seeds = try directory(with: ["offers.json": #"{"offers": [{"id": 1, "price": 3}, {"id": 2, "price": "cheap"}]}"#])
        do {
            _ = try seeds.load("offers.json", as: Offers.self)
            Issue.record("expected a seed-data error")
        } catch let error as SeedDataError {
            #expect(error.description.contains("offers.json"))
            #expect(error.description.contains("offers[1].price"))
        }
    }

    @Test func missingFileIsAClearError() throws {
        let seeds = try directory(with: [:])
        #expect(throws: SeedDataError.self) { try seeds.tokens() }
    }

    @Test func theShippedSeedDataLoads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let tokens = try SeedDirectory(path: root.appendingPathComponent("seed-data").path).tokens()
        #expect(tokens.contains(where: { $0.token == "sandbox-demo-token" }))
    }
}
