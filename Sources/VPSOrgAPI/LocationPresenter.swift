import APIKit
import StructuredData
import VPSOrg

/// `GET /api/v1/locations/` items, as the clients' `format_location` reads them, and the
/// `code` the document's `location` takes.
enum LocationPresenter {
    static let item = Presenter<DatacenterLocation>.object(
        "VPSOrgLocation",
        [
            .int("id", .id) { $0.id }, .string("name") { $0.name }, .string("country_name") { $0.countryName },
            .string("country_code", .string(pattern: "^[A-Z]{2}$")) { $0.countryCode }, .bool("is_active") { $0.isActive },
            .string("code") { $0.code },
        ])

    static let page = PagePresenter.page("VPSOrgLocationPage", item)
}
