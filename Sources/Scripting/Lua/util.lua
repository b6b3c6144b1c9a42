--- `dossier.util`: helpers scripts and plugins share instead of copying — text clipping and
-- wrapping, outlet labels and columns, Lists that print chosen columns, command-line arguments,
-- and `has`, which asks whether an object has a member (reading a member an object does not
-- have is an error). The bundled plugins use them (newsroom, codebook).
local List = ...

local type, tostring, ipairs, pairs, getmetatable, setmetatable, rawget = type, tostring, ipairs, pairs, getmetatable, setmetatable, rawget
local error, tonumber = error, tonumber

local util = {}

-- Member names per class metatable (the `__fields` and `__methods` a class lists), built once.
local members = setmetatable({}, { __mode = "k" })

--- True when `value` has a member `name`: a key of a table (any value, nil excepted), a field or
-- method of a dossier object (whether or not it holds something now). Lets code that takes
-- several kinds of values ask before reading, since reading a member an object does not have is
-- an error (`Document has no field 'label'`).
function util.has(value, name)
  local t = type(value)
  if t == "table" then return value[name] ~= nil end
  if t ~= "userdata" then return false end
  local mt = getmetatable(value)
  if type(mt) ~= "table" then return false end
  local names = members[mt]
  if not names then
    names = {}
    for _, list in ipairs({ rawget(mt, "__fields") or {}, rawget(mt, "__methods") or {} }) do
      for _, n in ipairs(list) do names[n] = true end
    end
    members[mt] = names
  end
  return names[name] == true
end

--- `value[name]` when `value` has that member (see `has`), else nil: a read that never fails.
function util.get(value, name)
  if util.has(value, name) then return value[name] end
  return nil
end

--- `rows` (a plain table) as a List that prints `columns`, in that order.
function util.list(rows, columns)
  rows = rows or {}
  if columns and List.with_columns then return setmetatable(rows, List.with_columns(columns)) end
  return List.new(rows)
end

--- `text` with runs of white space (line breaks, no-break spaces) made one space, trimmed.
function util.squash(text)
  text = tostring(text or ""):gsub("\194\160", " "):gsub("%s+", " ")
  return (text:gsub("^ ", ""):gsub(" $", ""))
end

-- Drops a cut UTF-8 sequence at the end of `s`.
local function utf8_tail(s)
  local n = #s
  local i = n
  while i > 0 and i > n - 3 do
    local b = s:byte(i)
    if b < 0x80 then return s end
    if b >= 0xC0 then
      local need = b >= 0xF0 and 4 or b >= 0xE0 and 3 or 2
      if n - i + 1 < need then return s:sub(1, i - 1) end
      return s
    end
    i = i - 1
  end
  return s
end

-- Drops a cut UTF-8 sequence at the start of `s`.
local function utf8_head(s)
  local i = 1
  while i <= #s and i <= 3 do
    local b = s:byte(i)
    if b < 0x80 or b >= 0xC0 then break end
    i = i + 1
  end
  return s:sub(i)
end

--- `text` squashed and cut to at most `n` bytes (never inside a UTF-8 character), with "…"
-- when it was cut.
function util.clip(text, n)
  text = util.squash(text)
  if #text <= n then return text end
  return utf8_tail(text:sub(1, n)) .. "…"
end

--- The part of `text` around bytes `from`..`to`: up to `width` bytes each side, the span in
-- brackets, "…" where it was cut. For showing a date or a match in its sentence.
function util.around(text, from, to, width)
  width = width or 60
  text = tostring(text or "")
  local left = text:sub(math.max(1, from - width), from - 1)
  local right = text:sub(to + 1, to + width)
  local cut_left = from - width > 1
  local cut_right = to + width < #text
  left = util.squash(utf8_head(left))
  right = util.squash(utf8_tail(right))
  if cut_left then left = "…" .. left:gsub("^%S*%s", "") end
  if cut_right then right = right:gsub("%s%S*$", "") .. "…" end
  local sep_l = (left ~= "" and text:sub(from - 1, from - 1):match("%s")) and " " or ""
  local sep_r = (right ~= "" and text:sub(to + 1, to + 1):match("%s")) and " " or ""
  return left .. sep_l .. "[" .. util.squash(text:sub(from, to)) .. "]" .. sep_r .. right
end

