-- Every claim and conflict of the corpus, one line each, for comparing two builds byte for byte
-- (scripts/compare-claims runs it with both):
--   dossier run --trusted --corpus DIR scripts/claims-dump.lua OUT
-- Claims: rank, score, size, sources, sentences (document:sentence), text. Conflicts: kind, key,
-- values, certain, reason, sentences, the claim's text. Standard output gets the CPU and wall
-- seconds of each analysis's first use.
local path = ...
assert(path, "usage: dossier run --trusted --corpus DIR scripts/claims-dump.lua OUT")
local out = assert(io.open(path, "w"))
local clock = dossier.clock

local function sentences(list)
  local parts = {}
  for _, s in ipairs(list) do parts[#parts + 1] = tostring(s.doc.id) .. ":" .. tostring(s.index) end
  return table.concat(parts, ",")
end

local function timed(label, f)
  local c0, t0 = os.clock(), clock()
  local result = f()
  print(string.format("%-10s %8.2f s wall %7.2f CPU-s  peak %.0f MB  %d", label, clock() - t0, os.clock() - c0,
    dossier.stats().peak_rss / 1e6, #result))
  return result
end

local claims = timed("claims", function() return corpus:compare({ by = "source" }) end)
local conflicts = timed("conflicts", function() return corpus:conflicts() end)
for i, c in ipairs(claims) do
  local sources = {}
  for _, s in ipairs(c.sources) do sources[#sources + 1] = s end
  out:write(string.format("C %d %.9g %d [%s] [%s] %s\n", i, c.score, c.size, table.concat(sources, "|"),
    sentences(c.sentences), c.text))
end
for _, k in ipairs(conflicts) do
  local values = {}
  for _, v in ipairs(k.values) do values[#values + 1] = v end
  out:write(string.format("K %s %s [%s] %s %s [%s] %s\n", k.kind, k.key, table.concat(values, "|"), tostring(k.certain),
    k.reason, sentences(k.sentences), k.claim.text))
end
out:close()
