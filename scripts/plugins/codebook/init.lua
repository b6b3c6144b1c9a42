--- codebook: tags sentences with topics defined in a Lua table.
--
--   local codebook = require("codebook")
--   codebook.tag(corpus)                      --> List of {topic, match, doc, sentence, source, hits}
--   codebook.tag(corpus, "Taiwan")            --> the tags of one topic of the default codebook
--   codebook.topics(corpus)                   --> List of {topic, sentences, docs, <outlet> = n, …}
--   codebook.docs(corpus)                     --> List of {doc, source, <topic> = n, …}
--   codebook.sentences(corpus, "trade")       --> List of {topic, source, doc, match, text}
--   local mine = codebook.new{ energy = {"oil", "gas", '"rare earths"'} }
--   mine:tag(corpus); mine:topics(corpus)
--   codebook.load("mybook.lua")               --> a codebook from a file returning such a table
--
-- A topic's patterns are queries of dossier's query language (words, "phrases", prefix*),
-- matched through corpus:kwic, so they read text exactly as search does. A sentence is tagged
-- with a topic when one of its patterns matches there and none of its exclusions does.
-- REPL: `:codebook` (topics per outlet), `:codebook TOPIC` (its sentences).
-- Annotators: codebook.sentences (["docid:index"] = {topics}), codebook.docs ([doc id] =
-- {topic = sentences}). Report section: codebook.
local _, path = ...
local folder = (path or ""):match("^(.*)/[^/]*$") or "."

-- Shared with the other plugins through dossier.util: Lists that print chosen columns, text
-- made one line, a document's outlet and its short label, outlet columns.
local util = dossier.util
local list, squash, source_of = util.list, util.squash, util.source_of

local codebook = { version = "1.0.0" }

local Book = {}
Book.__index = Book
Book.__name = "Codebook"

local tag_columns = { "topic", "match", "source", "doc", "sentence" }
local sentence_columns = { "topic", "source", "doc", "match", "text" }

-- A topic name for lookups: lowercase, "_" and "-" as spaces.
local function key_of(name)
  return (tostring(name):lower():gsub("[_%-]", " "):gsub("%s+", " "))
end

