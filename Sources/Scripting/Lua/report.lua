--- The `report` module: tables (terminal, Markdown, CSV, JSON), self-contained HTML reports
-- with SVG charts, terminal bar charts and sparklines, and atomic writes under the output
-- folder. The Swift half (`native`) takes plain cells; this file turns a script's rows
-- (records, objects, Lists) into them. `util` is dossier.util (Lua/util.lua).
local List, printer, native, util = ...

local report = { chart = {}, output_folder = native.output_folder }

local type, ipairs, pairs, getmetatable, rawget, tostring = type, ipairs, pairs, getmetatable, rawget, tostring
local pcall, error = pcall, error

-- Calls the Swift function `native[name]` and raises its error (a bad argument, say) as the
-- report function's own, at the line of the script that called it.
local function call_native(name, ...)
  local ok, result = pcall(native[name], ...)
  if ok then return result end
  if type(result) == "string" then
    result = result:gsub("^%[dossier report%]:%d+: ", ""):gsub("to '%?'", "to '" .. name .. "'")
  end
  error(result, 3)
end

-- Raises Lua's own "bad argument" message (at the caller's line) unless `value` is a table,
-- a List or a lazy list.
local function expect_list(value, position, name)
  if type(value) == "table" or List.is(value) then return end
  error(string.format("bad argument #%d to '%s' (table expected, got %s)", position, name,
                      value == nil and "no value" or type(value)), 3)
end

-- Raises Lua's "bad argument" message unless `value` is nil or a table whose names the
-- function's options declaration (Bindings/OptionSets.swift) lists.
local function expect_options(value, position, name)
  if value == nil then return end
  if type(value) ~= "table" then
    error(string.format("bad argument #%d to '%s' (table of options expected, got %s)", position, name, type(value)), 3)
  end
  local ok, message = pcall(native.options, name, value, position)
  if not ok then
    error((tostring(message):gsub("^%[dossier report%]:%d+: ", ""):gsub("^[^%(]-: bad argument", "bad argument")), 3)
  end
end

-- A cell value Swift can take: numbers, booleans and strings stay; objects become their
-- short form (a Document its id, an Entity its name); tables become one line.
local function cell(v)
  local t = type(v)
  if t == "number" or t == "boolean" or t == "string" or t == "nil" then return v end
  return printer.cell(v)
end

