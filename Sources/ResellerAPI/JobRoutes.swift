import APIKit
import HTTP1
import Reseller

enum JobRoutes {
    static func routes() -> [APIRoute] {
        [
            .tenant(.GET, "/job/{jobId:int}", "Job status", answer: ResellerAPI.result(JobPresenter.state)) { request, _ in
                try JobStatus.describe(request.intParameter("jobId"), in: request.context)
            }
        ]
    }
}
