// CMemoryHints is header-only (static inline functions Swift inlines); this file gives the
// target the source file SwiftPM requires.
#include "memory_hints.h"
