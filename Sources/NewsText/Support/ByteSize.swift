/// Byte counts written for people, in load warnings, limit messages and `dossier archive info`.
///
/// The units are binary (1 KB = 1,024 bytes, 1 MB = 1,048,576), as `--max-memory 512M` reads
/// them, so a limit is written back as it was given; docs/performance.md's figures are decimal.
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
