--- newsroom.timeline: the dates the articles mention, resolved and grouped into events, with
-- what was named around them and which outlets mention them. Ranges stay ranges.
--
--   local tl = require("newsroom.timeline")
--   tl.mentions(corpus, {from = "2023-06"})     --> List of {date, start, stop, said, source, doc, context, …}
--   tl.events(corpus)                           --> List of {date, start, stop, precision, said, mentions, docs, sources, about, context}
--   tl.by_source(corpus)                        --> List of {date, <outlet> = count, …}
--   tl.run(corpus, {args = {"2023-06-01", "2023-06-30"}})
--   tl.main(...)                                -- the command line (scripts/timeline.lua)
local util = require("newsroom.util")

local M = {}

M.usage = "dossier run scripts/timeline.lua [FROM [TO]] [--all] [--source=OUTLET] [--top=N] "
  .. "[--html[=FILE]] [--csv[=FILE]] [--markdown[=FILE]]"

local mention_columns = { "date", "said", "source", "context" }
local event_columns = { "date", "said", "docs", "about", "context" }

-- The first and last day an ISO date, month, year or range `a/b` covers, as sortable strings
-- ("2022-11" → "2022-11-01", "2022-11-31": only compared, never shown).
local function span(iso)
  local a, b = tostring(iso):match("^([^/]+)/(.+)$")
  a, b = a or iso, b or iso
  local function low(d)
    if #d == 4 then return d .. "-01-01" end
    if #d == 7 then return d .. "-01" end
    return d
  end
  local function high(d)
    if #d == 4 then return d .. "-12-31" end
    if #d == 7 then return d .. "-31" end
    return d
  end
  return low(a), high(b), a, (b ~= a) and b or nil
end
M.span = span

--- How precise an ISO value is: "day", "month", "year" or "range".
function M.precision(iso)
  iso = tostring(iso)
  if iso:find("/", 1, true) then return "range" end
  if #iso == 4 then return "year" end
  if #iso == 7 then return "month" end
  return "day"
end

-- Whether an argument looks like an ISO date, month or year.
local function is_iso(s)
  s = tostring(s)
  return s:match("^%d%d%d%d$") or s:match("^%d%d%d%d%-%d%d$") or s:match("^%d%d%d%d%-%d%d%-%d%d$")
end

