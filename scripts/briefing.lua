-- The briefing: one command that turns a corpus into a report for people who will not open
-- a REPL.
--
--   dossier run scripts/briefing.lua [OUTPUT [TOP]]   (default OUTPUT: briefing.html, TOP: 50)
--
-- Writes OUTPUT under the output folder (--out, default ./out): who said what, the timeline,
-- the people and organisations, claims shared across outlets and where they conflict, and
-- top terms per source, with charts. Each section summarises: its tables show the top TOP rows
-- with their counts and how many more there are, and link the whole list, written as a CSV
-- file in a folder beside the page (out/briefing/quotes.csv, …). The page is rewritten
-- atomically after every section, and a line per section on standard error says what is
-- biggest in it and how long it took.
local output, top_arg = ...
output = output or "briefing.html"
local TOP = math.tointeger(tonumber(top_arg or 50))
if not TOP or TOP < 1 or TOP > 100000 then error("briefing: TOP must be a whole number from 1 to 100000, not " .. tostring(top_arg)) end
local List = dossier.List

-- The CSV files go to a folder named after the page (briefing.html -> briefing/), and the
-- page links them relative to itself.
local base = output:gsub("%.[Hh][Tt][Mm][Ll]?$", "")
if base == output then base = output .. "-files" end
local folder = base:match("[^/]+$")
local files = List.new()

local sections = {}
local written

-- Each summary line ends with the seconds its section took and the CPU seconds it used (all
-- threads: on a quiet machine, CPU-s near the wall-clock seconds mean the section ran on one
-- core; near twice them, on both), so a slow or serial analysis shows.
local started, started_cpu = dossier.clock(), os.clock()
local function say(fmt, ...)
  local now, now_cpu = dossier.clock(), os.clock()
  io.stderr:write(string.format(fmt, ...), string.format("  [%.1f s, %.1f CPU-s]", now - started, now_cpu - started_cpu), "\n")
  io.stderr:flush()
  started, started_cpu = now, now_cpu
end

local function clip(text, n)
  text = tostring(text or ""):gsub("%s+", " ")
  if #text <= n then return text end
  local cut = text:sub(1, n)
  -- Do not cut inside a UTF-8 sequence.
  while #cut > 0 and cut:byte(#cut) >= 0x80 and cut:byte(#cut) < 0xC0 do cut = cut:sub(1, -2) end
  if #cut > 0 and cut:byte(#cut) >= 0xC0 then cut = cut:sub(1, -2) end
  return cut .. "…"
end

-- 12345 -> "12,345".
local function n(x)
  local s = tostring(math.tointeger(x) or x)
  local out = s:reverse():gsub("(%d%d%d)", "%1,"):reverse()
  return (out:gsub("^(%-?),", "%1"))
end

local function source_of(doc)
  return doc.source or doc.id
end

