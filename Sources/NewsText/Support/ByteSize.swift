/// Byte counts written for people, in load warnings and limit messages.
package enum ByteSize {
    /// `12 MB`, `3.5 GB`, `900 bytes`.
    package static func text(_ n: Int) -> String {
        let units: [(Double, String)] = [(1_073_741_824, "GB"), (1_048_576, "MB"), (1024, "KB")]
        for (scale, unit) in units where Double(n) >= scale {
            let value = Double(n) / scale
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? "\(Int(rounded)) \(unit)" : "\(rounded) \(unit)"
        }
        return "\(n) bytes"
    }
}
