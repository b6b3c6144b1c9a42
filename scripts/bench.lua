-- The benchmark body: run by scripts/bench as
--   dossier run --corpus DIR scripts/bench.lua [LABEL]
-- Prints one block of figures for the corpus: load+index throughput, memory, search
-- latencies, KWIC lines per second and tokens per second visited from Lua.
local label = ... or corpus.location
local clock = dossier.clock
local stats = dossier.stats()

local function percentile(samples, p)
  table.sort(samples)
  local i = math.max(1, math.min(#samples, math.ceil(#samples * p)))
  return samples[i]
end

local function time_query(query, runs, snippets)
  local samples, hits = {}, 0
  for _ = 1, runs do
    local t0 = clock()
    hits = #corpus:search(query, { limit = 10, snippets = snippets })
    samples[#samples + 1] = (clock() - t0) * 1000
  end
  return percentile(samples, 0.5), percentile(samples, 0.99), hits
end

local mb = stats.bytes / 1e6
print(string.format("corpus      %s", label))
print(string.format("documents   %d (%.1f MB of text, %d tokens, %d terms)", stats.documents, mb, stats.tokens, stats.terms))
print(string.format("load+index  %.2f s = %.1f MB/s wall clock; %.2f CPU-s = %.1f MB per CPU-second",
  stats.load_seconds, mb / stats.load_seconds, stats.load_cpu_seconds, mb / stats.load_cpu_seconds))
print(string.format("peak memory %.0f MB = %.2f x the text", stats.peak_rss / 1e6, stats.peak_rss / stats.bytes))

local queries = {
  { "term (rare)", "zeppelin" },
  { "term (medium)", "kernel" },
  { "term (frequent)", "the" },
  { "phrase", '"united states"' },
  { "boolean", "memory AND (driver OR device) -usb" },
  { "prefix", "comput*" },
}
print("search, top 10, 50 runs each: ranking only (snippets = false) | with snippets")
for _, q in ipairs(queries) do
  local p50, p99 = time_query(q[2], 50, false)
  local s50, s99 = time_query(q[2], 50, true)
  print(string.format("  %-16s %-36s p50 %7.3f ms  p99 %7.3f ms | p50 %7.3f ms  p99 %7.3f ms", q[1], q[2], p50, p99, s50, s99))
end

-- The query kinds scripts/bench compares with tantivy (scripts/bench-queries.tsv), ranking
-- only, 200 runs each as bench-tantivy does: one `kinds<TAB>kind<TAB>p50<TAB>p99<TAB>hits` line each.
local kinds = io.open("scripts/bench-queries.tsv")
if kinds then
  for line in kinds:lines() do
    local kind, query = line:match("^([^#\t][^\t]*)\t(.+)$")
    if kind then
      local p50, p99, hits = time_query(query, 200, false)
      print(string.format("kinds\t%s\t%.4f\t%.4f\t%d", kind, p50, p99, hits))
    end
  end
  kinds:close()
end

local t0 = clock()
local lines = #corpus:kwic("government", { width = 40 })
local dt = clock() - t0
print(string.format("kwic        %d lines in %.3f s = %.0f lines/s", lines, dt, lines / dt))

t0 = clock()
local n, sum = 0, 0
for _, ids in corpus:token_ids() do
  for i = 1, #ids do sum = sum + ids[i] end
  n = n + #ids
end
dt = clock() - t0
print(string.format("tokens      %d visited from Lua in %.2f s = %.1f M tokens/s (fast path: corpus:token_ids)", n, dt, n / dt / 1e6))
