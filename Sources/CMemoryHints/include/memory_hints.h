#ifndef DOSSIER_MEMORY_HINTS_H
#define DOSSIER_MEMORY_HINTS_H

/// Hints to the processor's memory system that Swift cannot express.
///
/// `dossier_prefetch` asks for the cache line holding `address` to be loaded ahead of use
/// (for reading, kept in all cache levels). The loader's term tables use it to overlap the
/// cache misses of hash-table probes: it hashes a run of tokens first, then prefetches the slot
/// of a token a few places ahead while it probes the current one. A prefetch never faults.
static inline __attribute__((always_inline)) void dossier_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
