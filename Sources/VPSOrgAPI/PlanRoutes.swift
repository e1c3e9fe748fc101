import APIKit
import HTTP1
import VPSOrg

/// `GET /api/v1/plans/`: the plans a server can be created on or resized to.
enum PlanRoutes {
    static func routes(model: VPSOrgModel) -> [APIRoute] {
        [
            .tenant(.GET, VPSOrgAPI.plans, "List plans (page, page_size)", input: PlanInput.list, answer: .json(PlanPresenter.page)) {
                request, input in
                try PageRequest.page(of: model.catalog.plans, input, request: request.http)
            }
        ]
    }
}
