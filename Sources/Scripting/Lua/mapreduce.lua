--- `dossier map` and `dossier reduce` (issue 14): one analysis over a corpus split in parts.
--
-- A map script returns
--   { tables = { NAME = { key = {...}, sum = {...}, min = {...}, max = {...}, first = {...},
--                         merge = {...}, top_k = { by = FIELD, k = N },
--                         near_duplicates = { threshold = 0.5, measure = "jaccard", sketch = "sketch" } }, ... },
--     map = function(corpus, emit) ... end }
-- `map` runs on one part of the corpus and calls `emit(NAME, row)`; every row becomes one line
-- of JSON (`{"table": NAME, ...}`). `reduce` folds the rows of all the parts, table by table:
-- rows with equal `key` columns become one, their other columns combined by the reducer that
-- names them (a column named by none keeps its first value). Swift reads and writes the files;
-- this module checks the spec, encodes rows and reduces them.
local util = ...

local type, pairs, ipairs, tostring, error, select = type, pairs, ipairs, tostring, error, select
local rawget, rawlen, next, pcall = rawget, rawlen, next, pcall
local math_type, string_format, table_concat, table_sort = math.type, string.format, table.concat, table.sort
local utf8_len = utf8.len

local M = {}

-- The reducers a table spec may name, with the columns they take.
local REDUCERS = { "sum", "min", "max", "first", "merge" }
local SPEC_FIELDS = { key = true, sum = true, min = true, max = true, first = true, merge = true, top_k = true,
                      near_duplicates = true }

-- JSON ----------------------------------------------------------------------------------------

local ESCAPES = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }
local function escape_char(c) return ESCAPES[c] or string_format("\\u%04x", c:byte()) end

