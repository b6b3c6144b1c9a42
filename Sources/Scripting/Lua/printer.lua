--- How values look in the REPL and in `tostring(list)`: Lists as aligned tables, objects as
-- one-line summaries, plain tables as Lua constructors.
local List, format_table, check_integer, default_rows = ...

local type, tostring, getmetatable, rawget, pairs, ipairs = type, tostring, getmetatable, rawget, pairs, ipairs
local setmetatable, rawset, next, error = setmetatable, rawset, next, error
local string_format, math_type = string.format, math.type

-- The settings scripts may change, each with the whole numbers it accepts. They live in
-- `settings` so that every assignment is checked: a width reaches Swift's table formatter.
-- `rows` (how many rows of a List print; `max_rows` is its older name) starts at 40 in the
-- REPL and at every row in a script whose output is not a terminal.
local settings = { rows = default_rows or 40, max_depth = 2, max_items = 30 }
local aliases = { max_rows = "rows" }
local ranges = {
  width = { 1, 1000 },  -- TerminalWidth.range on the Swift side
  rows = { 0, math.maxinteger },
  max_rows = { 0, math.maxinteger },
  max_depth = { 0, 100 },
  max_items = { 0, math.maxinteger },
}

local printer = setmetatable({}, {
  __index = function(_, key) return settings[aliases[key] or key] end,
  __newindex = function(t, key, value)
    local range = ranges[key]
    if range == nil then return rawset(t, key, value) end
    if value ~= nil or key ~= "width" then
      local problem = check_integer(value, "dossier.printer." .. key, range[1], range[2])
      if problem then error(problem, 2) end
    end
    settings[aliases[key] or key] = value
  end,
  -- pairs() shows the settings with the functions.
  __pairs = function(t)
    local all = {}
    for k, v in next, t do all[k] = v end
    for k, v in next, settings do all[k] = v end
    return next, all, nil
  end,
})

-- Raises "bad argument #position to 'name' (width must be …)" at the caller's caller unless
-- `value` is nil or a whole number in the setting's range.
local function check_argument(value, key, position, name)
  if value == nil then return end
  local range = ranges[key]
  local problem = check_integer(value, key, range[1], range[2])
  if problem then error(string_format("bad argument #%d to '%s' (%s)", position, name, problem), 3) end
end

local preferred = { "id", "name", "term", "ngram", "key", "kind", "count", "score", "doc", "title", "text" }
local preferred_rank = {}
for i, k in ipairs(preferred) do preferred_rank[k] = i end

local function number_text(n)
  if math_type(n) == "integer" then return tostring(n) end
  if n ~= n or n == math.huge or n == -math.huge then return tostring(n) end
  if n == math.floor(n) and math.abs(n) < 1e15 then return string_format("%.1f", n) end
  return string_format("%.4g", n)
end

local inline

--- A value as one short line, for a table cell.
function printer.cell(v)
  local t = type(v)
  if t == "string" then return (v:gsub("[\r\n\t]+", " ")) end
  if t == "number" then return v end
  if t == "nil" then return "" end
  if t == "boolean" then return tostring(v) end
  local mt = getmetatable(v)
  if type(mt) == "table" then
    local cell = rawget(mt, "__cell")
    if cell then return cell(v) end
  end
  if t == "table" then return inline(v, 1) end
  return tostring(v)
end

