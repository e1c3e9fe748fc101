import HTTP1

/// The request parser must not depend on how bytes arrive: the same input fed whole, in
/// random pieces and one byte at a time gives the same requests and the same error.
/// (`100 Continue` events are left out: they depend, by design, on whether body bytes
/// arrived together with the head.)
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size > 0 ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    let whole = parse(bytes, pieces: [bytes.count])
    let byteByByte = parse(bytes, pieces: Array(repeating: 1, count: bytes.count))
    let split = parse(bytes, pieces: randomPieces(of: bytes))
    guard whole == byteByByte, whole == split else {
        fatalError("split-dependent parse:\nwhole: \(whole)\nbyte by byte: \(byteByByte)\nsplit: \(split)")
    }
    return 0
}

/// What a request is, compared field by field; derived views are read so they run too.
struct Outcome: Equatable, CustomStringConvertible {
    var text: String
    var description: String { text }

    init(_ request: HTTPRequest) {
        let headers = request.headers.fields.map { "\($0.name): \($0.value)" }.joined(separator: "|")
        let query = request.queryItems.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        text = "\(request.method) \(request.target) \(request.version) [\(headers)] body=\(request.body) "
            + "path=\(request.path) query=\(query) keepAlive=\(request.keepAlive)"
    }

    init(_ error: RequestParseError) { text = "failure \(error)" }
}

/// Small limits, so the fuzzer reaches them.
func parse(_ bytes: [UInt8], pieces: [Int]) -> [Outcome] {
    var parser = RequestParser(maxHeaderBytes: 512, maxBodyBytes: 2048)
    var outcomes: [Outcome] = []
    var offset = 0
    for length in pieces {
        parser.feed(bytes[offset..<(offset + length)])
        offset += length
        while let event = parser.next() {
            switch event {
            case .request(let request): outcomes.append(Outcome(request))
            case .failure(let error): outcomes.append(Outcome(error))
            case .expectContinue: continue
            }
        }
    }
    return outcomes
}

/// Piece lengths summing to `bytes.count`, from a generator seeded by the input, so a
/// crash reproduces from its input alone.
func randomPieces(of bytes: [UInt8]) -> [Int] {
    var state = bytes.reduce(UInt64(0x9E37_79B9_7F4A_7C15)) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    var pieces: [Int] = []
    var left = bytes.count
    while left > 0 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let length = min(left, Int((state >> 33) % 17) + 1)
        pieces.append(length)
        left -= length
    }
    return pieces
}