--- Every resolved date mention of `c`, in date order. Options: `from`, `to` (ISO day, month or
-- year: keeps mentions whose span overlaps the period, except a year or month that holds all
-- of a shorter period, such as "2023" for June 2023), `source` (an outlet), `relative` (false: only
-- dates written out in full, such as "November 2022"). A row: date (ISO, a range `a/b` kept),
-- start, stop (nil unless a range), precision, said (as written), source, doc, sentence,
-- relative, anchor, context (the sentence around the date, the date in brackets), first, last
-- (the days the date covers, for comparing).
function M.mentions(c, opts)
  opts = opts or {}
  local from = opts.from and (span(opts.from))
  local to = opts.to and select(2, span(opts.to))
  local rows = {}
  for _, m in ipairs(c:timeline()) do
    if m.date then
      local first, last, start, stop = span(m.date)
      -- In the period or across its edges; a year or month that holds the whole period ("2023"
      -- when June is asked for) says nothing more precise, and is left out. Ranges stay: "June
      -- 18–19" is an event of the 18th.
      local precision = M.precision(m.date)
      local contains = from ~= nil and to ~= nil and first <= from and last >= to and (first < from or last > to)
        and (precision == "year" or precision == "month")
      local keep = (from == nil or last >= from) and (to == nil or first <= to) and not contains
        and (opts.source == nil or util.source_of(m.doc):lower() == tostring(opts.source):lower())
        and (opts.relative ~= false or not m.relative)
      if keep then
        local context = ""
        local s = m.sentence
        if s and m.offset then
          local from_byte = m.offset - s.offset + 1
          context = util.around(s.text, from_byte, from_byte + #m.text - 1, 70)
        elseif s then
          context = util.clip(s.text, 140)
        end
        rows[#rows + 1] = {
          date = m.date, start = start, stop = stop, precision = M.precision(m.date), said = util.squash(m.text),
          source = util.source_of(m.doc), doc = m.doc, sentence = s, relative = m.relative, anchor = m.anchor,
          context = context, first = first, last = last,
        }
      end
    end
  end
  table.sort(rows, function(a, b)
    if a.first ~= b.first then return a.first < b.first end
    if a.last ~= b.last then return a.last > b.last end
    if a.doc.id ~= b.doc.id then return a.doc.id < b.doc.id end
    return (a.sentence and a.sentence.index or 0) < (b.sentence and b.sentence.index or 0)
  end)
  return util.list(rows, mention_columns)
end

-- The named things of an event's sentences that say what it is: mentioned there most, and
-- rare in the corpus as a whole (a name everyone uses, such as the country in every story,
-- says little).
local function about(sentences, max_count)
  local n, kinds = {}, {}
  local totals = {}
  for s in pairs(sentences) do
    local ok, ents = pcall(function() return s:entities() end)
    if ok and ents then
      local seen = {}
      for _, e in ipairs(ents) do
        if not seen[e.name] then
          seen[e.name] = true
          n[e.name] = (n[e.name] or 0) + 1
          totals[e.name] = e.count
          kinds[e.name] = e.kind
        end
      end
    end
  end
  -- Names used all over the corpus (at least half as often as the most frequent one) only
  -- when nothing else was named there.
  local names, common = {}, {}
  for name in pairs(n) do
    if (totals[name] or 0) * 2 >= max_count then common[#common + 1] = name else names[#names + 1] = name end
  end
  local function score(name)
    return n[name] * math.log((1 + max_count) / math.max(1, totals[name] or 1))
  end
  local function by_score(a, b)
    local sa, sb = score(a), score(b)
    if sa ~= sb then return sa > sb end
    return a < b
  end
  table.sort(names, by_score)
  table.sort(common, by_score)
  if #names == 0 then names = common end
  local out = {}
  for i = 1, math.min(4, #names) do out[i] = names[i] end
  return out
end

--- The mentions grouped into events: one row per date value (a day, month, year or range), in
-- date order. A row: date, start, stop, precision, said (the ways it was written, "; "),
-- mentions, docs (documents), sources (outlets, joined; the first six), outlet_list (all), about (the names most particular to
-- those sentences: "G20, Bali"), context (the first mention in its sentence), contexts (every
-- one), rows (the mentions). Takes the options of `mentions`.
function M.events(c, opts)
  local groups, order = {}, {}
  for _, row in ipairs(M.mentions(c, opts)) do
    local g = groups[row.date]
    if not g then
      g = { date = row.date, start = row.start, stop = row.stop, precision = row.precision, first = row.first, last = row.last,
            rows = {}, said_list = {}, source_list = {}, doc_set = {}, docs = 0, sentence_set = {}, contexts = {} }
      groups[row.date] = g
      order[#order + 1] = g
    end
    g.rows[#g.rows + 1] = row
    g.said_list[#g.said_list + 1] = row.said
    g.source_list[#g.source_list + 1] = row.source
    g.contexts[#g.contexts + 1] = row.context
    if not g.doc_set[row.doc.id] then
      g.doc_set[row.doc.id] = true
      g.docs = g.docs + 1
    end
    if row.sentence then g.sentence_set[row.sentence] = true end
  end
  local max_count = 1
  local ok, all = pcall(function() return c:entities() end)
  if ok and all then
    for _, e in ipairs(all) do if e.count > max_count then max_count = e.count end end
  end
  for _, g in ipairs(order) do
    g.mentions = #g.rows
    -- Ways of writing it, case-insensitively distinct.
    local seen, said = {}, {}
    for _, s in ipairs(g.said_list) do
      if not seen[s:lower()] then seen[s:lower()] = true; said[#said + 1] = s end
    end
    g.said = table.concat(said, "; ")
    local labels = {}
    for i, s in ipairs(util.distinct(g.source_list)) do labels[i] = util.label(s) end
    g.sources = util.join(labels)
    g.outlet_list = labels
    g.about_list = about(g.sentence_set, max_count)
    g.about = table.concat(g.about_list, ", ")
    g.context = g.contexts[1]
    g.said_list, g.source_list, g.doc_set, g.sentence_set = nil, nil, nil, nil
  end
  return util.list(order, event_columns)
end

--- The `n` events the most documents mention (then the most mentions), still in date order;
-- all of them when `n` is nil or not smaller.
function M.top(events, n)
  if not n or n >= #events then return events end
  local ranked = {}
  for i, e in ipairs(events) do ranked[i] = { e = e, i = i } end
  table.sort(ranked, function(a, b)
    if a.e.docs ~= b.e.docs then return a.e.docs > b.e.docs end
    if a.e.mentions ~= b.e.mentions then return a.e.mentions > b.e.mentions end
    return a.i < b.i
  end)
  local picked = {}
  for i = 1, n do picked[i] = ranked[i] end
  table.sort(picked, function(a, b) return a.i < b.i end)
  local out = {}
  for i, p in ipairs(picked) do out[i] = p.e end
  return util.list(out, event_columns)
end

--- Which outlet mentions which date: one row per event, a column per outlet (short labels)
-- with the number of mentions (nil for none). With more than `opts.outlets` outlets (default
-- 12), see util.outlet_columns: "no source" and "others" columns sum the rest. Takes the
-- options of `mentions`; `events` may be given when already computed.
function M.by_source(c, opts, events)
  opts = opts or {}
  events = events or M.events(c, opts)
  local weight = {}
  for _, e in ipairs(events) do
    for _, m in ipairs(e.rows) do weight[m.source] = (weight[m.source] or 0) + 1 end
  end
  local outlet_columns, column_of = util.outlet_columns(c, opts.outlets or 12, weight)
  local columns = { "date" }
  for i, name in ipairs(outlet_columns) do columns[i + 1] = name end
  local rows = {}
  for _, e in ipairs(events) do
    local row = { date = e.date }
    for _, m in ipairs(e.rows) do
      local key = column_of(m.source)
      row[key] = (row[key] or 0) + 1
    end
    rows[#rows + 1] = row
  end
  return util.list(rows, columns)
end

function M.sections(c, opts)
  opts = opts or {}
  local all = M.events(c, opts)
  local events = M.top(all, opts.top)
  local chart_items = {}
  for i, e in ipairs(events) do
    local said = e.said:match("^[^;]+")
    chart_items[i] = { label = e.about ~= "" and (said .. " · " .. e.about) or said, start = e.start, ["end"] = e.stop,
                       detail = e.said .. " (" .. e.sources .. ")" }
  end
  local rows = {}
  for i, e in ipairs(events) do
    rows[i] = { date = e.date, said = e.said, mentions = e.mentions, docs = e.docs, sources = e.sources, about = e.about,
                context = table.concat(e.contexts, " | ") }
  end
  local events_table = report.table(rows, { columns = { "date", "said", "mentions", "docs", "sources", "about", "context" } })
  return {
    {
      heading = "Timeline",
      blocks = {
        string.format("%d dated events from %d date mentions (relative dates resolved against each document's date)%s.",
          #all, all:sum("mentions"), #events < #all and ("; the " .. #events .. " most reported are shown") or ""),
        report.chart.timeline(chart_items, { title = "When things happened" }),
        events_table,
        "Which outlet mentions which date:",
        report.table(M.by_source(c, opts, events)),
      },
    },
  }, events_table
end

--- Prints the timeline. `opts.args` may hold FROM and TO (ISO day, month or year; one
-- argument: just that period). `opts.all` lists every mention instead of events; `top` shows
-- only the N events the most documents mention (in date order); `source`, `html`, `csv`,
-- `markdown` as in the other tools.
function M.run(c, opts)
  opts = opts or {}
  local args = opts.args or {}
  if #args > 2 then error("too many arguments\nusage: " .. M.usage, 0) end
  for _, a in ipairs(args) do
    if not is_iso(a) then error("'" .. a .. "' is not a date like 2023, 2023-06 or 2023-06-18\nusage: " .. M.usage, 0) end
  end
  local query = { from = args[1], to = args[2] or args[1], source = opts.source }
  local events = M.events(c, query)
  local nmentions = events:sum("mentions")
  local period = ""
  if args[1] then period = args[2] and (" from " .. args[1] .. " to " .. args[2]) or (" in " .. args[1]) end
  if #events == 0 then
    print("No dated events" .. period .. ".")
  else
    local first, last, last_day = events[1].start, nil, ""
    for _, e in ipairs(events) do
      if e.last > last_day then last_day, last = e.last, e.stop or e.start end
    end
    print(string.format("%s from %s%s%s.", util.plural(#events, "dated event"), util.plural(nmentions, "mention"),
      period, first == last and "" or (", " .. first .. " to " .. last)))
    local width = opts.width or 100
    if opts.all then
      for _, m in ipairs(M.mentions(c, query)) do
        print("")
        print(string.format("%-22s %s · %s", m.date, m.said, m.source == m.doc.id and m.doc.id or (m.source .. " · " .. m.doc.id)))
        print(util.wrap(m.context, width, string.rep(" ", 23)))
      end
    else
      local shown = M.top(events, opts.top)
      for _, e in ipairs(shown) do
        print("")
        print(string.format("%-22s %s   (%s: %s)", e.date, e.said, util.plural(e.docs, "document"), e.sources))
        if e.about ~= "" then print(string.rep(" ", 23) .. e.about) end
        print(util.wrap(e.context, width, string.rep(" ", 23)))
      end
      if #shown < #events then
        print(string.format("\n(the %d events most documents mention; %d more without --top)", #shown, #events - #shown))
      end
      util.heading("Which outlet mentions which date")
      report.table(M.by_source(c, query, util.list(shown))):print()
    end
  end
  if opts.html or opts.csv or opts.markdown then
    query.top = opts.top
    local sections, events_table = M.sections(c, query)
    util.write_reports(opts, { name = "timeline", title = "Timeline" .. period, subtitle = util.plural(#c, "document"),
                               sections = sections, csv = events_table })
  end
end

--- The command line: `main(...)` with the script's arguments.
function M.main(...)
  local opts = util.parse_args({ ... }, {
    usage = M.usage,
    options = { all = "flag", source = "string", top = "number", html = "file", csv = "file", markdown = "file" },
  })
  if opts.help then
    print("usage: " .. M.usage)
    print("The dates the articles mention, grouped into events; FROM and TO are ISO dates, months or years.")
    return
  end
  return M.run(corpus, opts)
end

return M
