/// Returns freed heap memory to the operating system (glibc's `malloc_trim`), after a load
/// that allocated and freed a lot of temporary buffers.
enum MemoryRelease {
    static func trim() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
// Glibc's Swift module does not import <malloc.h>; the symbol is part of glibc itself.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
