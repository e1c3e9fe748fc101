import APIKit

extension Schema {
    /// Any JSON value: what a client sent or a model stored as it was (recorded request and
    /// response bodies, an injected fault's body, job outputs, timer payloads). The document
    /// shows one recursive component; the nesting below is only what answers are checked
    /// against, so values nested deeper than `checkedDepth` levels would fail that check.
    static let anyJSON: Schema = (0..<checkedDepth).reduce(Schema.nullable(.oneOf([.text, .number(), .boolean]))) { nested, _ in
        .named("AnyJSONValue", Schema.nullable(.oneOf([.text, .number(), .boolean, .array(nested), .map(nested)])).described("Any JSON value"))
    }

    private static let checkedDepth = 32
}
