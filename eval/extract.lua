-- eval/extract.lua: what dossier says about a corpus, as one JSON object on standard output.
-- scripts/eval runs it once per dev-set collection and scores the result against the
-- annotations (docs/eval.md). It reads only the public Lua API. Fields that issue 11 asks for
-- and the API may not have yet (doc.date_from, doc.date_guess, doc.credits, quote.speaker_kind)
-- are read through pcall, so a missing field is reported as absent, never as an error.
--
--   dossier run --corpus DIR eval/extract.lua             the corpus's documents, quotes, entities, claims, conflicts
--   dossier run eval/extract.lua sentences TEXT...        dossier.sentences of each TEXT

-- JSON ------------------------------------------------------------------------------------------

local ARRAY = {}   -- metatable marking a table as a JSON array (so an empty one prints as [])

local function array(t)
  return setmetatable(t or {}, ARRAY)
end

local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f',
                  ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }

local function quote_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return escapes[c] or string.format('\\u%04x', c:byte())
  end) .. '"'
end

local function encode(value, out)
  local t = type(value)
  if value == nil then
    out[#out + 1] = "null"
  elseif t == "boolean" then
    out[#out + 1] = tostring(value)
  elseif t == "number" then
    if value ~= value or value == math.huge or value == -math.huge then
      out[#out + 1] = "null"
    elseif math.type(value) == "integer" then
      out[#out + 1] = string.format("%d", value)
    else
      out[#out + 1] = string.format("%.6g", value)
    end
  elseif t == "string" then
    out[#out + 1] = quote_string(value)
  elseif t == "table" and getmetatable(value) == ARRAY then
    out[#out + 1] = "["
    for i = 1, #value do
      if i > 1 then out[#out + 1] = "," end
      encode(value[i], out)
    end
    out[#out + 1] = "]"
  elseif t == "table" then
    local keys = {}
    for k in pairs(value) do keys[#keys + 1] = tostring(k) end
    table.sort(keys)
    out[#out + 1] = "{"
    for i, k in ipairs(keys) do
      if i > 1 then out[#out + 1] = "," end
      out[#out + 1] = quote_string(k)
      out[#out + 1] = ":"
      encode(value[k], out)
    end
    out[#out + 1] = "}"
  else
    out[#out + 1] = quote_string(tostring(value))
  end
end

local function to_json(value)
  local out = {}
  encode(value, out)
  return table.concat(out)
end

-- Reading the API -------------------------------------------------------------------------------

--- A field that may not exist yet: its value, or nil (never an error).
local function field(object, name)
  local ok, value = pcall(function() return object[name] end)
  if ok then return value end
  return nil
end

--- A string, or nil for anything that is not one (an Entity where a name is expected, say).
local function text_of(value)
  if type(value) == "string" then return value end
  if value == nil then return nil end
  local name = field(value, "name")
  if type(name) == "string" then return name end
  return tostring(value)
end

local function strings(list)
  local out = array()
  if type(list) ~= "table" and type(list) ~= "userdata" then return out end
  for _, v in ipairs(list) do out[#out + 1] = text_of(v) end
  return out
end

local function credits_of(doc)
  local credits = field(doc, "credits")
  if credits == nil then return nil end
  if type(credits) == "string" then return array{credits} end
  local out = array()
  for _, c in ipairs(credits) do
    if type(c) == "table" then
      out[#out + 1] = text_of(c.text or c.line or c.name or c[1])
    else
      out[#out + 1] = text_of(c)
    end
  end
  return out
end

local function dateline_of(doc)
  local d = field(doc, "dateline")
  if d == nil then return nil end
  return { text = d.text, place = d.place, date = d.date }
end

local function quote_record(q)
  return {
    text = q.text,
    speaker_name = q.speaker_name,
    speaker_text = q.speaker_text,
    speaker_kind = field(q, "speaker_kind"),
    kind = q.kind,
    partial = q.partial,
    paragraphs = q.paragraphs,
    offset = q.offset,
  }
end

--- The document's entities, each with the texts of its mentions in this document.
local function entities_of(doc)
  local out = array()
  for _, e in ipairs(doc:entities()) do
    local mentions = array()
    local seen = {}
    for _, m in ipairs(e:mentions()) do
      if m.doc == doc and not seen[m.text] then
        seen[m.text] = true
        mentions[#mentions + 1] = m.text
      end
    end
    out[#out + 1] = { name = e.name, kind = e.kind, aliases = strings(e.aliases), mentions = mentions }
  end
  return out
end

local function document_record(doc)
  local quotes = array()
  for _, q in ipairs(doc:quotes()) do quotes[#quotes + 1] = quote_record(q) end
  local sentences = array()
  for _, s in ipairs(doc:sentences()) do sentences[#sentences + 1] = s.text end
  local date_guess = field(doc, "date_guess")
  if type(date_guess) == "table" then
    date_guess = { date = text_of(date_guess.date), basis = text_of(date_guess.basis) }
  end
  return {
    id = doc.id,
    title = doc.title,
    source = doc.source,
    date = doc.date,
    date_from = text_of(field(doc, "date_from")),
    date_guess = date_guess,
    dateline = dateline_of(doc),
    credits = credits_of(doc),
    text = doc.text,
    paragraphs = strings(doc:paragraphs()),
    sentences = sentences,
    quotes = quotes,
    entities = entities_of(doc),
  }
end

local function conflict_records()
  local out = array()
  local ok, conflicts = pcall(function() return corpus:conflicts() end)
  if not ok then return out, tostring(conflicts) end
  for _, c in ipairs(conflicts) do
    local docs = array()
    for _, d in ipairs(c.docs or {}) do docs[#docs + 1] = d.id end
    out[#out + 1] = {
      kind = c.kind, key = c.key, values = strings(c.values), certain = c.certain,
      reason = c.reason, docs = docs,
    }
  end
  return out
end

--- The claims several documents share (corpus:compare by document): each a list of {doc id, sentence}.
local function claim_records()
  local out = array()
  local ok, claims = pcall(function() return corpus:compare{by = "document"} end)
  if not ok then return out, tostring(claims) end
  for _, c in ipairs(claims) do
    local sentences = array()
    for _, s in ipairs(c.sentences or {}) do sentences[#sentences + 1] = array{s.doc.id, s.text} end
    out[#out + 1] = { sentences = sentences }
  end
  return out
end

-- Main ------------------------------------------------------------------------------------------

local args = { ... }
if args[1] == "sentences" then
  local out = array()
  for i = 2, #args do out[#out + 1] = strings(dossier.sentences(args[i])) end
  print(to_json({ sentences = out }))
  return
end

local docs = array()
local t0 = dossier.clock()
for _, doc in ipairs(corpus:docs()) do docs[#docs + 1] = document_record(doc) end
local conflicts, conflicts_error = conflict_records()
local claims, claims_error = claim_records()
print(to_json({
  docs = docs,
  conflicts = conflicts,
  conflicts_error = conflicts_error,
  claims = claims,
  claims_error = claims_error,
  seconds = dossier.clock() - t0,
}))
