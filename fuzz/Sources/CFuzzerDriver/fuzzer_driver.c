// The header declares LLVMFuzzerRunDriver, from libFuzzer's runtime (linked by -sanitize=fuzzer).
#include "fuzzer_driver.h"
#include <stdio.h>
#include <stdlib.h>

// libFuzzer's own main (FuzzerMain.o) comes along with its runtime and calls this function. Each
// target has its own main (FuzzTarget.run, which calls LLVMFuzzerRunDriver), so that main is never
// used: SwiftPM links `main` to the target's. In a release build the linker drops libFuzzer's main
// as dead code; in a debug build it keeps it, and it needs this symbol to link.
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    (void)data;
    (void)size;
    fputs("fuzz target: libFuzzer's own main ran instead of the target's (see fuzz/Sources/Harness)\n", stderr);
    abort();
}
