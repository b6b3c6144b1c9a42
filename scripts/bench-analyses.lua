-- Each analysis of the briefing timed and sized, first use and repeat: run by scripts/bench as
--   dossier run --corpus DIR scripts/bench-analyses.lua [LABEL]
-- One line per analysis: wall and CPU seconds of the first call (which builds and caches what
-- it needs: sentences, entities, …) and of a second one, the process's peak memory after it
-- (peak only grows, so the rise is what the analysis added) and the size of the result.
-- Entities come before quotations (speakers are resolved to entities) and claims before
-- conflicts (conflicts are found among the claims), as in the briefing.
local label = ... or corpus.location
local clock = dossier.clock
local base = dossier.stats()
local text_mb = base.bytes / 1e6

local analyses = {
  { "entities", function() return #corpus:entities() end },
  { "quotations", function() return #corpus:quotes() end },
  { "dates", function() return #corpus:timeline() end },
  { "claims", function() return #corpus:compare({ by = "source" }) end },
  { "conflicts", function() return #corpus:conflicts() end },
  { "near-duplicates", function() return #corpus:duplicates() end },
  { "n-grams (2)", function() return #corpus:ngrams(2, { top = 100 }) end },
  { "collocations", function() return #corpus:collocations("government", { top = 100 }) end },
}

print(string.format("analyses    %s: %.1f MB of text, peak %.0f MB after loading (%.2f x the text)",
  label, text_mb, base.peak_rss / 1e6, base.peak_rss / base.bytes))
print("  analysis          first: wall    CPU | repeat: wall    CPU | peak after      | result")
local peak = base.peak_rss
for _, a in ipairs(analyses) do
  local c0, t0 = os.clock(), clock()
  local size = a[2]()
  local first_wall, first_cpu = clock() - t0, os.clock() - c0
  c0, t0 = os.clock(), clock()
  a[2]()
  local again_wall, again_cpu = clock() - t0, os.clock() - c0
  local now = dossier.stats().peak_rss
  print(string.format("  %-16s %8.2f s %6.2f s | %8.3f s %6.3f s | %5.0f MB (+%4.0f) | %d",
    a[1], first_wall, first_cpu, again_wall, again_cpu, now / 1e6, (now - peak) / 1e6, size))
  peak = now
end
print(string.format("  peak memory %.0f MB = %.2f x the text", peak / 1e6, peak / base.bytes))
