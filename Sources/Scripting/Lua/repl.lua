--- Helpers the REPL and `dossier eval` call: printing results and completing names.
local printer, List = ...

local repl = {}

local function scalar(v)
  local t = type(v)
  return t == "nil" or t == "number" or t == "boolean" or (t == "string" and not v:find("\n"))
end

--- Calls `f` (which returns its values packed in a table when `packed`) and prints what it returns: scalars on one line separated by tabs (as `lua`
-- does), anything else each on its own lines.
function repl.eval_print(f, width, packed)
  printer.width = width
  local results
  if packed then results = f() else results = table.pack(f()) end
  if results.n == 0 then return end
  local all_scalar = true
  for i = 1, results.n do
    if not scalar(results[i]) then all_scalar = false end
  end
  if all_scalar then
    local parts = {}
    for i = 1, results.n do parts[i] = tostring(results[i]) end
    io.write(table.concat(parts, "\t"), "\n")
  else
    for i = 1, results.n do io.write(printer.repr(results[i], width), "\n") end
  end
  io.stdout:flush()
end

local keywords = {
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
  "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
}

-- Names reachable from `value` with `.` (fields) or `:` (methods only): a table's keys (and its
-- metatable's `__index` table's), an object's declared `__fields` and `__methods` (those written
-- in Lua and inherited ones included).
local function members(value, methods_only, out)
  local seen = {}
  local function add(name, v)
    if type(name) == "string" and name:match("^[%a_][%w_]*$") and not name:match("^__") and not seen[name] then
      if not methods_only or type(v) == "function" then
        seen[name] = true
        out[#out + 1] = name
      end
    end
  end
  local function from_table(t, depth)
    if type(t) ~= "table" or depth > 4 then return end
    for k, v in pairs(t) do add(k, v) end
    local mt = getmetatable(t)
    if type(mt) == "table" and type(rawget(mt, "__index")) == "table" then from_table(rawget(mt, "__index"), depth + 1) end
  end
  if type(value) == "table" then
    from_table(value, 1)
  end
  local mt = getmetatable(value)
  if type(mt) == "table" then
    if not methods_only and type(rawget(mt, "__fields")) == "table" then
      for _, f in ipairs(rawget(mt, "__fields")) do add(f, true) end
    end
    if type(rawget(mt, "__methods")) == "table" then
      for _, m in ipairs(rawget(mt, "__methods")) do add(m, print) end
    end
    local index = rawget(mt, "__index")
    if type(index) == "table" then from_table(index, 1) end
  end
end

--- Completions for the text before the cursor: global names, or the fields and methods of
-- the value named before the last `.` or `:`.
function repl.complete(text)
  local head, path, sep, partial = text:match("^(.-)([%a_][%w_%.]*)([%.:])([%w_]*)$")
  local names = {}
  if not head then
    head, partial = text:match("^(.-)([%a_][%w_]*)$")
    if not head then return List.new() end
    for k in pairs(_G) do if type(k) == "string" then names[#names + 1] = k end end
    for _, k in ipairs(keywords) do names[#names + 1] = k end
    path, sep = "", ""
  else
    local value = _G
    for name in path:gmatch("[^%.]+") do
      local ok, v = pcall(function() return value[name] end)
      if not ok or v == nil then return List.new() end
      value = v
    end
    members(value, sep == ":", names)
  end
  local out, seen = {}, {}
  for _, name in ipairs(names) do
    if name:sub(1, #partial) == partial and not seen[name] then
      seen[name] = true
      out[#out + 1] = head .. path .. sep .. name
    end
  end
  table.sort(out)
  return List.new(out)
end

return repl
