--- newsroom.source_compare: the same facts across outlets — which outlet reports which claim,
-- how each one words it, where they disagree, and what each outlet has alone.
--
--   local sc = require("newsroom.source_compare")
--   sc.claims(corpus, {min = 3})             --> List of {claim, outlets, sources, conflicts, versions, …}
--   sc.claims(corpus, {query = "balloon"})   --> the claims whose sentences say "balloon"
--   sc.matrix(corpus)                        --> List of {n, claim, <outlet> = "x", …}: claims × outlets
--   sc.conflicts(corpus, {hedges = true})    --> List of {kind, key, values, certain, sources, claim, reason}
--   sc.outlets(corpus)                       --> List of {source, docs, sentences, in_claims, alone, conflicts, terms}
--   sc.run(corpus, {args = {"balloon"}})
--   sc.main(...)                             -- the command line (scripts/source_compare.lua)
local util = require("newsroom.util")

local M = {}

M.usage = "dossier run scripts/source_compare.lua [WORDS…] [--min=N] [--by=source|document] [--hedges] [--top=N] "
  .. "[--html[=FILE]] [--csv[=FILE]] [--markdown[=FILE]]"

local claim_columns = { "n", "outlets", "sources", "conflicts", "claim" }
local conflict_columns = { "kind", "key", "values", "certain", "claim" }
local outlet_columns = { "source", "docs", "sentences", "in_claims", "alone", "conflicts", "terms" }

local function compare_options(opts)
  local o = {}
  if opts.by then o.by = opts.by end
  if opts.threshold then o.threshold = opts.threshold end
  return o
end

-- Every conflict of `c`, keyed by the text of its claim's central sentence.
local function conflicts_by_claim(c, opts)
  local o = compare_options(opts)
  o.hedges = opts.hedges or false
  local by = {}
  local list = c:conflicts(o)
  for _, x in ipairs(list) do
    local key = x.claim and x.claim.text or ""
    by[key] = by[key] or {}
    table.insert(by[key], x)
  end
  return by, list
end

