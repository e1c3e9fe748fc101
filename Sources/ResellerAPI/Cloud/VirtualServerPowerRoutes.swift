import APIKit
import HTTP1
import Reseller

/// `PUT /datacenter/server/{sid}/start|shutdown|stop|reboot|reset|reboot/force`.
enum VirtualServerPowerRoutes {
    static func routes() -> [APIRoute] {
        VirtualServerPower.Action.allCases.map { action in
            .tenant(
                .PUT, "/datacenter/server/{sid:int}/\(action.rawValue)", "VM power: \(action.rawValue)",
                answer: ResellerAPI.result(.constant(true))
            ) { request, _ in
                try VirtualServerPower.perform(action, on: request.intParameter("sid"), in: request.context)
            }
        }
    }
}
