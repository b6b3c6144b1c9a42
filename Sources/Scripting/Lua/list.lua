--- List: the sequence type every dossier function returns.
--
-- A List is a plain Lua sequence (`#`, `ipairs`, `[i]` work) with methods. Lists made by the
-- Swift side may carry a derived metatable whose `__columns` says which fields to show when the
-- list prints as a table. Lazy lists (userdata with `__len`/`__index`) share these methods.
local List = {}
List.__index = List
List.__name = "List"

local setmetatable, getmetatable, type, tostring, ipairs = setmetatable, getmetatable, type, tostring, ipairs
local table_sort, math_huge = table.sort, math.huge

--- True when `value` is a List (or a lazy list, or a List with columns).
function List.is(value)
  local mt = getmetatable(value)
  if mt == nil then return false end
  if mt == List or (type(mt) == "table" and (rawget(mt, "__index") == List or rawget(mt, "__list"))) then
    return true
  end
  return false
end

--- Makes `t` (or a new table) a List.
function List.new(t)
  return setmetatable(t or {}, List)
end

-- Derived metatables: the same methods, plus `__columns` for printing and, optionally,
-- `__align` (column name -> "left" or "right") to override the printer's alignment.
local derived = {}
function List.with_columns(columns, align)
  local key = table.concat(columns, "\0")
  if align then
    local names = {}
    for name, side in pairs(align) do names[#names + 1] = tostring(name) .. "=" .. tostring(side) end
    table.sort(names)
    key = key .. "\1" .. table.concat(names, "\0")
  end
  local mt = derived[key]
  if not mt then
    mt = { __index = List, __name = "List", __columns = columns, __align = align }
    mt.__tostring = function(self) return List.__tostring(self) end
    mt.__concat = function(a, b) return List.__concat(a, b) end
    derived[key] = mt
  end
  return mt
end

-- The metatable a filtered/sorted copy of `self` should get.
local function kind_of(self)
  local mt = getmetatable(self)
  if type(self) == "table" and mt then return mt end
  -- A lazy list (userdata): copies are plain Lists with the same columns.
  if type(mt) == "table" and rawget(mt, "__columns") then return List.with_columns(rawget(mt, "__columns")) end
  return List
end

-- A function of an item: `key` itself, or a reader of the field `key`. `name` is the List
-- method, for the error message.
local function field_getter(key, name)
  if type(key) == "function" then return key end
  if type(key) ~= "string" then
    error("bad argument #1 to '" .. name .. "' (field name or function expected, got " .. (key == nil and "no value" or type(key)) .. ")", 3)
  end
  return function(item) return item[key] end
end

--- New List of `f(item, i)` for every item (a field name works too: `docs:map("id")`).
function List:map(f)
  f = field_getter(f, "map")
  local out = {}
  for i = 1, #self do out[i] = f(self[i], i) end
  return setmetatable(out, List)
end

--- New List of the items for which `f(item, i)` is true (a field name works too). On a List of
-- documents, a spec table works as in `corpus:filter{source=, after=, before=, contains=}`.
function List:filter(f)
  if type(f) == "table" and getmetatable(f) == nil then
    for i = 1, #self do
      local mt = getmetatable(self[i])
      local name = type(mt) == "table" and rawget(mt, "__name") or type(self[i])
      if name ~= "Document" then
        name = tostring(name)
        error("bad argument #1 to 'filter' (a filter spec works on a List of documents, but item " .. i
              .. " is " .. (name:match("^[AEIOUaeiou]") and "an " or "a ") .. name .. ": pass a function instead)", 2)
      end
    end
    local ok, result = pcall(rawget(List, "__filter_documents"), self, f)
    if not ok then error((tostring(result):gsub("^%[dossier list%]:%d+: ", "")), 2) end
    return setmetatable(result, kind_of(self))
  end
  local get = field_getter(f, "filter")
  local out = {}
  for i = 1, #self do
    local item = self[i]
    if get(item, i) then out[#out + 1] = item end
  end
  return setmetatable(out, kind_of(self))
end

--- Calls `f(item, i)` for every item; returns the list.
function List:each(f)
  if type(f) ~= "function" then
    error("bad argument #1 to 'each' (function expected, got " .. (f == nil and "no value" or type(f)) .. ")", 2)
  end
  for i = 1, #self do f(self[i], i) end
  return self
end

--- The first `n` items (default 10) as a new List.
function List:top(n)
  n = n or 10
  local out = {}
  for i = 1, math.min(n, #self) do out[i] = self[i] end
  return setmetatable(out, kind_of(self))
end

--- The first item for which `f(item, i)` is true (or whose field `f` is true), and its index.
function List:find(f)
  f = field_getter(f, "find")
  for i = 1, #self do
    local item = self[i]
    if f(item, i) then return item, i end
  end
  return nil
end

--- New List of one field of every item.
function List:pluck(key)
  local out = {}
  for i = 1, #self do out[i] = self[i][key] end
  return setmetatable(out, List)
end

--- Sum of the items, or of one field (or function) of each.
function List:sum(key)
  local get = key and field_getter(key, "sum") or function(x) return x end
  local total = 0
  for i = 1, #self do total = total + (get(self[i], i) or 0) end
  return total
end

--- New List with the items in reverse order.
function List:reverse()
  local out, n = {}, #self
  for i = 1, n do out[i] = self[n - i + 1] end
  return setmetatable(out, kind_of(self))
end

--- New List without repeated items (by value, or by a field or function).
function List:unique(key)
  local get = key and field_getter(key, "unique") or function(x) return x end
  local seen, out = {}, {}
  for i = 1, #self do
    local item = self[i]
    local k = get(item, i)
    if k ~= nil and not seen[k] then
      seen[k] = true
      out[#out + 1] = item
    end
  end
  return setmetatable(out, kind_of(self))
end

--- The items as strings joined by `sep`.
function List:concat(sep)
  local parts = {}
  for i = 1, #self do parts[i] = tostring(self[i]) end
  return table.concat(parts, sep or ", ")
end

-- Orders values of mixed types: nil last, numbers before strings, then by tostring.
local function before(a, b)
  if a == nil then return false end
  if b == nil then return true end
  local ta, tb = type(a), type(b)
  if ta == tb and (ta == "number" or ta == "string") then return a < b end
  if ta == "boolean" and tb == "boolean" then return (not a) and b end
  if ta == "number" then return true end
  if tb == "number" then return false end
  return tostring(a) < tostring(b)
end

--- New sorted List. `key` is a field name (`"-field"` for descending) or a comparison
-- function of two items (`function(a, b) return a.count > b.count end`). Without `key`, items
-- are compared directly. The sort is stable; nil values go last.
function List:sort(key)
  local n = #self
  local items = {}
  for i = 1, n do items[i] = { self[i], i } end
  local less
  if key == nil then
    less = function(a, b)
      if before(a[1], b[1]) then return true end
      if before(b[1], a[1]) then return false end
      return a[2] < b[2]
    end
  elseif type(key) == "string" then
    local descending = key:sub(1, 1) == "-"
    local field = descending and key:sub(2) or key
    less = function(a, b)
      local x, y = a[1][field], b[1][field]
      if descending then x, y = y, x end
      if x == nil and y ~= nil then return descending and true or false end
      if y == nil and x ~= nil then return not descending end
      if before(x, y) then return true end
      if before(y, x) then return false end
      return a[2] < b[2]
    end
  elseif type(key) == "function" then
    less = function(a, b)
      if key(a[1], b[1]) then return true end
      if key(b[1], a[1]) then return false end
      return a[2] < b[2]
    end
  else
    error("bad argument #1 to 'sort' (field name or function expected, got " .. type(key) .. ")", 2)
  end
  table_sort(items, less)
  local out = {}
  for i = 1, n do out[i] = items[i][1] end
  return setmetatable(out, kind_of(self))
end

local group_columns = { "key", "count", "items" }

--- Groups items by a field or by `f(item)`: a List of `{key=, count=, items=}` ordered by
-- count (largest first), then by first appearance. Items with a nil key are grouped under nil.
function List:group_by(key)
  local get = field_getter(key, "group_by")
  local groups, order = {}, {}
  local NIL = {}
  for i = 1, #self do
    local item = self[i]
    local k = get(item, i)
    local slot = k == nil and NIL or k
    local g = groups[slot]
    if not g then
      g = { key = k, count = 0, items = setmetatable({}, kind_of(self)), first = i }
      groups[slot] = g
      order[#order + 1] = g
    end
    g.count = g.count + 1
    g.items[g.count] = item
  end
  table_sort(order, function(a, b)
    if a.count ~= b.count then return a.count > b.count end
    return a.first < b.first
  end)
  for _, g in ipairs(order) do g.first = nil end
  return setmetatable(order, List.with_columns(group_columns))
end

--- A plain Lua table copy of the items (no metatable).
function List:totable()
  local out = {}
  for i = 1, #self do out[i] = self[i] end
  return out
end

--- Prints the list as a table (as the REPL does); returns the list.
function List:print()
  io.write(List.__tostring(self), "\n")
  return self
end

function List.__concat(a, b)
  local out = {}
  for i = 1, #a do out[#out + 1] = a[i] end
  for i = 1, #b do out[#out + 1] = b[i] end
  return setmetatable(out, List)
end

-- Set by the printer once it is loaded.
List.__tostring = function(self) return "List of " .. #self end

return List
