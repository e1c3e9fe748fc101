/// The monthly price of a VM, charged in advance on create (and the difference on upgrades):
/// 1.50 EUR per core + 0.50 EUR per GB RAM + 0.04 EUR per GB disk + 1.00 EUR per IPv4 address.
/// Example: 2 cores, 2048 MB, 25G, 1 IP = 3.00 + 1.00 + 1.00 + 1.00 = 6.00 EUR.
public enum VirtualServerPrice {
    public static func monthlyCents(cpuCores: Int, memoryMB: Int, diskGB: Int, ipCount: Int) -> Int64 {
        Int64(cpuCores * 150 + memoryMB * 50 / 1024 + diskGB * 4 + ipCount * 100)
    }
}