--- `text` wrapped to `width` columns, every line starting with `indent`.
function util.wrap(text, width, indent)
  indent = indent or ""
  width = math.max(20, (width or 100) - #indent)
  local function len(s) return utf8.len(s) or #s end
  local lines, line = {}, ""
  for word in util.squash(text):gmatch("%S+") do
    if line ~= "" and len(line) + 1 + len(word) > width then
      lines[#lines + 1] = indent .. line
      line = word
    else
      line = line == "" and word or (line .. " " .. word)
    end
  end
  if line ~= "" then lines[#lines + 1] = indent .. line end
  return table.concat(lines, "\n")
end

--- The outlet of a document: its `source`, else its id (as `corpus:compare` groups them).
function util.source_of(doc)
  return doc.source or doc.id
end

--- A short label for an outlet or a document id: "002_b0ccbc8c9a36bb37" → "002".
function util.label(name)
  name = tostring(name or "")
  local prefix = name:match("^(%w+)_%x+$")
  return prefix or name
end

--- "1 document", "3 documents".
function util.plural(n, word, words)
  return tostring(n) .. " " .. (n == 1 and word or (words or word .. "s"))
end

--- The distinct values of `items` (strings), in first-seen order.
function util.distinct(items)
  local seen, out = {}, {}
  for _, v in ipairs(items) do
    if v ~= nil and not seen[v] then
      seen[v] = true
      out[#out + 1] = v
    end
  end
  return out
end

--- `items` joined with ", ", at most `n` of them (default 6) and "and N more".
function util.join(items, n)
  n = n or 6
  if #items <= n then return table.concat(items, ", ") end
  local head = {}
  for i = 1, n do head[i] = items[i] end
  return table.concat(head, ", ") .. " and " .. (#items - n) .. " more"
end

local quote_kinds = { "full", "partial", "scare" }

--- How many quotations a view shows and what it leaves out, in the words every view uses
-- (`corpus:quotes()` holds them all; the briefing and who_said_what say what they drop):
-- `quote_summary(corpus:quotes(), shown)` → "35 of 36 quotations (17 full, 18 partial; left
-- out: 1 scare)", or "36 quotations (17 full, 18 partial, 1 scare)" when nothing is left out;
-- counts from 1,000 up with thousands separators.
function util.quote_summary(all, shown)
  shown = shown or all
  local function kinds(list)
    local n = {}
    for _, q in ipairs(list) do n[q.kind] = (n[q.kind] or 0) + 1 end
    return n
  end
  -- Counts of a big corpus read with thousands separators: "10,208 of 155,189 quotations".
  local function count(n)
    return (tostring(n):reverse():gsub("(%d%d%d)", "%1,"):reverse():gsub("^,", ""))
  end
  local have, total = kinds(shown), kinds(all)
  local kept, dropped = {}, {}
  for _, kind in ipairs(quote_kinds) do
    if (have[kind] or 0) > 0 then kept[#kept + 1] = count(have[kind]) .. " " .. kind end
    local missing = (total[kind] or 0) - (have[kind] or 0)
    if missing > 0 then dropped[#dropped + 1] = count(missing) .. " " .. kind end
  end
  local counts = table.concat(kept, ", ")
  if #dropped == 0 then
    return count(#shown) .. (#shown == 1 and " quotation" or " quotations") .. (counts ~= "" and " (" .. counts .. ")" or "")
  end
  return count(#shown) .. " of " .. count(#all) .. (#all == 1 and " quotation" or " quotations") .. " (" .. (counts ~= "" and counts .. "; " or "")
    .. "left out: " .. table.concat(dropped, ", ") .. ")"
end

--- The outlets of `c` in a stable order: named sources first (most documents first), then the
-- ids of documents without a source.
function util.outlets(c)
  local counts, order = {}, {}
  for _, doc in ipairs(c:docs()) do
    local s = util.source_of(doc)
    if not counts[s] then order[#order + 1] = s end
    counts[s] = (counts[s] or 0) + 1
  end
  local named = {}
  for _, doc in ipairs(c:docs()) do if doc.source then named[doc.source] = true end end
  table.sort(order, function(a, b)
    if (named[a] or false) ~= (named[b] or false) then return named[a] == true end
    if counts[a] ~= counts[b] then return counts[a] > counts[b] end
    return a < b
  end)
  return order, counts
end

--- Columns for outlets in a table with one column per outlet. With at most `n` outlets
-- (default 12) each gets a column (short labels). With more, documents without a source are
-- summed in one "no source" column (a corpus without sources would otherwise have a column per
-- document), the named sources with the most `weight` (a table outlet → number; default their
-- documents) get the other columns, and the rest are summed in "others". Returns the column
-- names and a function from an outlet (`util.source_of(doc)`) to its column.
function util.outlet_columns(c, n, weight)
  n = n or 12
  local order, counts = util.outlets(c)
  local named = {}
  for _, doc in ipairs(c:docs()) do if doc.source then named[doc.source] = true end end
  weight = weight or counts
  table.sort(order, function(a, b)
    local wa, wb = weight[a] or 0, weight[b] or 0
    if wa ~= wb then return wa > wb end
    if (named[a] or false) ~= (named[b] or false) then return named[a] == true end
    if counts[a] ~= counts[b] then return counts[a] > counts[b] end
    return a < b
  end)
  if #order <= n then
    local columns = {}
    for i, s in ipairs(order) do columns[i] = util.label(s) end
    return columns, function(s) return util.label(s) end
  end
  local columns, kept, unsourced, others = {}, {}, false, false
  local room = n - 1
  for _, s in ipairs(order) do
    if named[s] then
      if #columns < room then
        columns[#columns + 1] = util.label(s)
        kept[s] = true
      else
        others = true
      end
    else
      unsourced = true
    end
  end
  if unsourced then columns[#columns + 1] = "no source" end
  if others then columns[#columns + 1] = "others" end
  return columns, function(s)
    if kept[s] then return util.label(s) end
    if named[s] then return "others" end
    return "no source"
  end
end

-- ---- Command-line arguments -----------------------------------------------------------------

--- Reads script arguments. `spec.options` maps option names to their kind:
--   "file"    --name or --name=FILE (a report file; FILE defaults to spec.name .. extension)
--   "number"  --name=N or --name N
--   "string"  --name=TEXT or --name TEXT
--   "flag"    --name
-- `--help` (or `-h`) sets `help`. Positional arguments go to `opts.args`. A bad argument raises
-- an error giving `spec.usage`, so the script stops with status 1.
function util.parse_args(args, spec)
  local opts = { args = {} }
  local kinds = spec.options or {}
  local function bad(message)
    error(message .. "\nusage: " .. spec.usage, 0)
  end
  local i = 1
  while i <= #args do
    local a = tostring(args[i])
    if a == "--help" or a == "-h" then
      opts.help = true
    elseif a == "--" then
      for j = i + 1, #args do opts.args[#opts.args + 1] = args[j] end
      break
    elseif a:sub(1, 2) == "--" then
      local name, value = a:match("^%-%-([%w_-]+)=(.*)$")
      name = name or a:sub(3)
      local key = name:gsub("-", "_")
      local kind = kinds[key]
      if kind == nil then bad("unknown option --" .. name) end
      if kind == "flag" then
        if value then bad("--" .. name .. " takes no value") end
        opts[key] = true
      elseif kind == "file" then
        opts[key] = (value and value ~= "") and value or true
      else
        if value == nil then
          i = i + 1
          value = args[i]
          if value == nil then bad("--" .. name .. " needs a value") end
        end
        if kind == "number" then
          local n = tonumber(value)
          if not n or n < 0 or n ~= math.floor(n) then bad("--" .. name .. " needs a whole number, got '" .. tostring(value) .. "'") end
          opts[key] = math.tointeger(n)
        else
          opts[key] = value
        end
      end
    else
      opts.args[#opts.args + 1] = a
    end
    i = i + 1
  end
  return opts
end

-- ---- REPL commands and terminal output ---------------------------------------------------------

--- Splits a REPL command's argument line into words; "double quotes" keep spaces.
function util.split(line)
  local out = {}
  line = tostring(line or "")
  local i = 1
  while i <= #line do
    local c = line:sub(i, i)
    if c:match("%s") then
      i = i + 1
    elseif c == '"' then
      local j = line:find('"', i + 1, true) or (#line + 1)
      out[#out + 1] = line:sub(i + 1, j - 1)
      i = j + 1
    else
      local j = line:find("%s", i) or (#line + 1)
      out[#out + 1] = line:sub(i, j - 1)
      i = j
    end
  end
  return out
end

--- Prints `title` underlined, for the sections of a tool's terminal output.
function util.heading(title)
  print("")
  print(title)
  print(string.rep("─", math.min(utf8.len(title) or #title, 100)))
end

return util
