--- newsroom.entity_network: who appears with whom — entities named in the same sentence (or
-- document), counted, with an example, and drawn as a network in an HTML report.
--
--   local net = require("newsroom.entity_network")
--   net.pairs(corpus)                             --> List of {a, b, count, docs, sources, example}
--   net.pairs(corpus, {kinds = {"person"}, by = "document"})
--   net.neighbours(corpus, "Blinken")             --> List of {name, kind, count, docs, example}
--   net.nodes(corpus)                             --> List of {name, kind, mentions, docs, links, strength}
--   net.chart(corpus)                             --> a report.chart.network for report.html
--   net.run(corpus, {args = {"Qin Gang"}})
--   net.main(...)                                 -- the command line (scripts/entity_network.lua)
local util = require("newsroom.util")

local M = {}

M.usage = "dossier run scripts/entity_network.lua [ENTITY…] [--kinds=person,organization,…|all] "
  .. "[--by=sentence|document] [--entities=N] [--min=N] [--top=N] [--html[=FILE]] [--csv[=FILE]] [--markdown[=FILE]]"

M.kinds = { "person", "organization", "place", "event", "other" }
M.default_kinds = { "person", "organization" }

local pair_columns = { "a", "b", "count", "docs", "sources", "example" }
local neighbour_columns = { "name", "kind", "count", "docs", "example" }
local node_columns = { "name", "kind", "mentions", "docs", "links", "strength" }