local function columns_of(rows, opts)
  if opts.columns then return opts.columns end
  local mt = getmetatable(rows)
  if type(mt) == "table" and rawget(mt, "__columns") then return rawget(mt, "__columns") end
  local first = rows[1]
  local fmt = getmetatable(first)
  if type(first) ~= "table" and type(fmt) == "table" and rawget(fmt, "__columns") then return rawget(fmt, "__columns") end
  local seen, keys = {}, {}
  for i = 1, math.min(#rows, 100) do
    local row = rows[i]
    if type(row) == "table" then
      for k in pairs(row) do
        if type(k) == "string" and not seen[k] then seen[k] = true; keys[#keys + 1] = k end
      end
    end
  end
  table.sort(keys)
  if #keys == 0 then return { "value" } end
  return keys
end

-- `row[key]`, for pcall (one function for every cell, not a closure per cell).
local function field_of(row, key) return row[key] end

--- A Table from `rows` (a List or sequence of records or objects). `opts.columns` picks and
-- orders the columns (default: the List's columns, else the keys seen). In an HTML report,
-- `opts.top` rows are shown with a note of how many more `opts.noun` there are, and a link to
-- `opts.link` (the whole table written beside the page).
function report.table(rows, opts)
  expect_list(rows, 1, "table")
  expect_options(opts, 2, "table")
  opts = opts or {}
  local columns = columns_of(rows, opts)
  local ncolumns = #columns
  local plain = {}
  for i = 1, #rows do
    local row, out = rows[i], {}
    local kind = type(row)
    if kind ~= "table" and kind ~= "userdata" then
      out[1] = cell(row) or nil
    elseif kind == "table" and getmetatable(row) == nil then
      -- A plain record (the common case: rows a script built) cannot fail to index.
      for c = 1, ncolumns do out[c] = cell(row[columns[c]]) or nil end
    else
      -- An object, or a table whose metatable may raise for a missing field: such a cell is empty.
      for c = 1, ncolumns do
        local ok, value = pcall(field_of, row, columns[c])
        out[c] = ok and cell(value) or nil
      end
    end
    plain[i] = out
  end
  return call_native("table", columns, plain, { top = opts.top, noun = opts.noun, link = opts.link })
end

-- Items for bar charts and terminal bars: `{label=, value=}` records, or any rows with
-- `opts.label` / `opts.value` naming their fields (default: the first string and number).
local function label_values(items, opts)
  local out = {}
  for i = 1, #items do
    local item = items[i]
    local label, value
    if type(item) == "table" or type(item) == "userdata" then
      -- An object (an Entity, say) has only its own members: ask before reading the others.
      local get = util.get
      label = get(item, opts.label or "label")
      value = get(item, opts.value or "value")
      if label == nil and opts.label == nil then
        label = get(item, "term") or get(item, "name") or get(item, "key") or get(item, "ngram") or get(item, "source")
      end
      if value == nil and opts.value == nil then value = get(item, "count") or get(item, "score") or get(item, "docs") end
    end
    out[#out + 1] = { label = tostring(cell(label) or i), value = tonumber(value) or 0 }
  end
  return out
end

--- Bar chart for an HTML report: `report.chart.bar(rows, {title=, label=, value=})`.
function report.chart.bar(items, opts)
  expect_list(items, 1, "bar")
  expect_options(opts, 2, "bar")
  opts = opts or {}
  return native.chart("bar", { title = opts.title, items = label_values(items, opts) })
end

--- Timeline: events `{label, start, end, detail}`, or DateMentions (their `date` may be a
-- range `a/b`) with `opts.label` naming the label field (default `text`).
function report.chart.timeline(events, opts)
  expect_list(events, 1, "timeline")
  expect_options(opts, 2, "timeline")
  opts = opts or {}
  local out = {}
  for i = 1, #events do
    local e = events[i]
    local get = util.get
    local start, finish = get(e, "start"), get(e, "end")
    local date = get(e, "date")
    if not start and date then
      start, finish = tostring(date):match("^([^/]+)/?(.*)$")
      if finish == "" then finish = nil end
    end
    if start then
      local label = get(e, opts.label or "label") or get(e, "text") or start
      local detail = get(e, "detail")
      local doc = get(e, "doc")
      if detail == nil and doc then detail = cell(doc) end
      out[#out + 1] = { label = tostring(cell(label)), start = tostring(start), ["end"] = finish and tostring(finish) or nil,
                        detail = detail and tostring(detail) or nil }
    end
  end
  return native.chart("timeline", { title = opts.title, items = out })
end

--- Network: `report.chart.network{nodes = {{id=, label=, weight=, group=}}, edges = {{source=, target=, weight=}}, title=}`.
function report.chart.network(spec)
  expect_list(spec, 1, "network")
  expect_options(spec, 1, "network")
  return native.chart("network", { title = spec.title, nodes = spec.nodes or {}, edges = spec.edges or {} })
end

--- Matrix (e.g. source × claim): `report.chart.matrix{rows=, columns=, cells=, title=}`.
function report.chart.matrix(spec)
  expect_list(spec, 1, "matrix")
  expect_options(spec, 1, "matrix")
  return native.chart("matrix", { title = spec.title, rows = spec.rows or {}, columns = spec.columns or {}, cells = spec.cells or {} })
end

local function block_of(b)
  local t = type(b)
  if t == "string" or t == "number" then return tostring(b) end
  if t == "userdata" then return b end
  if t == "table" then
    if b.html then return { html = b.html } end
    if List.is(b) or b[1] ~= nil then return report.table(b) end
  end
  return nil
end

--- A self-contained HTML page: `report.html{title=, subtitle=, sections = {{heading=, …blocks}}}`.
-- A section's blocks are its array items (or `blocks`): strings (paragraphs), Tables, Charts,
-- Lists (made into tables), or `{html = "…"}`.
function report.html(spec)
  if type(spec) ~= "table" then error("bad argument #1 to 'html' (table expected, got " .. type(spec) .. ")", 2) end
  expect_options(spec, 1, "html")
  local sections = {}
  for _, s in ipairs(spec.sections or {}) do
    local blocks = {}
    for _, b in ipairs(s.blocks or s) do
      local block = block_of(b)
      if block ~= nil then blocks[#blocks + 1] = block end
    end
    sections[#sections + 1] = { heading = s.heading or s.title or "", blocks = blocks }
  end
  return native.html({ title = spec.title, subtitle = spec.subtitle, sections = sections })
end

--- Writes `text` (or a Table, as CSV, without making it one string) to `path` under the
-- output folder, atomically; returns the full path.
report.write = native.write

--- Horizontal bars in the terminal: `report.bars(rows, {label=, value=, width=})`.
function report.bars(items, opts)
  expect_list(items, 1, "bars")
  expect_options(opts, 2, "bars")
  opts = opts or {}
  local text = call_native("bars", label_values(items, opts), opts.width)  -- not a tail call: errors name the caller
  return text
end

--- A one-line sparkline of numbers (or of one field of rows).
function report.sparkline(values, field)
  expect_list(values, 1, "sparkline")
  local out = {}
  for i = 1, #values do
    local v = values[i]
    if field then v = v[field] end
    out[#out + 1] = tonumber(v) or 0
  end
  return native.sparkline(out)
end

return report
