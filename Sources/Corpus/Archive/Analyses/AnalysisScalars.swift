extension StorageFileReader {
    /// The scalars section of an analysis file (its counts), checked as every analysis reader
    /// checks it before it trusts them: `count` values; the one at `documentsAt` the number of
    /// documents the file was written for, equal to `documents` (the archive's) when given, else
    /// any count below 2³¹; the ones at `counts` (quotes, entities, pairs…) below 2³¹. Anything
    /// else is a damaged file, named in the error.
    func analysisScalars(_ section: Int = 2, count: Int, documentsAt: Int, documents: Int?,
                         counts: [Int] = []) throws(ArchiveError) -> Column<UInt64> {
        let scalars = try column(section, of: UInt64.self)
        let limit = UInt64(Int32.max)
        guard scalars.count == count,
              documents.map({ scalars[documentsAt] == UInt64($0) }) ?? (scalars[documentsAt] < limit),
              counts.allSatisfy({ scalars[$0] < limit }) else {
            throw corrupted(documents.map { "its counts do not match the archive's \($0) documents" } ?? "its counts are damaged")
        }
        return scalars
    }
}
