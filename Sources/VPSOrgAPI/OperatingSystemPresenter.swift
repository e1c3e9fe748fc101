import APIKit
import StructuredData
import VPSOrg

/// `GET /api/v1/operating-systems/` items, as the clients' `format_os` reads them: a family
/// with its versions; each version also carries the documented `os_id` that names it.
enum OperatingSystemPresenter {
    static let version = Presenter<OperatingSystemFamily.Version>.object(
        "VPSOrgOperatingSystemVersion",
        [.string("uuid", .string(format: "uuid")) { $0.uuid }, .string("name") { $0.name }, .int("id", .id) { $0.id }])

    static let item = Presenter<OperatingSystemFamily>.object(
        "VPSOrgOperatingSystemFamily",
        [
            .string("uuid", .string(format: "uuid")) { $0.uuid }, .string("name") { $0.name },
            .nested("versions", version.list) { $0.versions },
        ])

    static let page = PagePresenter.page("VPSOrgOperatingSystemPage", item)
}
