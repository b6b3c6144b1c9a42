--- Corpus methods written in Lua (those that call back into Lua functions). The Swift side
-- supplies the primitives (`_subset`, `_filter_spec`); this table is consulted after the
-- Swift methods.
local methods = {}

--- A sub-corpus: `fn(doc)` decides for each document, or a spec table with `source`,
-- `after`, `before` (ISO dates) and `contains` (a query that must match).
function methods:filter(spec)
  local t = type(spec)
  if t == "function" then
    local ids = {}
    for _, doc in ipairs(self:docs()) do
      if spec(doc) then ids[#ids + 1] = doc.id end
    end
    return self:_subset(ids)
  elseif t == "table" then
    -- Called through pcall so a bad spec names the caller's line (and 'filter').
    local ok, result = pcall(self._filter_spec, self, spec)
    if not ok then error(result, 2) end
    return result
  end
  error("bad argument #1 to 'filter' (function or table expected, got " .. (spec == nil and "no value" or t) .. ")", 2)
end

return { __index = methods }
