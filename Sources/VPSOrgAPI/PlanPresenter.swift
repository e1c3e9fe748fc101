import APIKit
import StructuredData
import VPSOrg

/// `GET /api/v1/plans/` items, as the clients' `format_plan` reads them. Prices are DRF
/// decimals, which DRF writes as strings ("12.00").
enum PlanPresenter {
    /// The figures the clients print of a plan; a server's detail shows them too.
    static let clientFigures: [PresentedProperty<Plan>] = [
        .int("ram", .integer(minimum: 1)) { $0.ram.amount },
        .string("ram_unit", .choice(["GB", "MB"])) { $0.ram.unit },
        .int("cpu", .integer(minimum: 1).described("vCPUs")) { $0.vcpus },
        .int("disk_space", .integer(minimum: 1).described("GB")) { $0.storage },
    ]

    static let decimal = Schema.string(pattern: "^[0-9]+\\.[0-9]+$")

    static let item = Presenter<Plan>.object(
        "VPSOrgCatalogPlan",
        [.string("uuid", .string(format: "uuid")) { $0.uuid }] + clientFigures + [
            .string("cpu_type_name") { $0.cpuType },
            .int("transfer", .integer(minimum: 0).described("GB per month")) { $0.bandwidth },
            .string("monthly_price", decimal.described("EUR per month")) { Decimal2.text($0.price, places: 2) },
            .string("hourly_price", decimal.described("EUR per hour")) { Decimal2.text($0.hourlyPrice, places: 4) },
            .int("id", .id.described("The documented plan_id")) { $0.id },
            .string("name") { $0.name },
        ])

    static let page = PagePresenter.page("VPSOrgPlanPage", item)
}

/// A DRF `DecimalField` value: fixed places, written as text.
enum Decimal2 {
    static func text(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let units = Int64((value * scale).rounded())
        let whole = String(units / Int64(scale))
        let fraction = String(units % Int64(scale))
        return whole + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
