import HTTP1

/// Routes shaped like the emulated APIs' and the control plane's.
let router: Router<Int> = {
    var router = Router<Int>()
    let routes: [(HTTPMethod, String)] = [
        (.GET, "/v1/servers"), (.POST, "/v1/servers"), (.GET, "/v1/servers/{id:int}"),
        (.DELETE, "/v1/servers/{id:int}"), (.POST, "/v1/servers/{id:int}/actions/{action}"),
        (.GET, "/datacenter/server/{sid:int}/status"), (.PUT, "/datacenter/server/{sid:int}/name"),
        (.GET, "/_sandbox/tenants/{token}"), (.PATCH, "/_sandbox/tenants/{token}/clock"), (.GET, "/"),
    ]
    for (index, route) in routes.enumerated() { router.add(route.0, route.1, index) }
    return router
}()

let methods: [HTTPMethod] = [.GET, .HEAD, .POST, .PUT, .PATCH, .DELETE, .OPTIONS]

/// First byte: the method; the rest: the path. A match agrees with its pattern, a trailing
/// slash changes nothing, and a 405 never lists the method asked for.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRouter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard size > 0, let data else { return 0 }
    let method = methods[Int(data[0]) % methods.count]
    let path = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    let match = router.match(method, path: path[...])
    guard describe(match) == describe(router.match(method, path: (path + "/")[...])) else {
        fatalError("a trailing slash changed the match for \(method) \(path)")
    }
    switch match {
    case .found(let index, let parameters, let pattern):
        let route = router.routes[index]
        guard route.pattern == pattern, route.method == method || (method == .HEAD && route.method == .GET) else {
            fatalError("\(method) \(path) matched \(route.method) \(pattern)")
        }
        let segments = pattern.split(separator: "/")
        guard segments.count == path.split(separator: "/").count else { fatalError("\(path) matched \(pattern)") }
        for segment in segments where segment.hasSuffix(":int}") {
            let name = String(segment.dropFirst().dropLast(5))
            guard let value = parameters[name], Int(value) != nil, parameters.int(name) >= 0 else {
                fatalError("\(path): integer parameter \(name) is \(parameters[name] ?? "missing")")
            }
        }
    case .methodNotAllowed(let allowed):
        guard !allowed.isEmpty, !allowed.contains(method), !(method == .HEAD && allowed.contains(.GET)) else {
            fatalError("\(method) \(path): 405 allowing \(allowed)")
        }
    case .notFound:
        break
    }
    return 0
}

func describe(_ match: RouteMatch<Int>) -> String {
    switch match {
    case .found(let index, _, _): return "found \(index)"
    case .methodNotAllowed(let allowed): return "405 \(allowed)"
    case .notFound: return "404"
    }
}