-- A table of `rows` for the page: the first TOP rows, a note of how many more `noun` there
-- are, and a link to all of them, written to `name` (a CSV file) beside the page. The page
-- keeps only the rows it shows (`t:excerpt()`): the whole lists are in their files, and at
-- 100,000 documents they would hold hundreds of megabytes until the briefing ends.
local function summary_table(name, rows, columns, noun)
  local t = report.table(rows, { columns = columns, top = TOP, noun = noun, link = folder .. "/" .. name })
  files[#files + 1] = report.write(base .. "/" .. name, t)
  return t:excerpt()
end

-- Each section's lists are garbage once it is done; Lua does not see the Swift memory its
-- objects and tables hold (the quotations, a table's rows), so it is collected now rather than
-- carried into the next analysis.
local function done()
  collectgarbage()
end

local function publish()
  local sources = corpus:sources()
  local named = sources:top(12):pluck("source"):concat(", ")
  local subtitle = string.format("%s documents · %s words · %s", n(#corpus), n(corpus.words),
    #sources == 0 and "no sources named" or #sources <= 12 and ("sources: " .. named)
      or string.format("%d sources, the largest: %s", #sources, named))
  written = report.write(output, report.html({ title = "Briefing: " .. corpus.location:match("[^/]+$"),
                                                subtitle = subtitle, sections = sections }))
end

local function section(heading, blocks)
  blocks.heading = heading
  sections[#sections + 1] = blocks
  publish()
end

-- 1. The documents.
do
  -- Plain records, read from the documents once (sorting reads each field many times).
  local docs = corpus:docs():map(function(d)
    return { id = d.id, title = d.title, source = d.source, date = d.date, words = d.words }
  end)
  local dated = docs:filter(function(d) return d.date ~= nil end):sort("-date")
  local span = #dated > 0 and (dated[#dated].date .. " to " .. dated[1].date) or "no dates"
  local undated = docs:filter(function(d) return d.date == nil end)
  local sources = corpus:sources()
  local per_year = {}
  for _, d in ipairs(dated) do
    local y = d.date:sub(1, 4)
    per_year[y] = (per_year[y] or 0) + 1
  end
  local years = List.new()
  for y, c in pairs(per_year) do years[#years + 1] = { year = y, documents = c } end
  years = years:sort("year")
  local blocks = {
    string.format("%s documents from %s, dated %s (%s without a date).", n(#docs),
      #sources == 0 and "no named source" or dossier.util.plural(#sources, "source"), span, n(#undated)),
  }
  if #years > 1 then
    blocks[#blocks + 1] = report.chart.bar(years:top(60), { title = "Documents per year", label = "year", value = "documents" })
  end
  if #sources > 0 then
    blocks[#blocks + 1] = summary_table("sources.csv", sources, { "source", "docs" }, "sources")
  end
  blocks[#blocks + 1] = "The latest documents:"
  blocks[#blocks + 1] = summary_table("documents.csv", dated .. undated, { "id", "title", "source", "date", "words" }, "documents")
  section("The documents", blocks)
  local biggest = sources[1] and string.format("; largest source %s (%s)", sources[1].source, dossier.util.plural(sources[1].docs, "document")) or ""
  say("documents  %s documents, %s words, %s%s", n(#docs), n(corpus.words), span, biggest)
end
done()

-- 2. Who said what. Pronouns that refer to no one named are not speakers: their quotations
-- count as unattributed.
do
  -- The full quotations chosen in Swift: reading `partial` of every quotation from Lua costs a
  -- call per quotation (155k at 105k documents). Every quotation is needed only for the count.
  local full = corpus:quotes({ partial = false })
  local summary = dossier.util.quote_summary(corpus:quotes(), full)
  local rows = full:map(function(q)
    local kind = q.speaker_kind
    local speaker = q.speaker and q.speaker.name or (kind ~= "pronoun" and q.speaker_text) or nil
    return { speaker = speaker or "unattributed", attributed = speaker ~= nil, kind = kind or "", verb = q.verb or "",
             quote = q.text, doc = q.doc, source = source_of(q.doc), date = q.doc.date or "" }
  end)
  local speakers = List.new()
  local unattributed = 0
  for _, g in ipairs(rows:group_by("speaker")) do
    if g.items[1].attributed then
      local docs, first = {}, g.items[1]
      local ndocs = 0
      for _, r in ipairs(g.items) do
        local id = r.doc.id
        if not docs[id] then docs[id] = true; ndocs = ndocs + 1 end
      end
      speakers[#speakers + 1] = { speaker = g.key, kind = first.kind, quotations = g.count, documents = ndocs,
                                  example = clip(first.quote, 160) }
    else
      unattributed = unattributed + g.count
    end
  end
  -- The quotations most often repeated (the same words in several documents) first.
  local repeated = List.new()
  for _, g in ipairs(rows:group_by(function(r) return (r.quote:lower():gsub("%W+", " ")) end)) do
    local r = g.items[1]
    repeated[#repeated + 1] = { quote = clip(r.quote, 200), speaker = r.speaker, documents = g.count, first = r.doc }
  end
  section("Who said what", {
    string.format("%s, by %s speakers; %s not attributed to anyone named or described.", summary, n(#speakers), n(unattributed)),
    report.chart.bar(speakers:top(15), { title = "Quotations per speaker", label = "speaker", value = "quotations" }),
    summary_table("speakers.csv", speakers, { "speaker", "kind", "quotations", "documents", "example" }, "speakers"),
    "The quotations repeated most often:",
    report.table(repeated, { columns = { "quote", "speaker", "documents", "first" }, top = TOP, noun = "different quotations",
                             link = folder .. "/quotes.csv" }):excerpt(),
  })
  files[#files + 1] = report.write(base .. "/quotes.csv", report.table(rows, {
    columns = { "speaker", "kind", "verb", "quote", "doc", "source", "date" } }))
  local top = speakers:top(3):map(function(s) return s.speaker .. " (" .. s.quotations .. ")" end)
  say("quotes     %s; most quoted: %s", summary, #top > 0 and top:concat(", ") or "no one")
end
done()

-- 3. The timeline: each date with how often it is mentioned.
do
  local seen, events = {}, List.new()
  for _, m in ipairs(corpus:timeline()) do
    local key = m.date .. "|" .. m.text:lower()
    if not seen[key] then
      seen[key] = true
      events[#events + 1] = { date = m.date, said = m.text, context = clip(m.sentence and m.sentence.text, 200), doc = m.doc }
    end
  end
  local dates = List.new()
  for _, g in ipairs(events:group_by("date")) do
    local docs, ndocs = {}, 0
    for _, e in ipairs(g.items) do
      if not docs[e.doc.id] then docs[e.doc.id] = true; ndocs = ndocs + 1 end
    end
    local e = g.items[1]
    dates[#dates + 1] = { date = g.key, mentions = g.count, documents = ndocs, said = e.said, context = e.context }
  end
  -- The chart shows the busiest dates (a few dozen marks stay readable), in time order.
  local busiest = dates:top(40):sort("date")
  section("Timeline", {
    string.format("%s dated events on %s dates (relative dates resolved against each document's date).", n(#events), n(#dates)),
    report.chart.timeline(busiest:map(function(d)
      return { label = d.said, date = d.date, detail = d.mentions .. " mentions" }
    end), { title = "The most mentioned dates" }),
    summary_table("dates.csv", dates, { "date", "mentions", "documents", "said", "context" }, "dates"),
  })
  local sorted = events:sort("date")
  files[#files + 1] = report.write(base .. "/timeline.csv", report.table(sorted, {
    columns = { "date", "said", "context", "doc" } }))
  local top = dates:top(3):map(function(d) return d.date .. " (" .. d.mentions .. ")" end)
  local span = #sorted > 0 and string.format(", %s to %s", sorted[1].date, sorted[#sorted].date) or ""
  say("timeline   %s events on %s dates%s; most mentioned: %s", n(#events), n(#dates), span,
      #top > 0 and top:concat(", ") or "none")
end
done()

-- 4. People and organisations.
do
  local people = corpus:entities({ kind = "person" }):sort("-count")
  local orgs = corpus:entities({ kind = "organization" }):sort("-count")
  local top = people:top(12) .. orgs:top(8)
  -- Co-occurrence: entities mentioned in the same sentence (corpus:cooccurrence).
  local pairs_found = corpus:cooccurrence({ among = top, within = "sentence", min = 1, top = false })
  local nodes, edges = {}, {}
  for _, e in ipairs(top) do nodes[#nodes + 1] = { id = e.name, label = e.name, weight = e.count, group = e.kind } end
  for _, p in ipairs(pairs_found) do
    local a, b = p.a.name, p.b.name
    if a > b then a, b = b, a end
    edges[#edges + 1] = { source = a, target = b, weight = p.count }
  end
  table.sort(edges, function(x, y) return x.source .. x.target < y.source .. y.target end)
  local function rows(list)
    return list:map(function(e)
      return { name = e.name, kind = e.kind, mentions = e.count,
               roles = e.roles and List.new(e.roles):concat("; ") or "", aliases = List.new(e.aliases):concat("; ") }
    end)
  end
  local columns = { "name", "kind", "mentions", "roles", "aliases" }
  section("People and organisations", {
    string.format("%s people and %s organisations; the network links those named in the same sentence.", n(#people), n(#orgs)),
    report.chart.network({ title = "Who appears with whom", nodes = nodes, edges = edges }),
    summary_table("people.csv", rows(people), columns, "people"),
    summary_table("organisations.csv", rows(orgs), columns, "organisations"),
  })
  local function named(list)
    return list:top(5):map(function(e) return e.name .. " (" .. e.count .. ")" end):concat(", ")
  end
  say("people     %s", named(people))
  say("orgs       %s", named(orgs))
end
-- The entities, quotations and dates are done with: their memory goes back before the claims.
corpus:forget()
done()

-- 5. Claims across outlets, and conflicts.
do
  -- Most outlets first (ties in the order found), each claim's outlets counted once rather
  -- than in every comparison of the sort.
  local found = corpus:compare({ by = "source" })
  local keyed = {}
  for i, c in ipairs(found) do keyed[i] = { c, #c.sources, i } end
  table.sort(keyed, function(x, y)
    if x[2] ~= y[2] then return x[2] > y[2] end
    return x[3] < y[3]
  end)
  local claims = List.new()
  for i, k in ipairs(keyed) do claims[i] = k[1] end
  keyed = nil
  local sources = corpus:sources():top(20):pluck("source")
  local shown = claims:top(20)
  local cells, labels = {}, {}
  for i, c in ipairs(shown) do labels[i] = clip(c.text, 60) end
  for r, s in ipairs(sources) do
    cells[r] = {}
    for i, c in ipairs(shown) do
      local has = 0
      for _, cs in ipairs(c.sources) do if cs == s then has = 1 end end
      cells[r][i] = has
    end
  end
  local conflicts = corpus:conflicts()
  local claim_rows = claims:map(function(c)
    return { claim = c.text, outlets = #c.sources, sources = List.new(c.sources):concat(", ") }
  end)
  local conflict_rows = conflicts:map(function(c)
    return { kind = c.kind, values = List.new(c.values):concat(" vs "), claim = c.claim and c.claim.text or "" }
  end)
  local blocks = {
    string.format("%s reported by more than one outlet; %s.", #claims == 1 and "1 fact" or n(#claims) .. " facts",
      #conflicts == 1 and "1 disagreement" or n(#conflicts) .. " disagreements"),
  }
  if #sources > 0 then
    blocks[#blocks + 1] = report.chart.matrix({ title = "Which outlet reports which claim", rows = sources, columns = labels, cells = cells })
  end
  blocks[#blocks + 1] = summary_table("claims.csv", claim_rows, { "claim", "outlets", "sources" }, "claims")
  blocks[#blocks + 1] = "Where they disagree:"
  blocks[#blocks + 1] = summary_table("conflicts.csv", conflict_rows, { "kind", "values", "claim" }, "conflicts")
  section("Claims across outlets", blocks)
  local wide = claims:filter(function(c) return #c.sources >= 3 end)
  local first = claims[1] and string.format("; most widely reported (%d outlets): \"%s\"", #claims[1].sources, clip(claims[1].text, 70)) or ""
  say("claims     %s shared %s, %s reported by 3+ outlets; %s %s%s", n(#claims), #claims == 1 and "fact" or "facts", n(#wide),
      n(#conflicts), #conflicts == 1 and "conflict" or "conflicts", first)
end
done()

-- 6. Top terms per source. A word belongs to a script (Latin, CJK, Cyrillic, …); the lists
-- keep to the corpus's main script, so the Chinese characters of a few articles (the
-- tokenizer makes each one a word) do not top the words of a mostly English corpus: the
-- frequent words of other scripts are listed apart. The main script is the one with the most
-- different words among the 2,000 most frequent (not the most occurrences: a character
-- script repeats few words often).
local scripts = {
  { 0x0250, "Latin" }, { 0x0370, "IPA" }, { 0x0400, "Greek" }, { 0x0530, "Cyrillic" }, { 0x0590, "Armenian" },
  { 0x0600, "Hebrew" }, { 0x0780, "Arabic" }, { 0x0900, "Thaana" }, { 0x0E00, "Indic" }, { 0x0E80, "Thai" },
  { 0x1000, "Lao/Tibetan" }, { 0x10A0, "Myanmar" }, { 0x1100, "Georgian" }, { 0x1200, "Hangul" },
  { 0x1E00, "other" }, { 0x1F00, "Latin" }, { 0x2000, "Greek" }, { 0x2E80, "other" }, { 0x3040, "CJK" },
  { 0x3100, "Kana" }, { 0x3400, "CJK" }, { 0xA000, "CJK" }, { 0xAC00, "other" }, { 0xD7B0, "Hangul" },
  { 0xF900, "other" }, { 0xFB00, "CJK" }, { 0x20000, "other" }, { 0x30000, "CJK" },
}
local function script_of(term)
  local ok, cp = pcall(utf8.codepoint, term, 1)
  if not ok then return "other" end
  for _, s in ipairs(scripts) do
    if cp < s[1] then return s[2] end
  end
  return "other"
end

do
  local frequent = corpus:frequencies({ top = 2000 })
  local weight = {}
  for _, t in ipairs(frequent) do
    local s = script_of(t.term)
    weight[s] = (weight[s] or 0) + 1
  end
  local main, most = "Latin", -1
  for s, w in pairs(weight) do
    if w > most or (w == most and s < main) then main, most = s, w end
  end
  local own = frequent:filter(function(t) return script_of(t.term) == main end):top(500)
  local others = frequent:filter(function(t) return script_of(t.term) ~= main end)

  local blocks = { "Words each outlet uses more than the others (log-likelihood keyness against the rest)." }
  local rows = List.new()
  for _, s in ipairs(corpus:sources():top(TOP)) do
    local sub = corpus:filter({ source = s.source })
    local terms = sub:keyness(corpus, { top = 30 })
    local kept = terms:filter(function(t) return script_of(t.term) == main end)
    if #kept == 0 then kept = terms end
    rows[#rows + 1] = { source = s.source, documents = s.docs, terms = kept:top(8):pluck("term"):concat(", ") }
  end
  if #rows > 0 then
    blocks[#blocks + 1] = report.table(rows, { columns = { "source", "documents", "terms" }, top = TOP, noun = "sources" }):excerpt()
  end
  blocks[#blocks + 1] = report.chart.bar(own:top(20), { title = "Most frequent words (" .. main .. " script)", label = "term", value = "count" })
  blocks[#blocks + 1] = summary_table("terms.csv", own, { "term", "count" }, "most frequent words")
  local other_line = ""
  if #others > 0 then
    local by_script = others:group_by(function(t) return script_of(t.term) end)
    local parts = by_script:map(function(g)
      return string.format("%s: %s", g.key, g.items:top(12):map(function(t) return t.term .. " (" .. n(t.count) .. ")" end):concat(", "))
    end)
    blocks[#blocks + 1] = string.format("Frequent words in other scripts than %s, kept apart from the lists above: %s.", main, parts:concat("; "))
    other_line = string.format("; %s frequent words in other scripts (%s)", n(#others), by_script:map(function(g) return g.key end):concat(", "))
  end
  section("Top terms per source", blocks)
  say("terms      %s%s", own:top(8):map(function(t) return t.term .. " (" .. n(t.count) .. ")" end):concat(", "), other_line)
end

say("wrote      %s and %d CSV files in %s/", written, #files, base)
