#if canImport(Glibc)
import Glibc
#endif

/// The few POSIX socket calls the server needs, with errors turned into `ServerError`.
enum Socket {
    static let nonBlockingFlags = Int32(SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue)

    /// A non-blocking listening socket on the first address `host` resolves to that binds.
    static func listen(host: String, port: Int) throws(ServerError) -> (fd: Int32, address: SocketAddress) {
        guard (0...65535).contains(port) else { throw ServerError("port \(port) is out of range 0-65535") }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw ServerError("cannot resolve host \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(first) }

        var lastError: Int32 = 0
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor?.pointee {
            cursor = info.ai_next
            let fd = socket(info.ai_family, info.ai_socktype | nonBlockingFlags, info.ai_protocol)
            guard fd >= 0 else { lastError = errno; continue }
            setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
            // "::" should also accept IPv4 clients, whatever the system default is.
            if info.ai_family == AF_INET6 { setOption(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, 0) }
            guard bind(fd, info.ai_addr, info.ai_addrlen) == 0, Glibc.listen(fd, SOMAXCONN) == 0 else {
                lastError = errno
                close(fd)
                continue
            }
            guard let address = SocketAddress.bound(to: fd) else {
                lastError = errno
                close(fd)
                continue
            }
            return (fd, address)
        }
        if lastError == EADDRINUSE { throw ServerError("port \(port) is already in use", code: lastError) }
        throw ServerError.system("cannot listen on \(host):\(port)", lastError)
    }

    /// A connected, non-blocking, close-on-exec socket, or -1 with `errno` set. (`accept4`
    /// is not visible through Swift's Glibc module, hence `accept` plus `fcntl`; the server
    /// never forks, so the close-on-exec gap does not matter.)
    static func accept(_ listener: Int32) -> Int32 {
        let fd = Glibc.accept(listener, nil, nil)
        guard fd >= 0 else { return fd }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        return fd
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) {
        var value = value
        _ = setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
    }
}
