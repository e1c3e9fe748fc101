import Foundation
import Testing

/// A runnable block of the README or a page in `docs/`: a ```` ```sh ```` block right after a
/// `<!-- runnable -->` line (or `<!-- runnable with FLAGS -->`, the server's flags). Comment
/// lines starting with `# {` or `# [` show answers: some line the commands since the previous
/// answer printed must match each, `...` standing for any text (docs/development.md, "Docs
/// that run").
struct DocExample: Sendable, CustomTestStringConvertible {
    struct Line: Sendable {
        let number: Int
        let text: String
        var isAnswer: Bool { text.hasPrefix("# {") || text.hasPrefix("# [") }
    }

    /// The page, relative to the checkout.
    let page: String
    /// The line of the opening fence.
    let line: Int
    let flags: [String]
    let lines: [Line]

    var testDescription: String { "\(page):\(line)" }

    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every runnable block of README.md and docs/*.md.
    static func all() throws -> [DocExample] {
        let docs = checkout.appendingPathComponent("docs")
        let pages = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }.sorted()
        return try (["README.md"] + pages.map { "docs/\($0)" }).flatMap { page in
            try blocks(in: String(contentsOf: checkout.appendingPathComponent(page), encoding: .utf8), page: page)
        }
    }

    struct MalformedPage: Error, CustomStringConvertible {
        let description: String
    }

    static func blocks(in text: String, page: String) throws -> [DocExample] {
        let lines = text.components(separatedBy: "\n")
        var examples: [DocExample] = []
        var index = 0
        while index < lines.count {
            let marker = lines[index].trimmingCharacters(in: .whitespaces)
            index += 1
            guard marker.hasPrefix("<!-- runnable"), marker.hasSuffix("-->") else { continue }
            let settings = marker.dropFirst("<!-- runnable".count).dropLast("-->".count).trimmingCharacters(in: .whitespaces)
            guard settings.isEmpty || settings.hasPrefix("with ") else {
                throw MalformedPage(description: "\(page):\(index): write <!-- runnable --> or <!-- runnable with FLAGS -->")
            }
            let flags = settings.dropFirst("with ".count).split(separator: " ").map(String.init)
            guard index < lines.count, lines[index] == "```sh" else {
                throw MalformedPage(description: "\(page):\(index): a runnable marker must be followed by a ```sh block")
            }
            let fence = index + 1
            var body: [Line] = []
            index += 1
            while index < lines.count, lines[index] != "```" {
                body.append(Line(number: index + 1, text: lines[index]))
                index += 1
            }
            guard index < lines.count else { throw MalformedPage(description: "\(page):\(fence): the block is not closed") }
            examples.append(DocExample(page: page, line: fence, flags: flags, lines: body))
        }
        return examples
    }

    /// The block as bash runs it against `address`: after each run of answer lines it prints
    /// a marker line, so that the output splits into what each run of answers must match.
    func script(address: String) -> (text: String, answers: [[Line]]) {
        var text = ""
        var answers: [[Line]] = []
        for (position, line) in lines.enumerated() {
            text += line.text.replacingOccurrences(of: "127.0.0.1:8080", with: address) + "\n"
            guard line.isAnswer else { continue }
            if position > 0, lines[position - 1].isAnswer { answers[answers.count - 1].append(line) } else { answers.append([line]) }
            if position + 1 == lines.count || !lines[position + 1].isAnswer {
                text += "printf '\\n\(Self.marker)\\n'\n"
            }
        }
        return (text, answers)
    }

    static let marker = "@@docs-answer@@"

    /// Whether `output` matches the answer line's pattern whole, `...` standing for any text.
    static func matches(_ output: String, answer: Line) -> Bool {
        let parts = answer.text.dropFirst(2).components(separatedBy: "...")
        guard parts.count > 1 else { return output == parts[0] }
        guard output.hasPrefix(parts[0]) else { return false }
        var rest = output.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        return rest.hasSuffix(parts[parts.count - 1])
    }
}