-- A list of strings from a string or a list; errors name the topic.
local function strings(value, what, topic)
  if value == nil then return {} end
  if type(value) == "string" then value = { value } end
  if type(value) ~= "table" then
    error(string.format("codebook: %s of topic '%s' must be a list of strings, got %s", what, topic, type(value)), 0)
  end
  local out = {}
  for i, p in ipairs(value) do
    if type(p) ~= "string" then
      error(string.format("codebook: %s %d of topic '%s' must be a string, got %s", what, i, topic, type(p)), 0)
    end
    if p:match("^%s*$") then
      error(string.format("codebook: %s %d of topic '%s' is empty", what, i, topic), 0)
    end
    out[#out + 1] = p
  end
  return out
end

-- Checks a pattern's syntax on the session's corpus (a query error names the topic).
local function check_query(p, topic)
  if type(corpus) ~= "userdata" and type(corpus) ~= "table" then return end
  local ok, err = pcall(function() return corpus:kwic(p, { width = 0, limit = 1 }) end)
  if not ok then
    error(string.format("codebook: pattern '%s' of topic '%s': %s", p, topic, tostring(err):gsub("^.-query:", "query:")), 0)
  end
end

--- A codebook from a table. Accepted shapes:
--   { name = "…", topics = { {name = "Taiwan", patterns = {…}, exclude = {…}, description = "…"}, … } }
--   { {name = "Taiwan", patterns = {…}}, … }                       (a list of topics)
--   { Taiwan = {"Taiwan*", "Taipei"}, trade = {patterns = {…}, exclude = {…}} }   (by name; sorted)
-- Patterns and exclusions are queries (a string or a list). Errors say which topic and pattern
-- is wrong; query syntax is checked against the session's corpus.
function codebook.new(spec)
  if getmetatable(spec) == Book then return spec end
  if type(spec) ~= "table" then error("codebook.new: expected a table of topics, got " .. type(spec), 2) end
  local topics_spec = spec.topics or spec
  local entries = {}
  if #topics_spec > 0 then
    for i, t in ipairs(topics_spec) do
      if type(t) ~= "table" then error(string.format("codebook: topic %d must be a table, got %s", i, type(t)), 0) end
      if type(t.name) ~= "string" or t.name == "" then error(string.format("codebook: topic %d has no name", i), 0) end
      entries[#entries + 1] = t
    end
  else
    local names = {}
    for k in pairs(topics_spec) do
      if k ~= "name" and k ~= "description" then
        if type(k) ~= "string" then error("codebook: topic names must be strings, got " .. type(k), 0) end
        names[#names + 1] = k
      end
    end
    table.sort(names, function(a, b) return key_of(a) < key_of(b) end)
    for _, name in ipairs(names) do
      local t = topics_spec[name]
      if type(t) == "string" or (type(t) == "table" and t.patterns == nil and #t > 0) then
        t = { patterns = t }
      end
      if type(t) ~= "table" then
        error(string.format("codebook: topic '%s' must be a list of patterns or {patterns = …}, got %s", name, type(t)), 0)
      end
      entries[#entries + 1] = { name = name, patterns = t.patterns, exclude = t.exclude, description = t.description }
    end
  end
  if #entries == 0 then error("codebook: no topics", 0) end
  local book = { name = spec.topics and spec.name or "codebook", items = {}, by_key = {} }
  for _, t in ipairs(entries) do
    local key = key_of(t.name)
    if book.by_key[key] then error(string.format("codebook: topic '%s' is defined twice", t.name), 0) end
    local topic = {
      name = t.name,
      description = t.description,
      patterns = strings(t.patterns, "pattern", t.name),
      exclude = strings(t.exclude, "exclusion", t.name),
    }
    if #topic.patterns == 0 then error(string.format("codebook: topic '%s' has no patterns", t.name), 0) end
    for _, p in ipairs(topic.patterns) do check_query(p, t.name) end
    for _, p in ipairs(topic.exclude) do check_query(p, t.name) end
    book.items[#book.items + 1] = topic
    book.by_key[key] = topic
  end
  return setmetatable(book, Book)
end

--- A codebook from a Lua file that returns a codebook table (see `new`). The file runs in an
-- empty environment: it holds data, not code. In the sandbox it must lie under a folder the
-- sandbox reads (the corpus, the script's folder, ./plugins, plugin folders, the output folder).
function codebook.load(file)
  local chunk, err = loadfile(file, "t", {})
  if not chunk then error("codebook.load: " .. tostring(err), 2) end
  local ok, spec = pcall(chunk)
  if not ok then error("codebook.load: " .. file .. ": " .. tostring(spec), 2) end
  if type(spec) ~= "table" then error("codebook.load: " .. file .. " must return a table, got " .. type(spec), 2) end
  return codebook.new(spec)
end

--- The topic named `name` (any case; "human_rights" = "human rights"), or an error listing the
-- topics.
function Book:topic(name)
  local t = self.by_key[key_of(name)]
  if not t then
    local names = {}
    for i, topic in ipairs(self.items) do names[i] = topic.name end
    error(string.format("unknown topic '%s' (topics: %s)", tostring(name), table.concat(names, ", ")), 0)
  end
  return t
end

--- A codebook with only the topics named (a name or a list).
function Book:only(names)
  if type(names) == "string" then names = { names } end
  local out = { name = self.name, items = {}, by_key = {} }
  for _, n in ipairs(names) do
    local t = self:topic(n)
    out.items[#out.items + 1] = t
    out.by_key[key_of(t.name)] = t
  end
  return setmetatable(out, Book)
end

--- The topics as a List: topic, patterns, exclude (joined), description.
function Book:list()
  local rows = {}
  for i, t in ipairs(self.items) do
    rows[i] = { topic = t.name, patterns = table.concat(t.patterns, " "), exclude = table.concat(t.exclude, " "),
                description = t.description or "" }
  end
  return list(rows, { "topic", "description", "patterns", "exclude" })
end

-- The kwic lines of `pattern` in `c` (each knows its doc, its Sentence and the match).
local function matches(c, pattern)
  return c:kwic(pattern, { width = 0 })
end

--- Tags every sentence of `c`: a List of {topic, match, doc, sentence, source, hits}, one row
-- per sentence and topic, in document, sentence and codebook order. `match` is the first
-- matched text as written, `hits` how many pattern matches the topic has in the sentence.
function Book:tag(c)
  if not util.has(c, "docs") then
    error("codebook: tag needs a corpus (codebook.tag(corpus))", 2)
  end
  local doc_order = {}
  for i, doc in ipairs(c:docs()) do doc_order[doc.id] = i end
  local rows = {}
  for topic_index, topic in ipairs(self.items) do
    local excluded = {}
    for _, p in ipairs(topic.exclude) do
      for _, line in ipairs(matches(c, p)) do excluded[line.doc.id .. ":" .. line.sentence.index] = true end
    end
    local found = {}
    for _, p in ipairs(topic.patterns) do
      for _, line in ipairs(matches(c, p)) do
        local key = line.doc.id .. ":" .. line.sentence.index
        if not excluded[key] then
          local row = found[key]
          if row then
            row.hits = row.hits + 1
          else
            row = { topic = topic.name, match = squash(line.match), doc = line.doc, sentence = line.sentence,
                    index = line.sentence.index, source = source_of(line.doc), hits = 1, order = topic_index }
            found[key] = row
            rows[#rows + 1] = row
          end
        end
      end
    end
  end
  table.sort(rows, function(a, b)
    if a.doc.id ~= b.doc.id then return (doc_order[a.doc.id] or 0) < (doc_order[b.doc.id] or 0) end
    if a.index ~= b.index then return a.index < b.index end
    return a.order < b.order
  end)
  for _, r in ipairs(rows) do r.order = nil end
  return list(rows, tag_columns)
end

--- Sentences per topic: topic, sentences, docs, share (of the corpus's documents that have the
-- topic, 0–1), and one column per outlet (short labels; a document without a source is its own
-- outlet) with its tagged sentences. With more than `max_outlets` outlets (default 12), the
-- documents without a source share a "no source" column and named sources beyond the columns
-- are summed in "others"; `by_source` holds every outlet's count by full name. Most tagged
-- first (ties in codebook order).
function Book:topics(c, max_outlets)
  local tags = self:tag(c)
  -- One column per outlet, the outlets with the most tags first (dossier.util.outlet_columns
  -- folds the rest into "no source" and "others" when there are more than `max_outlets`).
  local weight = {}
  for _, tag in ipairs(tags) do weight[tag.source] = (weight[tag.source] or 0) + 1 end
  local column_names, column_of = util.outlet_columns(c, max_outlets or 12, weight)
  local rows, by_topic = {}, {}
  for i, t in ipairs(self.items) do
    rows[i] = { topic = t.name, sentences = 0, docs = 0, share = 0, by_source = {}, doc_set = {}, order = i }
    by_topic[t.name] = rows[i]
  end
  for _, tag in ipairs(tags) do
    local r = by_topic[tag.topic]
    r.sentences = r.sentences + 1
    r.by_source[tag.source] = (r.by_source[tag.source] or 0) + 1
    if not r.doc_set[tag.doc.id] then
      r.doc_set[tag.doc.id] = true
      r.docs = r.docs + 1
    end
  end
  local ndocs = #c
  for _, r in ipairs(rows) do
    r.share = ndocs > 0 and math.floor(r.docs / ndocs * 1000 + 0.5) / 1000 or 0
    for s, n in pairs(r.by_source) do
      local key = column_of(s)
      r[key] = (r[key] or 0) + n
    end
    r.doc_set = nil
  end
  table.sort(rows, function(a, b)
    if a.sentences ~= b.sentences then return a.sentences > b.sentences end
    return a.order < b.order
  end)
  for _, r in ipairs(rows) do r.order = nil end
  local columns = { "topic", "sentences", "docs", "share" }
  for _, name in ipairs(column_names) do columns[#columns + 1] = name end
  return list(rows, columns)
end

--- Topics per document: doc, source, topics (how many different), and one column per topic
-- with the document's tagged sentences.
function Book:docs(c)
  local tags = self:tag(c)
  local rows, by_doc = {}, {}
  for i, doc in ipairs(c:docs()) do
    rows[i] = { doc = doc, source = source_of(doc), topics = 0 }
    by_doc[doc.id] = rows[i]
  end
  for _, tag in ipairs(tags) do
    local r = by_doc[tag.doc.id]
    if r[tag.topic] == nil then r.topics = r.topics + 1 end
    r[tag.topic] = (r[tag.topic] or 0) + 1
  end
  local columns = { "doc", "source", "topics" }
  for _, t in ipairs(self.items) do columns[#columns + 1] = t.name end
  return list(rows, columns)
end

--- The sentences of one topic: topic, source, doc, match, text (the sentence), sentence.
function Book:sentences(c, name)
  local only = self:only(name)
  local rows = {}
  for i, tag in ipairs(only:tag(c)) do
    rows[i] = { topic = tag.topic, source = tag.source, doc = tag.doc, match = tag.match,
                text = squash(tag.sentence and tag.sentence.text or ""), sentence = tag.sentence }
  end
  return list(rows, sentence_columns)
end

function Book:__tostring()
  local names = {}
  for i, t in ipairs(self.items) do names[i] = t.name end
  return string.format("<Codebook %q %d topics: %s>", self.name, #self.items, table.concat(names, ", "))
end

-- ---- The default codebook and the module functions -----------------------------------------

codebook.Book = Book
codebook.default = codebook.load(folder .. "/default.lua")

-- A codebook from what a caller passed: nil (the default), a Codebook, a table (a spec), a
-- topic name or a list of names (those topics of the default codebook), or a path to a file
-- ending in ".lua".
local function book_of(b)
  if b == nil then return codebook.default end
  if getmetatable(b) == Book then return b end
  if type(b) == "string" then
    if b:match("%.lua$") then return codebook.load(b) end
    return codebook.default:only(b)
  end
  if type(b) == "table" then
    if #b > 0 and type(b[1]) == "string" then return codebook.default:only(b) end
    return codebook.new(b)
  end
  error("codebook: expected a codebook, a table of topics, a topic name or a .lua file, got " .. type(b), 3)
end
codebook.book = book_of

--- Tags every sentence of `c` with `book` (default: the default codebook; see `book_of` above
-- for what `book` may be). Returns a List of {topic, match, doc, sentence, source, hits}.
function codebook.tag(c, book) return book_of(book):tag(c) end

--- Sentences, documents and outlets per topic (see Book:topics).
function codebook.topics(c, book, max_outlets) return book_of(book):topics(c, max_outlets) end

--- Topics per document (see Book:docs).
function codebook.docs(c, book) return book_of(book):docs(c) end

--- The sentences of one topic (see Book:sentences).
function codebook.sentences(c, topic, book) return book_of(book):sentences(c, topic) end

--- The topics of a codebook with their patterns (default: the default codebook).
function codebook.list(book) return book_of(book):list() end

-- ---- Extension points -------------------------------------------------------------------------

codebook.commands = {
  codebook = {
    help = "topics per outlet, or one topic's sentences (:codebook [TOPIC])",
    run = function(args)
      if args == nil or args == "" then return codebook.topics(corpus) end
      if args == "list" or args == "--list" then return codebook.list() end
      return codebook.sentences(corpus, args)
    end,
  },
}

codebook.annotators = {
  ["codebook.sentences"] = function(c)
    local out = {}
    for _, tag in ipairs(codebook.tag(c)) do
      local key = tag.doc.id .. ":" .. tag.index
      out[key] = out[key] or {}
      table.insert(out[key], tag.topic)
    end
    return out
  end,
  ["codebook.docs"] = function(c)
    local out = {}
    for _, tag in ipairs(codebook.tag(c)) do
      out[tag.doc.id] = out[tag.doc.id] or {}
      out[tag.doc.id][tag.topic] = (out[tag.doc.id][tag.topic] or 0) + 1
    end
    return out
  end,
}

codebook.report_sections = {
  codebook = function(c)
    local topics = codebook.topics(c)
    local tagged = 0
    for _, t in ipairs(topics) do tagged = tagged + t.sentences end
    return {
      heading = "Topics",
      blocks = {
        string.format("%d tags from the codebook \"%s\" (%d topics); a sentence counts once per topic.",
          tagged, codebook.default.name, #codebook.default.items),
        report.chart.bar(topics, { title = "Sentences per topic", label = "topic", value = "sentences" }),
        report.table(topics),
        report.table(codebook.docs(c)),
      },
    }
  end,
}

return codebook