--- A value as one short line for a person to read (a printed List's cell): what an object's
-- `__show` gives (a Document: its source and short title), else `printer.cell(v)`.
function printer.show(v)
  local mt = getmetatable(v)
  if type(mt) == "table" then
    local show = rawget(mt, "__show")
    if show then return show(v) end
  end
  return printer.cell(v)
end

-- A table on one line: `{a, b, c}` or `{place = "Beijing", date = "2023-06-18"}`.
inline = function(v, depth)
  if List.is(v) and type(v) ~= "table" then return tostring(v) end
  if depth > printer.max_depth then return "{…}" end
  local parts, n = {}, #v
  for i = 1, math.min(n, printer.max_items) do
    local item = v[i]
    parts[#parts + 1] = type(item) == "table" and inline(item, depth + 1) or tostring(printer.cell(item))
  end
  if n > printer.max_items then parts[#parts + 1] = "… " .. (n - printer.max_items) .. " more" end
  local keys = {}
  for k in pairs(v) do
    if not (math_type(k) == "integer" and k >= 1 and k <= n) then keys[#keys + 1] = k end
  end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  for _, k in ipairs(keys) do
    local item = v[k]
    local shown = type(item) == "table" and inline(item, depth + 1) or printer.cell(item)
    if type(item) == "string" then shown = string_format("%q", item) end
    parts[#parts + 1] = tostring(k) .. " = " .. tostring(shown)
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end

-- The columns to show for a list: its `__columns`, the items' class columns, or the keys seen.
local function columns_of(list, n)
  local mt = getmetatable(list)
  if type(mt) == "table" and rawget(mt, "__columns") then return rawget(mt, "__columns") end
  local first = list[1]
  local fmt = getmetatable(first)
  if type(first) ~= "table" then
    if type(fmt) == "table" and rawget(fmt, "__columns") then return rawget(fmt, "__columns") end
    return nil
  end
  local seen, keys = {}, {}
  for i = 1, math.min(n, 50) do
    local item = list[i]
    if type(item) == "table" then
      for k in pairs(item) do
        if type(k) == "string" and not seen[k] then
          seen[k] = true
          keys[#keys + 1] = k
        end
      end
    end
  end
  table.sort(keys, function(a, b)
    local ra, rb = preferred_rank[a] or 100, preferred_rank[b] or 100
    if ra ~= rb then return ra < rb end
    return a < b
  end)
  if #keys == 0 then return nil end
  return keys
end

--- A List as an aligned table that fits `width` (the first `max_rows` rows).
function printer.list(list, width, max_rows)
  check_argument(width, "width", 2, "list")
  check_argument(max_rows, "max_rows", 3, "list")
  local n = #list
  max_rows = max_rows or printer.rows
  if n == 0 then return "(empty list)" end
  local columns = columns_of(list, n)
  local rows = {}
  local shown = math.min(n, max_rows)
  if columns then
    for i = 1, shown do
      local item, row = list[i], {}
      for c, key in ipairs(columns) do
        local ok, value = pcall(function() return item[key] end)
        row[c] = ok and printer.show(value) or ""
      end
      rows[i] = row
    end
  else
    columns = { "#", "value" }
    for i = 1, shown do rows[i] = { i, printer.show(list[i]) } end
  end
  -- A list may ask for a column's alignment (`__align = {left = "right"}` on its metatable).
  local align, mt = {}, getmetatable(list)
  local wanted = type(mt) == "table" and rawget(mt, "__align") or nil
  if type(wanted) == "table" then
    for c, key in ipairs(columns) do align[c] = wanted[key] or "" end
  end
  local out = format_table(columns, rows, width or 100, align)
  if n > shown then
    out = out .. "\n… " .. (n - shown) .. " more (" .. n .. " in all; dossier.printer.rows = " .. n
          .. " prints them all, list:top(n) the first n)"
  end
  return out
end

--- A value as the REPL prints it.
function printer.repr(v, width)
  check_argument(width, "width", 2, "repr")
  local t = type(v)
  if t == "string" then return v end
  if t == "number" then return tostring(v) end
  if List.is(v) then return printer.list(v, width) end
  if t == "table" then
    local mt = getmetatable(v)
    if mt and rawget(mt, "__tostring") then return tostring(v) end
    return inline(v, 1)
  end
  return tostring(v)
end

List.__tostring = function(self) return printer.list(self, printer.width or 100) end

printer.number_text = number_text
return printer
