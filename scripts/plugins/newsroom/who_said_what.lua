--- newsroom.who_said_what: quotations per speaker, with the speaker's role and the outlets
-- that quote them.
--
--   local who = require("newsroom.who_said_what")
--   who.quotes(corpus, {speaker = "Blinken"})   --> List of {speaker, role, verb, quote, kind, source, doc, …}
--   who.speakers(corpus)                         --> List of {speaker, role, quotes, full, partial, docs, sources}
--   who.by_source(corpus)                        --> List of {source, quotes, speakers, most_quoted}
--   who.run(corpus, {args = {"Blinken"}})        -- prints; html/csv/markdown write report files
--   who.main(...)                                -- the command line (scripts/who_said_what.lua)
local util = require("newsroom.util")

local M = {}

M.usage = "dossier run scripts/who_said_what.lua [SPEAKER…] [--full] [--all] [--source=OUTLET] [--top=N] "
  .. "[--html[=FILE]] [--csv[=FILE]] [--markdown[=FILE]]"

local quote_columns = { "speaker", "role", "verb", "quote", "source", "doc" }
local speaker_columns = { "speaker", "role", "quotes", "full", "partial", "docs", "sources" }
local source_columns = { "source", "quotes", "speakers", "most_quoted" }

-- The role to show for a speaker: the entity's most frequent title, else nothing.
local function role_of(entity)
  if entity == nil then return nil end
  local roles = entity.roles
  if roles and #roles > 0 then return roles[1] end
  return nil
end

