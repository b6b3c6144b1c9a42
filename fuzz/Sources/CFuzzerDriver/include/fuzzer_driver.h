// libFuzzer's entry point for programs that have their own main (LLVM 12 and later):
// runs the fuzzing loop (or the given inputs) with the command-line flags in argv.
#ifndef DOSSIER_FUZZER_DRIVER_H
#define DOSSIER_FUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
