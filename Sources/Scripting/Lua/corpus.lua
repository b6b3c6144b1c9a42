--- The Corpus methods written in Lua: those that call Lua functions a script hands them
-- (`filter(fn)`, `compare{by = fn}`). They are declared, with the Swift ones, in the one list of
-- Corpus members (Bindings/CorpusBinding.swift), which fails at start-up unless this table
-- defines exactly the members declared as written here. The Swift side hands in `native`: the
-- Swift halves (`subset`, `filter_spec`, `compare`, `conflicts`, `duplicates`), each taking the
-- corpus first.
local native = ...

local type, ipairs, pairs, pcall, error, tostring = type, ipairs, pairs, pcall, error, tostring

local methods = {}

-- Calls a Swift half and raises its error again at the script's line (level 3: this function,
-- the method, its caller), named after the method and without this chunk's position.
local function call(name, f, ...)
  local ok, result = pcall(f, ...)
  if not ok then
    if type(result) == "string" then
      result = result:gsub("^%[dossier corpus%]:%d+: ", ""):gsub("to '%?'", "to '" .. name .. "'")
    end
    error(result, 3)
  end
  return result
end

--- A sub-corpus: `fn(doc)` decides for each document, or a spec table with `source`,
-- `after`, `before` (ISO dates) and `contains` (a query that must match).
function methods:filter(spec)
  local t = type(spec)
  if t == "function" then
    local ids = {}
    for _, doc in ipairs(self:docs()) do
      if spec(doc) then ids[#ids + 1] = doc.id end
    end
    return native.subset(self, ids)
  elseif t == "table" then
    local result = call("filter", native.filter_spec, self, spec)
    return result
  end
  error("bad argument #1 to 'filter' (function or table expected, got " .. (spec == nil and "no value" or t) .. ")", 2)
end

-- `opts` with a function `by` turned into a table of group names by document id, which is what
-- the Swift half reads.
local function grouping(self, opts)
  if type(opts) == "table" and type(opts.by) == "function" then
    local by, keys = opts.by, {}
    for _, doc in ipairs(self:docs()) do
      local key = by(doc)
      if key ~= nil then keys[doc.id] = tostring(key) end
    end
    local copy = {}
    for k, v in pairs(opts) do copy[k] = v end
    copy.by = keys
    return copy
  end
  return opts
end

--- Claims: the same fact stated by documents of at least two groups (`by` may be a function).
function methods:compare(opts)
  local result = call("compare", native.compare, self, grouping(self, opts))
  return result
end

--- Claims whose groups disagree on a date, number or name.
function methods:conflicts(opts)
  local result = call("conflicts", native.conflicts, self, grouping(self, opts))
  return result
end

--- Pairs of documents that share much of their text.
function methods:duplicates(opts)
  local result = call("duplicates", native.duplicates, self, opts)
  return result
end

return methods
