import APIKit
import StructuredData

/// DRF's `page` and `page_size` query parameters, which every VPS.org list takes.
enum PageInput {
    static let page = Field<String>(
        "page", in: .query, schema: .oneOf([.string(pattern: "^[0-9]+$"), .constant("last")]), kind: .string, presence: .optional,
        rule: "page must be a page number or last"
    ) { value in LenientValue.string(value).map { .value($0) } ?? .wrongType }
    static let pageSize = Field<String>(
        "page_size", in: .query, schema: .string(pattern: "^[0-9]+$"), kind: .string, presence: .optional,
        rule: "page_size: items per page, at most \(PageRequest.maximumSize); anything else gives \(PageRequest.defaultSize)"
    ) { value in LenientValue.string(value).map { .value($0) } ?? .wrongType }

    /// A list that reads nothing but its page.
    static let declaration = InputDeclaration(.django, [AnyField(page), AnyField(pageSize)])
}