-- The kinds to use: a list, a comma-separated string, or "all"; checked.
local function kinds_of(kinds)
  if kinds == nil then kinds = M.default_kinds end
  if type(kinds) == "string" then
    if kinds == "all" then return M.kinds end
    local list = {}
    for k in kinds:gmatch("[^,%s]+") do list[#list + 1] = k end
    kinds = list
  end
  local known = {}
  for _, k in ipairs(M.kinds) do known[k] = true end
  for _, k in ipairs(kinds) do
    if not known[k] then
      error("unknown entity kind '" .. tostring(k) .. "' (kinds: " .. table.concat(M.kinds, ", ") .. ", or all)", 0)
    end
  end
  return kinds
end

local function check_by(by)
  by = by or "sentence"
  if by ~= "sentence" and by ~= "document" then
    error("by must be 'sentence' or 'document', got '" .. tostring(by) .. "'", 0)
  end
  return by
end

-- The most mentioned entities of the kinds asked for (at most `n`), most mentioned first.
local function top_entities(c, kinds, n)
  local all = {}
  for _, kind in ipairs(kinds) do
    for _, e in ipairs(c:entities({ kind = kind })) do all[#all + 1] = e end
  end
  table.sort(all, function(a, b)
    if a.count ~= b.count then return a.count > b.count end
    return a.name < b.name
  end)
  local out = {}
  for i = 1, math.min(n, #all) do out[i] = all[i] end
  return out
end

-- The place a mention counts in: its sentence (a table key: the same sentence is the same
-- value), or its document id.
local function unit_of(m, by)
  if by == "document" then return m.doc and m.doc.id end
  return m.sentence
end

--- Pairs of entities named together, most often first. Options: kinds (default person and
-- organization; a list, "person,place" or "all"), by ("sentence", default, or "document"),
-- entities (how many of the most mentioned entities take part, default 40), min (fewest
-- co-occurrences, default 1). A row: a, b (names, in alphabetical order), count (sentences or
-- documents naming both), docs, sources (outlets, joined), example (the first sentence naming
-- both; with by = "document", empty), kind_a, kind_b.
function M.pairs(c, opts)
  opts = opts or {}
  local kinds = kinds_of(opts.kinds)
  local by = check_by(opts.by)
  local entities = top_entities(c, kinds, opts.entities or 40)
  -- The counting is corpus:cooccurrence's (one pass over the entity index); this adds the
  -- outlets and the example sentence.
  local found = c:cooccurrence({ kind = kinds, among = entities, within = by, min = opts.min or 1,
                                 top = false, measure = "count" })
  local kept = {}
  for _, p in ipairs(found) do
    local a, b = p.a, p.b
    if b.name < a.name then a, b = b, a end
    local sources = {}
    for _, doc in ipairs(p.docs) do sources[#sources + 1] = util.label(util.source_of(doc)) end
    local outlets = util.distinct(sources)
    kept[#kept + 1] = { a = a.name, b = b.name, kind_a = a.kind, kind_b = b.kind, count = p.count, docs = #p.docs,
                        outlet_list = outlets, sources = util.join(outlets), pmi = p.pmi, llr = p.llr,
                        example = by == "sentence" and p.example and util.squash(p.example.text) or "" }
  end
  table.sort(kept, function(x, y)
    if x.count ~= y.count then return x.count > y.count end
    if x.docs ~= y.docs then return x.docs > y.docs end
    if x.a ~= y.a then return x.a < y.a end
    return x.b < y.b
  end)
  return util.list(kept, pair_columns)
end

--- The entities named with one entity (`name`: any alias), most often first. Options: kinds
-- (of the neighbours; default person and organization), by, min. Every entity of those kinds
-- takes part, not only the most mentioned. A row: name, kind, count, docs, example. Raises an
-- error when `name` is not an entity of `c`.
function M.neighbours(c, name, opts)
  opts = opts or {}
  local kinds = kinds_of(opts.kinds)
  local by = check_by(opts.by)
  local wanted = {}
  for _, k in ipairs(kinds) do wanted[k] = true end
  local entity = c:entity(name)
  if not entity then error("no entity named '" .. tostring(name) .. "' in this corpus", 0) end
  local rows, by_name, seen_unit = {}, {}, {}
  local mentions = entity:mentions()
  for _, m in ipairs(mentions) do
    local u = unit_of(m, by)
    if u ~= nil and not seen_unit[u] then
      seen_unit[u] = true
      local others
      if by == "document" then others = m.doc:entities() else others = m.sentence:entities() end
      local seen = {}
      for _, e in ipairs(others) do
        if e.name ~= entity.name and wanted[e.kind] and not seen[e.name] then
          seen[e.name] = true
          local r = by_name[e.name]
          if not r then
            r = { name = e.name, kind = e.kind, count = 0, docs = 0, doc_set = {},
                  example = by == "sentence" and util.squash(m.sentence.text) or "" }
            by_name[e.name] = r
            rows[#rows + 1] = r
          end
          r.count = r.count + 1
          if not r.doc_set[m.doc.id] then
            r.doc_set[m.doc.id] = true
            r.docs = r.docs + 1
          end
        end
      end
    end
  end
  local kept = {}
  for _, r in ipairs(rows) do
    r.doc_set = nil
    if r.count >= (opts.min or 1) then kept[#kept + 1] = r end
  end
  table.sort(kept, function(x, y)
    if x.count ~= y.count then return x.count > y.count end
    return x.name < y.name
  end)
  return util.list(kept, neighbour_columns), entity
end

--- The entities of the network (the options of `pairs`): name, kind, mentions, docs, links
-- (how many others they are named with), strength (co-occurrences summed); most mentioned
-- first.
function M.nodes(c, opts)
  opts = opts or {}
  local kinds = kinds_of(opts.kinds)
  local entities = top_entities(c, kinds, opts.entities or 40)
  local links, strength = {}, {}
  for _, p in ipairs(M.pairs(c, opts)) do
    links[p.a] = (links[p.a] or 0) + 1
    links[p.b] = (links[p.b] or 0) + 1
    strength[p.a] = (strength[p.a] or 0) + p.count
    strength[p.b] = (strength[p.b] or 0) + p.count
  end
  local rows = {}
  for i, e in ipairs(entities) do
    rows[i] = { name = e.name, kind = e.kind, mentions = e.count, docs = #e:docs(), links = links[e.name] or 0,
                strength = strength[e.name] or 0 }
  end
  return util.list(rows, node_columns)
end

--- A network chart (report.chart.network) of the entities and pairs, for report.html.
function M.chart(c, opts)
  opts = opts or {}
  local nodes, edges = {}, {}
  local linked = {}
  local pairs_list = M.pairs(c, opts)
  for _, p in ipairs(pairs_list) do
    edges[#edges + 1] = { source = p.a, target = p.b, weight = p.count }
    linked[p.a], linked[p.b] = true, true
  end
  for _, n in ipairs(M.nodes(c, opts)) do
    if linked[n.name] then nodes[#nodes + 1] = { id = n.name, label = n.name, weight = n.mentions, group = n.kind } end
  end
  return report.chart.network({ title = opts.title or "Who appears with whom", nodes = nodes, edges = edges })
end

function M.sections(c, opts)
  opts = opts or {}
  local by = check_by(opts.by)
  local pairs_list = M.pairs(c, opts)
  local pairs_table = report.table(pairs_list, { columns = pair_columns })
  return {
    {
      heading = "Who appears with whom",
      blocks = {
        string.format("Entities (%s) named in the same %s; a link's weight is how often.",
          table.concat(kinds_of(opts.kinds), ", "), by),
        M.chart(c, opts),
        report.table(M.nodes(c, opts), { columns = node_columns }),
        pairs_table,
      },
    },
  }, pairs_table
end

--- Prints the network: with no `opts.args`, the entities and the strongest pairs; with entity
-- names, the entities named with each. Options: those of `pairs`, top (rows, default 20),
-- html (the network chart and tables), csv (the pairs), markdown.
function M.run(c, opts)
  opts = opts or {}
  local query = { kinds = opts.kinds, by = opts.by, entities = opts.entities, min = opts.min }
  local top = opts.top or 20
  local width = opts.width or 100
  local names = opts.args or {}
  if #names > 0 then
    for _, name in ipairs(names) do
      local ok, rows, entity = pcall(M.neighbours, c, name, query)
      if not ok then
        print(tostring(rows))
      else
        util.heading(string.format("%s (%s, %s) is named with", entity.name, entity.kind, util.plural(entity.count, "mention")))
        if #rows == 0 then print("nobody of the kinds asked for (--kinds=all for every kind)") end
        local shown = rows:top(top)
        report.table(shown, { columns = { "name", "kind", "count", "docs" } }):print()
        if #shown < #rows then print(string.format("… %d more (--top=N)", #rows - #shown)) end
        local examples = 0
        for _, r in ipairs(shown) do
          if r.example ~= "" and examples < 5 then
            examples = examples + 1
            if examples == 1 then print("") print("For example:") end
            print(util.wrap("with " .. r.name .. ": " .. r.example, width, "   "))
          end
        end
      end
    end
  else
    local pairs_list = M.pairs(c, query)
    local nodes = M.nodes(c, query)
    print(string.format("%s and %s (%s named in the same %s).", util.plural(#nodes, "entity", "entities"),
      util.plural(#pairs_list, "link"), table.concat(kinds_of(query.kinds), ", "), check_by(query.by)))
    util.heading("Entities")
    local shown_nodes = nodes:top(top)
    report.table(shown_nodes, { columns = node_columns }):print()
    if #shown_nodes < #nodes then print(string.format("… %d more (--top=N)", #nodes - #shown_nodes)) end
    util.heading("Pairs")
    local shown = pairs_list:top(top)
    report.table(shown, { columns = { "a", "b", "count", "docs", "sources" } }):print()
    if #shown < #pairs_list then print(string.format("… %d more (--top=N)", #pairs_list - #shown)) end
    print("")
    print("One entity's links: dossier run scripts/entity_network.lua NAME")
  end
  if opts.html or opts.csv or opts.markdown then
    local sections, pairs_table = M.sections(c, query)
    util.write_reports(opts, { name = "entity_network", title = "Who appears with whom",
                               subtitle = util.plural(#c, "document"), sections = sections, csv = pairs_table })
  end
end

--- The command line: `main(...)` with the script's arguments.
function M.main(...)
  local opts = util.parse_args({ ... }, {
    usage = M.usage,
    options = { kinds = "string", by = "string", entities = "number", min = "number", top = "number",
                html = "file", csv = "file", markdown = "file" },
  })
  if opts.help then
    print("usage: " .. M.usage)
    print("Entities named together, counted; with ENTITY names, who each is named with.")
    return
  end
  local ok, err = pcall(function()
    kinds_of(opts.kinds)
    check_by(opts.by)
  end)
  if not ok then error(tostring(err) .. "\nusage: " .. M.usage, 0) end
  return M.run(corpus, opts)
end

return M
