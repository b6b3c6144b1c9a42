-- The load figure alone, for the format comparison in scripts/bench:
--   dossier run --corpus FILE scripts/bench-load.lua LABEL [INPUT_BYTES]
-- With INPUT_BYTES (the file's size: a web archive's markup is not text), the input's MB and
-- documents per CPU-second too.
local label, input = ...
label = label or corpus.location
local stats = dossier.stats()
local mb = stats.bytes / 1e6
print(string.format("%-12s %d documents, %.1f MB of text: load+index %.2f s = %.1f MB/s wall clock; %.2f CPU-s = %.1f MB per CPU-second",
  label, stats.documents, mb, stats.load_seconds, mb / stats.load_seconds, stats.load_cpu_seconds, mb / stats.load_cpu_seconds))
if tonumber(input) then
  local inmb = tonumber(input) / 1e6
  print(string.format("%-12s %.1f MB of input: %.1f MB and %.0f documents per CPU-second",
    "", inmb, inmb / stats.load_cpu_seconds, stats.documents / stats.load_cpu_seconds))
end
