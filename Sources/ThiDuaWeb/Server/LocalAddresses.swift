#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// This machine's IPv4 addresses and host name, accepted as Host when serving the LAN.
public enum LocalAddresses {
    /// Non-loopback IPv4 addresses of the interfaces that are up, and the host name.
    public static func all() -> [String] {
        var result: [String] = []
        var list: UnsafeMutablePointer<ifaddrs>?
        if getifaddrs(&list) == 0, let first = list {
            var cursor: UnsafeMutablePointer<ifaddrs>? = first
            while let entry = cursor {
                if let address = entry.pointee.ifa_addr, Int32(address.pointee.sa_family) == AF_INET {
                    var buffer = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
                    var inet = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
                    inet_ntop(AF_INET, &inet, &buffer, socklen_t(buffer.count))
                    let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                    if !text.hasPrefix("127.") && !result.contains(text) { result.append(text) }
                }
                cursor = entry.pointee.ifa_next
            }
            freeifaddrs(first)
        }
        var name = [CChar](repeating: 0, count: 256)
        if gethostname(&name, name.count) == 0 {
            let host = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !host.isEmpty { result.append(host) }
        }
        return result
    }
}
