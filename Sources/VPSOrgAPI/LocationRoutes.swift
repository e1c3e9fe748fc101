import APIKit
import HTTP1
import VPSOrg

/// `GET /api/v1/locations/`: the data centres.
enum LocationRoutes {
    static func routes(model: VPSOrgModel) -> [APIRoute] {
        [
            .tenant(
                .GET, VPSOrgAPI.locations, "List locations (page, page_size)", input: LocationInput.list,
                answer: .json(LocationPresenter.page)
            ) { request, input in
                try PageRequest.page(of: model.catalog.locations, input, request: request.http)
            }
        ]
    }
}
