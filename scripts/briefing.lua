-- The briefing: one command that turns a corpus into a report for people who will not open
-- a REPL.
--
--   dossier run scripts/briefing.lua [OUTPUT]        (default OUTPUT: briefing.html)
--
-- Writes OUTPUT under the output folder (--out, default ./out): who said what, the timeline,
-- the people and organisations, claims shared across outlets and where they conflict, and
-- top terms per source, with charts. Each section is written as soon as its data exists (the
-- file is rewritten atomically after every section), and a short summary is printed.
local output = ... or "briefing.html"
local List = dossier.List

local sections = {}
local written

local function say(fmt, ...)
  io.write(string.format(fmt, ...), "\n")
  io.stdout:flush()
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

local function source_of(doc)
  return doc.source or doc.id
end

local function publish()
  local sources = corpus:sources()
  local subtitle = string.format("%d documents · %d words · %s", #corpus, corpus.words,
    #sources > 0 and ("sources: " .. sources:pluck("source"):concat(", ")) or "no sources named")
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
  local docs = corpus:docs()
  local dated = docs:filter(function(d) return d.date ~= nil end):sort("date")
  local span = #dated > 0 and (dated[1].date .. " to " .. dated[#dated].date) or "no dates"
  section("The documents", {
    string.format("%d documents from %d sources, dated %s.", #docs, #corpus:sources(), span),
    report.table(docs, { columns = { "id", "title", "source", "date", "words" } }),
  })
  say("documents  %d documents, %d words, %s", #docs, corpus.words, span)
end

-- 2. Who said what.
do
  local quotes = corpus:quotes()
  local full = quotes:filter(function(q) return not q.partial end)
  local rows = full:map(function(q)
    local speaker = q.speaker and q.speaker.name or q.speaker_text or "unattributed"
    return { speaker = speaker, verb = q.verb or "", quote = clip(q.text, 160), source = source_of(q.doc) }
  end)
  local by_speaker = rows:group_by("speaker")
  section("Who said what", {
    string.format("%s, by %d speakers.", dossier.util.quote_summary(quotes, full), #by_speaker),
    report.chart.bar(by_speaker:top(15), { title = "Quotations per speaker", label = "key", value = "count" }),
    report.table(rows, { columns = { "speaker", "verb", "quote", "source" } }),
  })
  local top = by_speaker:top(3):map(function(g) return g.key .. " (" .. g.count .. ")" end)
  say("quotes     %s; most quoted: %s", dossier.util.quote_summary(quotes, full), top:concat(", "))
end

-- 3. The timeline.
do
  local seen, events = {}, List.new()
  for _, m in ipairs(corpus:timeline()) do
    local key = m.date .. "|" .. m.text:lower()
    if not seen[key] then
      seen[key] = true
      events[#events + 1] = { label = m.text, date = m.date, doc = m.doc, sentence = clip(m.sentence and m.sentence.text, 140) }
    end
  end
  section("Timeline", {
    string.format("%d dated events (relative dates resolved against each document's date).", #events),
    report.chart.timeline(events, { title = "When things happened" }),
    report.table(events:map(function(e) return { date = e.date, said = e.label, context = e.sentence, doc = e.doc } end),
                 { columns = { "date", "said", "context", "doc" } }),
  })
  local first, last = events[1], events[#events]
  say("timeline   %d events%s", #events, first and (", " .. first.date .. " to " .. last.date) or "")
end

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
  local rows = top:map(function(e)
    return { name = e.name, kind = e.kind, mentions = e.count, documents = #e:docs(),
             roles = e.roles and List.new(e.roles):concat("; ") or "", aliases = List.new(e.aliases):concat("; ") }
  end)
  section("People and organisations", {
    string.format("%d people and %d organisations; the network links those named in the same sentence.", #people, #orgs),
    report.chart.network({ title = "Who appears with whom", nodes = nodes, edges = edges }),
    report.table(rows, { columns = { "name", "kind", "mentions", "documents", "roles", "aliases" } }),
  })
  say("people     %s", people:top(5):map(function(e) return e.name end):concat(", "))
end

-- 5. Claims across outlets, and conflicts.
do
  local claims = corpus:compare({ by = "source" }):sort(function(a, b) return #a.sources > #b.sources end)
  local sources = corpus:sources():pluck("source")
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
  section("Claims across outlets", {
    string.format("%d facts reported by more than one outlet; %d disagreements.", #claims, #conflicts),
    report.chart.matrix({ title = "Which outlet reports which claim", rows = sources, columns = labels, cells = cells }),
    report.table(claims:map(function(c)
      return { claim = clip(c.text, 200), outlets = #c.sources, sources = List.new(c.sources):concat(", ") }
    end), { columns = { "claim", "outlets", "sources" } }),
    "Where they disagree:",
    report.table(conflicts:map(function(c)
      return { kind = c.kind, values = List.new(c.values):concat(" vs "), claim = clip(c.claim and c.claim.text or "", 160) }
    end), { columns = { "kind", "values", "claim" } }),
  })
  local wide = claims:filter(function(c) return #c.sources >= 3 end)
  say("claims     %d shared facts, %d reported by 3+ outlets; %d conflicts", #claims, #wide, #conflicts)
end

-- 6. Top terms per source.
do
  local blocks = { "Words each outlet uses more than the others (log-likelihood keyness against the rest)." }
  local rows = List.new()
  for _, s in ipairs(corpus:sources()) do
    local sub = corpus:filter({ source = s.source })
    local terms = sub:keyness(corpus, { top = 8 })
    rows[#rows + 1] = { source = s.source, documents = s.docs, terms = terms:pluck("term"):concat(", ") }
  end
  blocks[#blocks + 1] = report.table(rows, { columns = { "source", "documents", "terms" } })
  blocks[#blocks + 1] = report.chart.bar(corpus:frequencies({ top = 20 }), { title = "Most frequent words", label = "term", value = "count" })
  section("Top terms per source", blocks)
  say("terms      %s", corpus:frequencies({ top = 8 }):pluck("term"):concat(", "))
end

say("wrote      %s", written)