-- Whether every word of `words` (lowercased) is in one of `sentences`' texts.
local function says(sentences, words)
  if #words == 0 then return true end
  local texts = {}
  for _, s in ipairs(sentences) do texts[#texts + 1] = util.squash(s.text):lower() end
  local all = table.concat(texts, "\n")
  for _, w in ipairs(words) do
    if not all:find(w:lower(), 1, true) then return false end
  end
  return true
end

--- The claims of `c`: facts stated by at least `min` outlets (default 2), most outlets first.
-- Options: min, by ("source", default, or "document"), query (words that must all occur in the
-- claim's sentences, case-insensitive; a string or a list), hedges (count hedged conflicts).
-- A row: n (rank), claim (the central sentence), outlets (how many), sources (joined, short
-- labels), source_list, conflicts (how many details the outlets disagree on), conflict_list,
-- score, versions (List of {source, doc, text}: each outlet's sentence), docs, sentences.
function M.claims(c, opts)
  opts = opts or {}
  local words = opts.query or {}
  if type(words) == "string" then words = util.split(words) end
  local conflicts = conflicts_by_claim(c, opts)
  local rows = {}
  for _, claim in ipairs(c:compare(compare_options(opts))) do
    if #claim.sources >= (opts.min or 2) then
      local versions, labels = {}, {}
      for _, s in ipairs(claim.sentences) do
        versions[#versions + 1] = { source = util.source_of(s.doc), doc = s.doc, text = util.squash(s.text), sentence = s }
      end
      local list = {}
      for i, name in ipairs(claim.sources) do labels[i] = util.label(name); list[i] = name end
      local cs = conflicts[claim.text] or {}
      rows[#rows + 1] = {
        claim = util.squash(claim.text), outlets = #claim.sources, sources = util.join(labels), source_list = list,
        conflicts = #cs, conflict_list = cs, score = claim.score,
        versions = util.list(versions, { "source", "text" }), docs = claim.docs, sentences = claim.sentences,
      }
      rows[#rows].wanted = says(claim.sentences, words)
    end
  end
  table.sort(rows, function(a, b)
    if a.outlets ~= b.outlets then return a.outlets > b.outlets end
    return (a.score or 0) > (b.score or 0)
  end)
  -- Ranks are over every claim, so a claim keeps its number whatever the query.
  local wanted = {}
  for i, r in ipairs(rows) do
    r.n = i
    if r.wanted then wanted[#wanted + 1] = r end
    r.wanted = nil
  end
  return util.list(wanted, claim_columns)
end

--- Claims × outlets: one row per claim (the options of `claims`), a column per outlet (short
-- labels) holding "x" when that outlet reports it. With more than `opts.outlets` outlets
-- (default 12), "no source" and "others" columns count the rest (see util.outlet_columns).
-- Columns: n, outlets, the outlets, claim.
function M.matrix(c, opts)
  opts = opts or {}
  local claims = M.claims(c, opts)
  local weight = {}
  for _, claim in ipairs(claims) do
    for _, s in ipairs(claim.source_list) do weight[s] = (weight[s] or 0) + 1 end
  end
  local outlet_columns, column_of = util.outlet_columns(c, opts.outlets or 12, weight)
  local columns = { "n", "outlets" }
  for _, name in ipairs(outlet_columns) do columns[#columns + 1] = name end
  columns[#columns + 1] = "claim"
  local rows = {}
  for i, claim in ipairs(claims) do
    local row = { n = claim.n, outlets = claim.outlets, claim = claim.claim }
    for _, s in ipairs(claim.source_list) do
      local key = column_of(s)
      if key == util.label(s) then row[key] = "x" else row[key] = (row[key] or 0) + 1 end
    end
    rows[i] = row
  end
  return util.list(rows, columns)
end

--- Details the outlets disagree on: kind ("date", "number", "name"), key ("weekday"), values
-- ("on Tuesday vs On Wednesday"), certain (false for a hedge: "nearly five years" / "five
-- years", only with `hedges = true`), sources, claim (its central sentence), reason (the
-- whole story in one line), versions (each outlet's sentence).
function M.conflicts(c, opts)
  opts = opts or {}
  local _, list = conflicts_by_claim(c, opts)
  local rows = {}
  for _, x in ipairs(list) do
    local sources, versions = {}, {}
    for _, s in ipairs(x.sentences or {}) do
      sources[#sources + 1] = util.label(util.source_of(s.doc))
      versions[#versions + 1] = { source = util.source_of(s.doc), doc = s.doc, text = util.squash(s.text) }
    end
    local values = {}
    for i, v in ipairs(x.values or {}) do values[i] = v end
    rows[#rows + 1] = {
      kind = x.kind, key = x.key, values = table.concat(values, " vs "), certain = x.certain,
      sources = util.join(util.distinct(sources)), claim = util.squash(x.claim and x.claim.text or ""),
      reason = x.reason, versions = util.list(versions, { "source", "text" }),
    }
  end
  return util.list(rows, conflict_columns)
end

--- Per outlet: docs, sentences, in_claims (sentences that state a claim another outlet
-- shares), alone (sentences no other outlet matches: its own material), conflicts (details it
-- disagrees on), terms (the words it uses more than the others, by keyness). Options: those of
-- `claims` (min is ignored: every shared claim counts), `terms` (how many, default 6; 0 for
-- none) and `max_outlets` (no terms when there are more outlets than this, default 30).
function M.outlets(c, opts)
  opts = opts or {}
  local in_claim = {}
  for _, claim in ipairs(c:compare(compare_options(opts))) do
    for _, s in ipairs(claim.sentences) do in_claim[s] = true end
  end
  local _, conflicts = conflicts_by_claim(c, opts)
  local conflict_count = {}
  for _, x in ipairs(conflicts) do
    local seen = {}
    for _, s in ipairs(x.sentences or {}) do
      local name = util.source_of(s.doc)
      if not seen[name] then
        seen[name] = true
        conflict_count[name] = (conflict_count[name] or 0) + 1
      end
    end
  end
  local order = util.outlets(c)
  local rows, by = {}, {}
  for i, name in ipairs(order) do
    rows[i] = { source = util.label(name), name = name, docs = 0, sentences = 0, in_claims = 0, alone = 0,
                conflicts = conflict_count[name] or 0, terms = "" }
    by[name] = rows[i]
  end
  for _, doc in ipairs(c:docs()) do
    local row = by[util.source_of(doc)]
    row.docs = row.docs + 1
    for _, s in ipairs(doc:sentences()) do
      row.sentences = row.sentences + 1
      if in_claim[s] then row.in_claims = row.in_claims + 1 else row.alone = row.alone + 1 end
    end
  end
  -- Key terms need a sub-corpus per outlet: left out when there are many outlets (a corpus
  -- without sources has one per document).
  local nterms = opts.terms or 6
  if nterms > 0 and #order > 1 and #order <= (opts.max_outlets or 30) then
    for _, row in ipairs(rows) do
      local name = row.name
      -- A source spec is matched in Swift (fast); a document id without a source needs a function.
      local ok_spec, sub = pcall(function() return c:filter({ source = name }) end)
      if not ok_spec or #sub ~= row.docs then
        sub = c:filter(function(doc) return util.source_of(doc) == name end)
      end
      local ok, terms = pcall(function() return sub:keyness(c, { top = nterms }) end)
      if ok and terms then
        local picked = {}
        for _, t in ipairs(terms) do if t.score > 0 then picked[#picked + 1] = t.term end end
        row.terms = table.concat(picked, ", ")
      end
    end
  end
  return util.list(rows, outlet_columns)
end

function M.sections(c, opts)
  opts = opts or {}
  local claims = M.claims(c, opts)
  local matrix = M.matrix(c, opts)
  local columns = getmetatable(matrix).__columns
  local shown = matrix:top(opts.top or 20)
  local labels, cells, row_labels = {}, {}, {}
  for i, row in ipairs(shown) do labels[i] = row.n .. ". " .. util.clip(row.claim, 60) end
  for r = 3, #columns - 1 do
    local name = columns[r]
    row_labels[#row_labels + 1] = name
    local line = {}
    for i, row in ipairs(shown) do
      local v = row[name]
      line[i] = v == "x" and 1 or (tonumber(v) or 0)
    end
    cells[#cells + 1] = line
  end
  local versions = {}
  for _, claim in ipairs(claims) do
    for _, v in ipairs(claim.versions) do
      versions[#versions + 1] = { n = claim.n, outlets = claim.outlets, source = util.label(v.source), doc = v.doc.id, sentence = v.text }
    end
  end
  local claims_table = report.table(versions, { columns = { "n", "outlets", "source", "doc", "sentence" } })
  local conflicts = M.conflicts(c, opts)
  return {
    {
      heading = "Claims across outlets",
      blocks = {
        string.format("%d facts reported by at least %d outlets; %s on details.", #claims, opts.min or 2,
          util.plural(#conflicts, "disagreement")),
        report.chart.matrix({ title = "Which outlet reports which claim", rows = row_labels, columns = labels, cells = cells }),
        report.table(claims, { columns = claim_columns }),
        "How each outlet words them:",
        claims_table,
      },
    },
    {
      heading = "Where outlets disagree",
      blocks = {
        #conflicts > 0 and "Details the sentences of one claim disagree on." or "No disagreements found.",
        report.table(conflicts, { columns = { "kind", "key", "values", "certain", "sources", "claim" } }),
      },
    },
    {
      heading = "Outlets",
      blocks = {
        "Sentences shared with another outlet, sentences of their own, and the words each uses more than the others.",
        report.table(M.outlets(c, opts), { columns = outlet_columns }),
      },
    },
  }, claims_table
end

local function print_versions(claim, width)
  print("")
  print(string.format("%d. %s (%s%s)", claim.n, util.plural(claim.outlets, "outlet"), claim.sources,
    claim.conflicts > 0 and (", " .. util.plural(claim.conflicts, "conflict")) or ""))
  for _, v in ipairs(claim.versions) do
    local label = util.label(v.source)
    print(util.wrap(label .. ": " .. v.text, width, "   "))
  end
  for _, x in ipairs(claim.conflict_list) do
    print("   ! " .. (x.certain and "" or "(hedge) ") .. x.reason)
  end
end

--- Prints claims, the claims × outlets matrix, conflicts and outlets. `opts.args` are words:
-- with some, only the claims that say them, each with every outlet's wording. Options: min,
-- by, hedges, top (claims in the matrix, default 20), html, csv (every outlet's sentence of
-- every claim), markdown.
function M.run(c, opts)
  opts = opts or {}
  local query = { min = opts.min, by = opts.by, hedges = opts.hedges, query = opts.args, top = opts.top }
  local claims = M.claims(c, query)
  local width = opts.width or 100
  if #(opts.args or {}) > 0 then
    local words = table.concat(opts.args, " ")
    if #claims == 0 then
      print(string.format("No claim shared by %d or more outlets says '%s'.", opts.min or 2, words))
    else
      print(string.format("%s shared by %d or more outlets say '%s':", util.plural(#claims, "claim"), opts.min or 2, words))
      for _, claim in ipairs(claims) do print_versions(claim, width) end
    end
  else
    local conflicts = M.conflicts(c, query)
    print(string.format("%d facts reported by %d or more outlets; %s.", #claims, opts.min or 2,
      util.plural(#conflicts, "disagreement")))
    util.heading("Claims × outlets")
    local matrix = M.matrix(c, query)
    local shown = matrix:top(opts.top or 20)
    report.table(shown):print()
    if #shown < #matrix then print(string.format("… %d more (--top=N)", #matrix - #shown)) end
    util.heading("Where they disagree")
    if #conflicts == 0 then print("No disagreements found" .. (opts.hedges and "." or " (--hedges also shows differences in precision).")) end
    for _, x in ipairs(conflicts) do
      print((x.certain and "" or "(hedge) ") .. x.reason)
      for _, v in ipairs(x.versions) do print(util.wrap(util.label(v.source) .. ": " .. v.text, width, "   ")) end
    end
    util.heading("Outlets")
    local outlets = M.outlets(c, query)
    local shown_outlets = outlets:top(opts.top or 20)
    report.table(shown_outlets, { columns = outlet_columns }):print()
    if #shown_outlets < #outlets then print(string.format("… %d more (--top=N)", #outlets - #shown_outlets)) end
    print("")
    print("How each outlet words a claim: dossier run scripts/source_compare.lua WORD (e.g. balloon)")
  end
  if opts.html or opts.csv or opts.markdown then
    local sections, versions = M.sections(c, query)
    util.write_reports(opts, { name = "source_compare", title = "Outlets compared", subtitle = util.plural(#c, "document"),
                               sections = sections, csv = versions })
  end
end

--- The command line: `main(...)` with the script's arguments.
function M.main(...)
  local opts = util.parse_args({ ... }, {
    usage = M.usage,
    options = { min = "number", by = "string", hedges = "flag", top = "number", html = "file", csv = "file", markdown = "file" },
  })
  if opts.help then
    print("usage: " .. M.usage)
    print("Facts shared across outlets, how each words them, and where they disagree; WORDS pick the claims that say them.")
    return
  end
  if opts.by and opts.by ~= "source" and opts.by ~= "document" then
    error("--by must be source or document, got '" .. opts.by .. "'\nusage: " .. M.usage, 0)
  end
  if opts.min and opts.min < 2 then error("--min must be 2 or more\nusage: " .. M.usage, 0) end
  return M.run(corpus, opts)
end

return M
