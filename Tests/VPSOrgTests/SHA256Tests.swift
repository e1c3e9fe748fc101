import Foundation
import Testing
import VPSOrg

/// The hand-written SHA-256 against FIPS 180-4's examples and Python's hashlib at the padding
/// boundaries, and OpenSSH fingerprints against `ssh-keygen -lf`.
@Suite struct SHA256Tests {
    func hex(_ bytes: [UInt8]) -> String { bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined() }

    @Test func fipsExamples() {
        #expect(hex(SHA256.digest([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(SHA256.digest(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            hex(SHA256.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            hex(SHA256.digest([UInt8](repeating: 0x61, count: 1_000_000)))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around the block's 56-byte and 64-byte marks, where padding spills into a second block.
    @Test func paddingBoundaries() {
        let expected = [
            55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
            56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            63: "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
            64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
            65: "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0",
            119: "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb",
            120: "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c",
        ]
        for (length, digest) in expected {
            #expect(hex(SHA256.digest([UInt8](repeating: 0x61, count: length))) == digest, "length \(length)")
        }
    }

    /// Keys made by `ssh-keygen` and the fingerprints `ssh-keygen -lf` printed for them.
    static let keys = [
        ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGo0fbCEspUncwNEbEWR4VYjQBu//K5rePqzs2xYaXGc laptop",
         "SHA256:1YraWsmI1TeNVO4LO2stKc79xDAl/es3Nrx/zlrE7Jg"),
        ("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQCUCaQ1unoGOmYonoPA+F7si4wPnG2RN22RaouoDJiiCFKcAlDjtNYNhQSvbn4oxp2fvQRv4EnlDryV2MLbYiiy2wbNsJGZrCjHmAYkC+CLzY/GlYho9VFCKJOHLz5gBmPs6mQWgiSLOuphp0vOvrMF7PG16AZBNTeoopZPFHy20w== ci@runner",
         "SHA256:lo5B0c7oA6YLvDBxyBWPh4UqS9ZMVU3shA20QqVVv4k"),
        ("ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBL/KL+xq6Y2qK8UodViWKdmg3LVEm+BLSzp8GF17lDHYzUelscFx3ig4CjTlP2/Xwa3kPetLvEhWo2g27RvziW4=",
         "SHA256:XADK1SxC+tqIfU/fxSRp2/2lt6u+NoZLarPYqrT/c4Q"),
    ]

    @Test func fingerprintsAreThoseSSHKeygenPrints() throws {
        for (line, fingerprint) in Self.keys {
            #expect(try SSHPublicKey.parse(line).get().fingerprint == fingerprint)
        }
    }

    /// A fresh key each run, when `ssh-keygen` is installed.
    @Test func aFreshKeyMatchesSSHKeygenOnThisMachine() throws {
        let keygen = "/usr/bin/ssh-keygen"
        guard FileManager.default.isExecutableFile(atPath: keygen) else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sha256-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = directory.appendingPathComponent("key").path
        func run(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: keygen)
            process.arguments = arguments
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        for type in ["ed25519", "rsa"] {
            try? FileManager.default.removeItem(atPath: key)
            try? FileManager.default.removeItem(atPath: key + ".pub")
            _ = try run(["-q", "-t", type, "-N", "", "-C", "test", "-f", key])
            let line = try String(contentsOfFile: key + ".pub", encoding: .utf8)
            let printed = try run(["-lf", key + ".pub"]).split(separator: " ")[1]
            #expect(try SSHPublicKey.parse(line.trimmingCharacters(in: .whitespacesAndNewlines)).get().fingerprint == String(printed))
        }
    }
}
