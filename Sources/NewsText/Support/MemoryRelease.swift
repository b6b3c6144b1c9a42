/// Tunes glibc's allocator around a load: keeps freed memory for reuse while the load runs,
/// then returns what is free to the operating system (`malloc_trim`).
///
/// A load allocates and frees the same large scratch buffers once per segment (the postings
/// sort, the stream writers). By default glibc gives such blocks back to the system when they
/// are freed and maps fresh ones next time, so every segment pays page faults and page
/// clearing for memory it had a moment ago. While a load runs, `keepFreedMemory` raises the
/// thresholds so freed blocks stay in the heap; `trim` then hands back what the corpus does not
/// keep.
package enum MemoryRelease {
    /// Keeps blocks up to 32 MB (glibc's largest threshold) in the heap when they are freed,
    /// and does not shrink the heap while the load runs.
    package static func keepFreedMemory() {
        #if os(Linux)
        _ = glibcMallopt(mallocMmapThreshold, 32 << 20)
        _ = glibcMallopt(mallocTrimThreshold, Int32.max)
        #endif
    }

    /// Returns free heap memory to the system and restores the default trim threshold.
    package static func trim() {
        #if os(Linux)
        _ = glibcMallopt(mallocTrimThreshold, 128 << 10)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
// Glibc's Swift module does not import <malloc.h>; the symbols are part of glibc itself.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
/// `M_TRIM_THRESHOLD` and `M_MMAP_THRESHOLD` of <malloc.h>.
private let mallocTrimThreshold: Int32 = -1
private let mallocMmapThreshold: Int32 = -3
#endif
