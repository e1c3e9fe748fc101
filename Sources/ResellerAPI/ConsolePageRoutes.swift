import APIKit
import HTTP1
import Reseller

/// The sandbox's own noVNC stand-in under `/novnc`, where console URLs point.
enum ConsolePageRoutes {
    static func routes(model: ResellerModel) -> [APIRoute] { [] }
}
