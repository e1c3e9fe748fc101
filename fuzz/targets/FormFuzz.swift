import StructuredData

/// A form body decodes within PHP's limits to an object that the JSON writer and parser
/// carry unchanged (the journal and the APIs render decoded forms as JSON).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzForm(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let object = FormDecoder.decode(text)
    guard object.keys.count <= FormDecoder.maximumFields else { fatalError("more fields than the limit: \(object.keys.count)") }
    guard object == FormDecoder.decode(text) else { fatalError("decoding is not deterministic") }
    let value = JSONValue.object(object)
    let again: JSONValue
    do {
        again = try JSONParser.parse(JSONWriter.bytes(value))
    } catch {
        fatalError("decoded form does not survive JSON: \(error)\n\(JSONWriter.string(value))")
    }
    guard again == value else { fatalError("decoded form changed through JSON:\n\(value)\n\(again)") }
    return 0
}