--- One row per quotation of `c`, in document order. Options:
--   speaker  a name (surname, alias or the phrase as written; several: a list)
--   full     true: full quotations only (no fragments quoted inside the writer's sentence)
--   all      true: keep scare quotes too (one or two quoted words nobody said)
--   source   only documents of this outlet
-- A row: speaker (the resolved name, else the attribution as written, else "unattributed"),
-- resolved (true when the speaker is a known person), role, verb, quote (the full text), kind
-- ("full", "partial", "scare"), source, doc, sentence, entity (the Entity or nil).
function M.quotes(c, opts)
  opts = opts or {}
  local query = {}
  if opts.full then query.partial = false end
  local names = opts.speaker
  if type(names) ~= "table" then names = { names } end
  local lists = {}
  for i = 1, math.max(1, #names) do
    local q = {}
    for k, v in pairs(query) do q[k] = v end
    q.speaker = names[i]
    lists[#lists + 1] = c:quotes(q)
  end
  local rows, seen = {}, {}
  for _, list in ipairs(lists) do
    for _, q in ipairs(list) do
      local key = q.doc.id .. ":" .. tostring(q.offset)
      local keep = not seen[key]
        and (opts.all or q.kind ~= "scare")
        and (opts.source == nil or util.source_of(q.doc):lower() == tostring(opts.source):lower())
      if keep then
        seen[key] = true
        local entity = q.speaker
        local speaker = q.speaker_name or (entity and entity.name)
        local resolved = speaker ~= nil
        if not speaker then
          local written = util.squash(q.speaker_text or "")
          speaker = written ~= "" and written or "unattributed"
        end
        rows[#rows + 1] = {
          speaker = speaker, resolved = resolved, role = role_of(entity), verb = q.verb or "",
          quote = util.squash(q.text), kind = q.kind, source = util.source_of(q.doc), doc = q.doc,
          sentence = q.sentence, entity = entity, offset = q.offset,
        }
      end
    end
  end
  if #lists > 1 then
    table.sort(rows, function(a, b)
      if a.doc.id ~= b.doc.id then return a.doc.id < b.doc.id end
      return (a.offset or 0) < (b.offset or 0)
    end)
  end
  return util.list(rows, quote_columns)
end

-- A grouping key for speakers: resolved names as they are, descriptions case-insensitively
-- and without a leading "the" ("The US officials" = "US officials").
local function speaker_key(row)
  if row.resolved then return row.speaker end
  return "?" .. row.speaker:lower():gsub("^the ", "")
end

--- Quotations per speaker, most quoted first: speaker, role, quotes, full, partial (fragments),
-- docs (how many documents quote them), sources (the outlets, joined), resolved, and rows (the
-- quotes). Takes the options of `quotes`.
function M.speakers(c, opts)
  local groups, order = {}, {}
  for _, row in ipairs(M.quotes(c, opts)) do
    local key = speaker_key(row)
    local g = groups[key]
    if not g then
      g = { speaker = row.speaker, role = row.role, resolved = row.resolved, quotes = 0, full = 0, partial = 0,
            rows = {}, doc_set = {}, docs = 0, source_list = {} }
      groups[key] = g
      order[#order + 1] = g
    end
    g.quotes = g.quotes + 1
    if row.kind == "full" then g.full = g.full + 1 else g.partial = g.partial + 1 end
    g.rows[#g.rows + 1] = row
    if not g.doc_set[row.doc.id] then
      g.doc_set[row.doc.id] = true
      g.docs = g.docs + 1
    end
    g.source_list[#g.source_list + 1] = row.source
  end
  for _, g in ipairs(order) do
    local labels = {}
    for i, s in ipairs(util.distinct(g.source_list)) do labels[i] = util.label(s) end
    g.sources = util.join(labels)
    g.outlet_list = labels
    g.doc_set, g.source_list = nil, nil
  end
  table.sort(order, function(a, b)
    if a.resolved ~= b.resolved then return a.resolved end
    if a.quotes ~= b.quotes then return a.quotes > b.quotes end
    return a.speaker < b.speaker
  end)
  return util.list(order, speaker_columns)
end

--- Per outlet: how many quotations it carries, from how many speakers, and whom it quotes
-- most ("Jonathan Ward 3, Jessica Chen Weiss 3"). Takes the options of `quotes`.
function M.by_source(c, opts)
  local by, order = {}, {}
  for _, row in ipairs(M.quotes(c, opts)) do
    local s = by[row.source]
    if not s then
      s = { source = util.label(row.source), quotes = 0, counts = {}, names = {} }
      by[row.source] = s
      order[#order + 1] = s
    end
    s.quotes = s.quotes + 1
    if not s.counts[row.speaker] then s.names[#s.names + 1] = row.speaker end
    s.counts[row.speaker] = (s.counts[row.speaker] or 0) + 1
  end
  for _, s in ipairs(order) do
    table.sort(s.names, function(a, b)
      if s.counts[a] ~= s.counts[b] then return s.counts[a] > s.counts[b] end
      return a < b
    end)
    s.speakers = #s.names
    local top = {}
    for i = 1, math.min(3, #s.names) do top[i] = s.names[i] .. " " .. s.counts[s.names[i]] end
    s.most_quoted = table.concat(top, ", ")
  end
  table.sort(order, function(a, b)
    if a.quotes ~= b.quotes then return a.quotes > b.quotes end
    return a.source < b.source
  end)
  return util.list(order, source_columns)
end

-- The report sections for `run` and for dossier.report_sections().
function M.sections(c, opts)
  opts = opts or {}
  local speakers = M.speakers(c, opts)
  local quotes = M.quotes(c, opts)
  local rows = {}
  for i, q in ipairs(quotes) do
    rows[i] = { speaker = q.speaker, role = q.role, verb = q.verb, quote = q.quote, kind = q.kind, source = q.source, doc = q.doc.id }
  end
  local table_quotes = report.table(rows, { columns = { "speaker", "role", "verb", "quote", "kind", "source", "doc" } })
  return {
    {
      heading = "Who is quoted",
      blocks = {
        string.format("%d quotations by %d speakers.", #quotes, #speakers),
        report.chart.bar(speakers:top(opts.top or 15), { title = "Quotations per speaker", label = "speaker", value = "quotes" }),
        report.table(speakers, { columns = speaker_columns }),
        report.table(M.by_source(c, opts), { columns = source_columns }),
      },
    },
    { heading = "What they said", blocks = { table_quotes } },
  }, table_quotes
end

local function print_speaker(c, name, opts)
  local q = {}
  for k, v in pairs(opts) do q[k] = v end
  q.speaker = name
  local groups = M.speakers(c, q)
  if #groups == 0 then
    local entity = c:entity(name)
    if entity then
      print(string.format("No quotations attributed to %s: %s is mentioned %d times in %d documents but never quoted.",
        name, entity.name, entity.count, #entity:docs()))
    else
      local all = M.speakers(c, { full = opts.full, all = opts.all, source = opts.source })
      local names = {}
      for i = 1, math.min(12, #all) do names[i] = all[i].speaker end
      if #names == 0 then
        print(string.format("No quotations attributed to %s: nobody is quoted in this corpus.", name))
      else
        print(string.format("No quotations attributed to %s. Quoted: %s%s.", name, table.concat(names, ", "),
          #all > #names and (" and " .. (#all - #names) .. " more") or ""))
      end
    end
    return 0
  end
  for _, g in ipairs(groups) do
    local entity = g.rows[1].entity
    local head = g.speaker
    if g.role then head = head .. " — " .. g.role end
    util.heading(head)
    if entity then
      local aliases = entity.aliases and table.concat(entity.aliases:totable(), ", ") or ""
      local roles = entity.roles and table.concat(entity.roles:totable(), "; ") or ""
      local ndocs = #entity:docs()
      print(string.format("%s, mentioned %s in %s%s%s", entity.kind, util.plural(entity.count, "time"), util.plural(ndocs, "document"),
        aliases ~= "" and ("; also written " .. aliases) or "", roles ~= "" and ("; roles: " .. roles) or ""))
    end
    print(string.format("%s (%d full, %d partial) in %s: %s", util.plural(g.quotes, "quotation"),
      g.full, g.partial, util.plural(g.docs, "document"), g.sources))
    for _, row in ipairs(g.rows) do
      print("")
      local where = row.source == row.doc.id and row.doc.id or (row.source .. " · " .. row.doc.id)
      print(string.format("  %s · %s%s", where, row.verb, row.kind ~= "full" and (" (" .. row.kind .. ")") or ""))
      print(util.wrap("“" .. row.quote .. "”", opts.width or 100, "    "))
    end
  end
  return #groups
end

--- Prints who said what. `opts.args` are speaker names: with none, a table of speakers and of
-- outlets; with names, each speaker's quotations in full. `opts.html`, `opts.csv`,
-- `opts.markdown` (true or a file name) also write report files under the output folder.
-- Other options: those of `quotes`, and `top` (rows in the speakers table, default 20).
function M.run(c, opts)
  opts = opts or {}
  local names = opts.args or {}
  local query = { full = opts.full, all = opts.all, source = opts.source }
  if #names > 0 then
    for _, name in ipairs(names) do print_speaker(c, name, query) end
    query.speaker = names
  else
    local quotes = M.quotes(c, query)
    local speakers = M.speakers(c, query)
    local docs = {}
    for _, q in ipairs(quotes) do docs[q.doc.id] = true end
    local ndocs = 0
    for _ in pairs(docs) do ndocs = ndocs + 1 end
    -- The same words as the briefing: what of corpus:quotes() this view leaves out.
    local all = opts.source and c:filter{ source = opts.source }:quotes() or c:quotes()
    print(string.format("%s by %d speakers in %d documents.", dossier.util.quote_summary(all, quotes), #speakers, ndocs))
    util.heading("Speakers")
    report.table(speakers:top(opts.top or 20), { columns = speaker_columns }):print()
    if #speakers > (opts.top or 20) then print(string.format("… %d more (--top=N)", #speakers - (opts.top or 20))) end
    util.heading("Outlets")
    local outlets = M.by_source(c, query)
    local shown = outlets:top(opts.top or 20)
    report.table(shown, { columns = source_columns }):print()
    if #shown < #outlets then print(string.format("… %d more (--top=N)", #outlets - #shown)) end
    print("")
    print("One speaker's words: dossier run scripts/who_said_what.lua NAME")
  end
  if opts.html or opts.csv or opts.markdown then
    local sections, quotes_table = M.sections(c, query)
    util.write_reports(opts, {
      name = "who_said_what",
      title = #names > 0 and ("Who said what: " .. table.concat(names, ", ")) or "Who said what",
      subtitle = string.format("%d documents", #c),
      sections = sections, csv = quotes_table,
    })
  end
end

--- The command line: `main(...)` with the script's arguments.
function M.main(...)
  local opts = util.parse_args({ ... }, {
    usage = M.usage,
    options = { full = "flag", all = "flag", source = "string", top = "number", html = "file", csv = "file", markdown = "file" },
  })
  if opts.help then
    print("usage: " .. M.usage)
    print("Quotations per speaker, with roles and outlets; with SPEAKER names, their quotations in full.")
    return
  end
  return M.run(corpus, opts)
end

return M
