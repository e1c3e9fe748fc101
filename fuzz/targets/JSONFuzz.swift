import StructuredData

/// Whatever parses writes back to text that parses to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size > 0 ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    guard let value = try? JSONParser.parse(bytes) else { return 0 }
    let written = JSONWriter.bytes(value)
    let again: JSONValue
    do {
        again = try JSONParser.parse(written)
    } catch {
        fatalError("written JSON does not parse: \(error)\n\(JSONWriter.string(value))")
    }
    guard again == value else { fatalError("round trip changed the value:\n\(value)\n\(again)") }
    return 0
}
