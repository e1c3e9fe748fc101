#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A request body kept in an unnamed temporary file instead of memory, for the routes that
/// take documents of any size (snapshots): the parser writes each piece as it arrives and
/// keeps none, and the handler reads the whole through a read-only mapping, which the kernel
/// pages in and out as it is read, so a body costs the server no heap at all. The file has
/// no name from the start (`tmpfile`): nothing is left behind, whatever ends the process.
public final class SpooledBody: @unchecked Sendable {
    private let file: UnsafeMutablePointer<FILE>
    /// Bytes written so far. Written only by the parser, read by the handler after it.
    public private(set) var count = 0

    /// Nil when no temporary file can be made (no writable temporary folder).
    public init?() {
        guard let file = tmpfile() else { return nil }
        self.file = file
    }

    deinit { fclose(file) }

    /// Appends `bytes`; false when the disk refused them.
    func append(_ bytes: ArraySlice<UInt8>) -> Bool {
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        count += written
        return written == bytes.count
    }

    /// Runs `body` over the whole body, mapped read-only; the buffer is valid only inside.
    public func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T {
        guard count > 0 else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        guard fflush(file) == 0 else { throw MappingError(reason: "cannot flush the body: errno \(errno)") }
        guard let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, fileno(file), 0), mapped != MAP_FAILED else {
            throw MappingError(reason: "cannot map the body: errno \(errno)")
        }
        defer { munmap(mapped, count) }
        // Read once, front to back.
        _ = madvise(mapped, count, MADV_SEQUENTIAL)
        return try body(UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: count))
    }

    public struct MappingError: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }
}
