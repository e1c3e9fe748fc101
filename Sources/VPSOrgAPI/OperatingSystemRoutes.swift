import APIKit
import HTTP1
import VPSOrg

/// `GET /api/v1/operating-systems/`: the images, grouped by family.
enum OperatingSystemRoutes {
    static func routes(model: VPSOrgModel) -> [APIRoute] {
        [
            .tenant(
                .GET, VPSOrgAPI.operatingSystems, "List operating systems and their versions (page, page_size)",
                input: OperatingSystemInput.list, answer: .json(OperatingSystemPresenter.page)
            ) { request, input in
                try PageRequest.page(of: model.catalog.operatingSystemFamilies, input, request: request.http)
            }
        ]
    }
}
