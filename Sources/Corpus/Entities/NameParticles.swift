/// Arabic and similar names written with a lowercase particle joined by a hyphen to a
/// capitalised name: "al-Sabah", "el-Sisi", "bin-Talal", "ad-Din", "abu-Bakr". Such a word is a
/// capitalised name word for both the entity stage and the quotation stage, so "Sheikh Ali
/// al-Khalifa al-Sabah" stays one name instead of ending at "Ali".
enum NameParticles {
    /// The particles that may open such a word (lowercase ASCII, hyphen excluded).
    static let prefixes: [[UInt8]] = ["al", "el", "ad", "ar", "as", "ash", "at", "az", "ud", "bin", "ibn", "abu", "bint"].map { Array($0.utf8) }

    /// Whether the word in `start..<end` is a particle, a hyphen and a capital letter ("al-Sabah").
    static func isParticleName(_ base: UnsafePointer<UInt8>, start: Int, end: Int) -> Bool {
        guard end - start >= 4, base[start] >= 0x61, base[start] <= 0x7A else { return false }
        // Called for every lowercase word: the hyphen must come third, fourth or fifth.
        guard base[start + 2] == 0x2D || base[start + 3] == 0x2D || end - start > 4 && base[start + 4] == 0x2D else { return false }
        for prefix in prefixes {
            let n = prefix.count
            guard start + n + 1 < end, base[start + n] == 0x2D else { continue }
            var same = true
            for k in 0..<n where base[start + k] != prefix[k] {
                same = false
                break
            }
            if same {
                let c = base[start + n + 1]
                return c >= 0x41 && c <= 0x5A
            }
        }
        return false
    }
}
