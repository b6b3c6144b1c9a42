-- The load figure alone, for the format comparison in scripts/bench:
--   dossier run --corpus FILE scripts/bench-load.lua LABEL
local label = ... or corpus.location
local stats = dossier.stats()
local mb = stats.bytes / 1e6
print(string.format("%-12s %d documents, %.1f MB of text: load+index %.2f s = %.1f MB/s wall clock; %.2f CPU-s = %.1f MB per CPU-second",
  label, stats.documents, mb, stats.load_seconds, mb / stats.load_seconds, stats.load_cpu_seconds, mb / stats.load_cpu_seconds))