-- `s` with every byte sequence that is not UTF-8 replaced by U+FFFD (JSON text is UTF-8).
local function valid_utf8(s)
  local parts, i = {}, 1
  while true do
    local ok, bad = utf8_len(s, i)
    if ok then parts[#parts + 1] = s:sub(i); break end
    parts[#parts + 1] = s:sub(i, bad - 1)
    parts[#parts + 1] = "\u{FFFD}"
    i = bad + 1
  end
  return table_concat(parts)
end

local string_find = string.find

local function quote(s)
  if not utf8_len(s) then s = valid_utf8(s) end
  if not string_find(s, '[%c"\\]') then return '"' .. s .. '"' end   -- most strings need no escape
  return '"' .. (s:gsub('[%c"\\]', escape_char)) .. '"'
end

local encode

-- A plain table is a JSON array when its keys are exactly 1..n (an empty table too: Lists),
-- else an object whose keys are sorted.
local function encode_table(t, depth)
  local n = rawlen(t)
  local count = 0
  for _ in next, t do count = count + 1 end
  if count == n then
    local parts = {}
    for i = 1, n do parts[i] = encode(rawget(t, i), depth + 1) end
    return "[" .. table_concat(parts, ",") .. "]"
  end
  local keys = {}
  for k in next, t do keys[#keys + 1] = k end
  table_sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local parts = {}
  for i, k in ipairs(keys) do parts[i] = quote(tostring(k)) .. ":" .. encode(rawget(t, k), depth + 1) end
  return "{" .. table_concat(parts, ",") .. "}"
end

-- A dossier object (Document, Entity, Sentence, …) is written as its id, else its name, else its
-- printed form: rows name things, the objects stay on the machine that made them.
local function encode_object(v)
  local id = util.get(v, "id")
  if id == nil then id = util.get(v, "name") end
  if id == nil then id = tostring(v) end
  if type(id) == "number" then return encode(id, 0) end
  return quote(tostring(id))
end

--- `v` as JSON text: nil is null, a List an array, any string safe (control characters escaped,
-- bytes that are not UTF-8 replaced by U+FFFD), NaN and infinities null.
function encode(v, depth)
  local t = type(v)
  if t == "string" then return quote(v)
  elseif t == "number" then
    if math_type(v) == "integer" then return string_format("%d", v) end
    if v ~= v or v == math.huge or v == -math.huge then return "null" end
    if v == math.floor(v) and v > -2^53 and v < 2^53 then return string_format("%.1f", v) end
    return string_format("%.17g", v)
  elseif t == "nil" then return "null"
  elseif t == "boolean" then return v and "true" or "false"
  elseif t == "table" then
    if depth > 32 then error("emit: a value nests more than 32 tables deep (a cycle?)", 0) end
    return encode_table(v, depth)
  elseif t == "userdata" then return encode_object(v)
  end
  error("emit: cannot write a " .. t .. " as JSON", 0)
end

M.encode = function(v) return encode(v, 0) end

-- Specs ---------------------------------------------------------------------------------------

local function names_list(tname, field, value)
  if value == nil then return {} end
  if type(value) == "string" then return { value } end
  if type(value) ~= "table" then
    error(string_format("tables.%s.%s: expected a list of column names, got a %s", tname, field, type(value)), 0)
  end
  local out = {}
  for i, name in ipairs(value) do
    if type(name) ~= "string" or name == "" then
      error(string_format("tables.%s.%s[%d]: expected a column name", tname, field, i), 0)
    end
    out[i] = name
  end
  return out
end

--- Checks what a map script returned and gives the normalized spec: for each table its `key`
-- columns, `reducer` per column, `columns` in output order and the optional `top_k`.
function M.spec(returned, script)
  if type(returned) ~= "table" then
    error(script .. ": a map script returns { tables = {...}, map = function(corpus, emit) ... end }, not a " .. type(returned), 0)
  end
  if type(returned.tables) ~= "table" or next(returned.tables) == nil then
    error(script .. ": the returned table needs `tables`, e.g. tables = { freq = { key = {\"term\"}, sum = {\"count\"} } }", 0)
  end
  local spec = { tables = {}, names = {}, map = returned.map }
  for tname, t in pairs(returned.tables) do
    if type(tname) ~= "string" or type(t) ~= "table" then
      error(script .. ": tables: each entry is NAME = { key = {...}, sum = {...}, ... }", 0)
    end
    for field in pairs(t) do
      if not SPEC_FIELDS[field] then
        error(string_format("%s: tables.%s: unknown field '%s' (known: key, sum, min, max, first, merge, top_k, near_duplicates)", script, tname, tostring(field)), 0)
      end
    end
    local s = { key = names_list(tname, "key", t.key), reducer = {}, columns = {} }
    local seen = {}
    for _, c in ipairs(s.key) do
      if seen[c] then error(string_format("%s: tables.%s: column '%s' is named twice", script, tname, c), 0) end
      seen[c] = "key"
    end
    for _, r in ipairs(REDUCERS) do
      for _, c in ipairs(names_list(tname, r, t[r])) do
        if seen[c] then
          error(string_format("%s: tables.%s: column '%s' is both %s and %s", script, tname, c, seen[c], r), 0)
        end
        seen[c] = r
        s.reducer[c] = r
        s.columns[#s.columns + 1] = c
      end
    end
    if seen.table then error(string_format("%s: tables.%s: 'table' is the row's table name, not a column", script, tname), 0) end
    if t.top_k ~= nil then
      local by, k = type(t.top_k) == "table" and t.top_k.by, type(t.top_k) == "table" and t.top_k.k
      if type(by) ~= "string" or math_type(k) ~= "integer" or k < 1 then
        error(string_format("%s: tables.%s.top_k: expected { by = COLUMN, k = N } with N a whole number of at least 1", script, tname), 0)
      end
      s.top_k = { by = by, k = k }
    end
    if t.near_duplicates ~= nil then
      -- One row per document (key: its id) with its sketch (corpus:duplicate_sketches); reduced, the
      -- table becomes the near-duplicate pairs of all the documents, as corpus:duplicates finds them.
      local nd = t.near_duplicates
      local where = string_format("%s: tables.%s.near_duplicates", script, tname)
      if type(nd) ~= "table" then error(where .. ": expected { threshold = 0.5, measure = \"jaccard\", sketch = \"sketch\" }", 0) end
      for field in pairs(nd) do
        if field ~= "threshold" and field ~= "measure" and field ~= "sketch" then
          error(string_format("%s: unknown field '%s' (known: threshold, measure, sketch)", where, tostring(field)), 0)
        end
      end
      local threshold, measure, sketch = nd.threshold or 0.5, nd.measure or "jaccard", nd.sketch or "sketch"
      if type(threshold) ~= "number" or not (threshold > 0 and threshold <= 1) then
        error(where .. ".threshold: a number above 0 and at most 1", 0)
      end
      if measure ~= "jaccard" and measure ~= "containment" then error(where .. ".measure: \"jaccard\" or \"containment\"", 0) end
      if type(sketch) ~= "string" then error(where .. ".sketch: the name of the sketch column", 0) end
      if #s.key ~= 1 then error(where .. ": the table's key is the one document column, e.g. key = {\"doc\"}", 0) end
      if s.top_k then error(where .. ": a table of near-duplicates has no top_k", 0) end
      s.near = { threshold = threshold, measure = measure, sketch = sketch }
    end
    spec.tables[tname] = s
    spec.names[#spec.names + 1] = tname
  end
  table_sort(spec.names)
  return spec
end

--- The normalized spec as one line of JSON, for drivers outside dossier (dossier-spark):
-- {"tables": {NAME: {"key": [...], "sum": [...], …, "top_k": {"by": …, "k": …}}}}.
function M.spec_json(spec)
  local tables = {}
  for _, tname in ipairs(spec.names) do
    local s = spec.tables[tname]
    local t = { key = s.key }
    for _, r in ipairs(REDUCERS) do
      local cols = {}
      for _, c in ipairs(s.columns) do if s.reducer[c] == r then cols[#cols + 1] = c end end
      t[r] = cols
    end
    t.top_k = s.top_k
    t.near_duplicates = s.near
    tables[tname] = t
  end
  return encode({ tables = tables }, 0) .. "\n"
end

-- Rows ----------------------------------------------------------------------------------------

-- The fields of a row: a plain table, or a dossier object's fields (pairs lists them).
local function row_fields(row)
  if type(row) == "table" then return row end
  if type(row) == "userdata" then
    local t = {}
    for k, v in pairs(row) do t[k] = v end
    return t
  end
  error("emit: a row is a table of columns (or a dossier object), not a " .. type(row), 0)
end

--- One row as a line of JSON: `table`, the key columns, the spec's columns in order, then any
-- other field of the row in name order. Columns the row leaves nil are written as null.
local function encode_row(tname, s, row)
  local parts = { '{"table":' .. quote(tname) }
  local done = {}
  for _, c in ipairs(s.key) do parts[#parts + 1] = quote(c) .. ":" .. encode(row[c], 0); done[c] = true end
  for _, c in ipairs(s.columns) do parts[#parts + 1] = quote(c) .. ":" .. encode(row[c], 0); done[c] = true end
  local extra
  for k in next, row do
    if not done[k] then extra = extra or {}; extra[#extra + 1] = k end
  end
  if extra then
    table_sort(extra, function(a, b) return tostring(a) < tostring(b) end)
    for _, k in ipairs(extra) do
      if k == "table" then error("emit: a row may not have a field named 'table' (the table's name goes there)", 0) end
      parts[#parts + 1] = quote(tostring(k)) .. ":" .. encode(row[k], 0)
    end
  end
  return table_concat(parts, ",") .. "}\n"
end

--- Runs the map function over `corpus`, handing `write` the output in blocks of lines.
function M.map(spec, corpus, write)
  if type(spec.map) ~= "function" then error("the map script's `map` must be function(corpus, emit)", 0) end
  local buffer, n = {}, 0
  local function emit(tname, row)
    local s = spec.tables[tname]
    if not s then
      error(string_format("emit: no table '%s' (the script declares: %s)", tostring(tname), table_concat(spec.names, ", ")), 2)
    end
    n = n + 1
    buffer[n] = encode_row(tname, s, row_fields(row))
    if n >= 2048 then write(table_concat(buffer, "", 1, n)); n = 0 end
  end
  spec.map(corpus, emit)
  if n > 0 then write(table_concat(buffer, "", 1, n)) end
end

-- Reducing ------------------------------------------------------------------------------------

local function merge_into(list, seen, value)
  if type(value) ~= "table" then value = { value } end
  for i = 1, #value do
    local item = value[i]
    local k = encode(item, 0)
    if not seen[k] then seen[k] = true; list[#list + 1] = item end
  end
end

-- Orders key values as the output lists them: numbers before strings, each in natural order.
local function less(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return ta < tb end
  if ta == "number" or ta == "string" then return a < b end
  return encode(a, 0) < encode(b, 0)
end

--- A reducer for `spec`: `add(row, file, line)` takes one decoded row (its `table` field names
-- the table; `file` and `line` say where it came from, for errors),
-- `finish(write)` writes the reduced rows, table by table in name order, rows by key (or by
-- `top_k.by`, largest first, then key); merged lists are sorted (numbers, then strings).
-- `near(docs, sketches, threshold, measure, table)` (Swift, DuplicateFinder) gives the pairs of a
-- `near_duplicates` table.
local PAIR_SPEC = { key = { "a", "b" }, reducer = {},
                    columns = { "similarity", "jaccard", "containment", "contained", "estimate", "group" } }

function M.reducer(spec, near)
  local state = {}
  for _, tname in ipairs(spec.names) do state[tname] = { rows = {}, order = {}, seen = {} } end
  local reducer = {}

  -- the columns each table merges, so a new row need not look at every reducer
  local merges = {}
  for _, tname in ipairs(spec.names) do
    local cols = {}
    for _, c in ipairs(spec.tables[tname].columns) do
      if spec.tables[tname].reducer[c] == "merge" then cols[#cols + 1] = c end
    end
    merges[tname] = cols
  end

  function reducer.add(row, file, line)
    local tname = row.table
    local s = spec.tables[tname]
    if not s then
      error(string_format("%s:%d: no table '%s' in the script (it declares: %s)", file, line, tostring(tname), table_concat(spec.names, ", ")), 0)
    end
    row.table = nil
    local st = state[tname]
    local key
    local keys = s.key
    local only = #keys == 1 and row[keys[1]]
    if type(only) == "string" and only:byte(1) ~= 0 then
      key = only   -- the common case, one text column, taken as it is
    else
      local keyparts = {}
      for i, c in ipairs(keys) do keyparts[i] = encode(row[c], 0) end
      key = "\0" .. table_concat(keyparts, "\0")   -- a leading NUL keeps these apart from bare strings
    end
    local have = st.rows[key]
    if not have then
      st.rows[key] = row
      st.order[#st.order + 1] = key
      local seen = {}
      for _, c in ipairs(merges[tname]) do
        if row[c] ~= nil then
          seen[c] = {}
          local list = {}
          merge_into(list, seen[c], row[c])
          row[c] = list
        end
      end
      st.seen[key] = seen
      return
    end
    for c, v in next, row do
      local r = s.reducer[c]
      local old = have[c]
      if r == "sum" then
        if type(v) ~= "number" then error(string_format("%s:%d: column '%s' is summed but holds a %s", file, line, c, type(v)), 0) end
        have[c] = (old or 0) + v
      elseif r == "min" then
        if old == nil or less(v, old) then have[c] = v end
      elseif r == "max" then
        if old == nil or less(old, v) then have[c] = v end
      elseif r == "merge" then
        local seen = st.seen[key]
        if not seen[c] then seen[c] = {}; have[c] = {} ; if old ~= nil then merge_into(have[c], seen[c], old) end end
        merge_into(have[c], seen[c], v)
      elseif old == nil then   -- first, and columns no reducer names
        have[c] = v
      end
    end
  end

  function reducer.finish(write)
    for _, tname in ipairs(spec.names) do
      local s, st = spec.tables[tname], state[tname]
      local rows = {}
      for i, key in ipairs(st.order) do rows[i] = st.rows[key] end
      if s.near then
        -- The documents in the order their rows came (parts in the order given: corpus order).
        local docs, sketches, column = {}, {}, s.key[1]
        for i, row in ipairs(rows) do docs[i] = row[column]; sketches[i] = row[s.near.sketch] end
        rows = near(docs, sketches, s.near.threshold, s.near.measure, tname)
        s = PAIR_SPEC
      end
      local keys = s.key
      local function by_key(a, b)
        for i = 1, #keys do
          local c = keys[i]
          local x, y = a[c], b[c]
          if x ~= y then
            if x == nil then return false elseif y == nil then return true end
            return less(x, y)
          end
        end
        return false
      end
      if #keys == 1 then   -- the common case, the same order without the loop
        local c = keys[1]
        by_key = function(a, b)
          local x, y = a[c], b[c]
          if x == y then return false end
          if x == nil then return false elseif y == nil then return true end
          local tx = type(x)
          if tx == type(y) and (tx == "string" or tx == "number") then return x < y end
          return less(x, y)
        end
      end
      -- merged lists are sorted, so they do not depend on how the corpus was split
      for c, r in pairs(s.reducer) do
        if r == "merge" then
          for _, row in ipairs(rows) do
            if type(row[c]) == "table" then table_sort(row[c], less) end
          end
        end
      end
      if s == PAIR_SPEC then
        -- most similar first, as Swift gave them
      elseif s.top_k then
        local by = s.top_k.by
        table_sort(rows, function(a, b)
          local x, y = a[by], b[by]
          if x ~= y then
            if x == nil then return false elseif y == nil then return true end
            return less(y, x)
          end
          return by_key(a, b)
        end)
        for i = #rows, s.top_k.k + 1, -1 do rows[i] = nil end
      else
        table_sort(rows, by_key)
      end
      local buffer, n = {}, 0
      for _, row in ipairs(rows) do
        n = n + 1
        buffer[n] = encode_row(tname, s, row)
        if n >= 2048 then write(table_concat(buffer, "", 1, n)); n = 0 end
      end
      if n > 0 then write(table_concat(buffer, "", 1, n)) end
    end
  end

  return reducer
end

return M
