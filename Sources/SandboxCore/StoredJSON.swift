import StructuredData
import Synchronization

/// Recently read JSON column texts, parsed, by their text. Stored JSON is read far more often
/// than written (a job's output on every status poll, a server's reverse DNS in every list),
/// and parsing it again was most of reading such a row; looking the text up costs a hash.
/// Only short texts are kept, only what parsed, and the table starts afresh when full.
enum StoredJSON {
    static let longestKept = 512
    static let capacity = 2048
    private static let table = Mutex<[String: JSONValue]>([:])

    static func parse(_ text: String) throws -> JSONValue {
        let kept = text.utf8.count <= longestKept
        if kept, let parsed = table.withLock({ $0[text] }) { return parsed }
        let value = try JSONParser.parse(text)
        if kept {
            table.withLock { table in
                if table.count >= capacity { table.removeAll(keepingCapacity: true) }
                table[text] = value
            }
        }
        return value
    }
}
