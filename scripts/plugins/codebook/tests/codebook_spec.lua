-- dossier plugin test codebook: the default codebook and your own, on the seeds.
local codebook = require("codebook")

-- The sentences whose text contains `word` (case-insensitive), as a set of "id:index" keys:
-- an independent count by plain string search.
local function sentences_saying(word, c)
  local set, n = {}, 0
  for _, doc in ipairs((c or corpus):docs()) do
    for _, s in ipairs(doc:sentences()) do
      if s.text:lower():find(word, 1, true) then
        set[doc.id .. ":" .. s.index] = true
        n = n + 1
      end
    end
  end
  return set, n
end

local function tagged(tags, topic)
  local set, n = {}, 0
  for _, t in ipairs(tags) do
    if t.topic == topic then
      set[t.doc.id .. ":" .. t.sentence.index] = true
      n = n + 1
    end
  end
  return set, n
end

describe("codebook", function()
  it("has the seven default topics", function()
    local names = {}
    for _, row in ipairs(codebook.list()) do names[#names + 1] = row.topic end
    assert.same({ "Taiwan", "trade", "chips", "fentanyl", "human rights", "military talks", "climate" }, names)
  end)

  it("tags exactly the sentences that mention Taiwan", function()
    local expected, n = sentences_saying("taiwan")
    local got, m = tagged(codebook.tag(corpus), "Taiwan")
    assert.equal(10, n)
    assert.equal(n, m)
    assert.same(expected, got)
  end)

  it("tags exactly the fentanyl sentences, in documents 000 and 002", function()
    local expected = sentences_saying("fentanyl")
    local tags = codebook.tag(corpus, "fentanyl")
    local got = tagged(tags, "fentanyl")
    assert.same(expected, got)
    for _, t in ipairs(tags) do assert.truthy(t.doc.id:find("^00[02]"), t.doc.id) end
  end)

  it("reports a match that is in its sentence", function()
    for _, t in ipairs(codebook.tag(corpus)) do
      assert.truthy(t.sentence.text:lower():find(t.match:lower(), 1, true), t.match .. " not in " .. t.sentence.text)
      assert.truthy(t.hits >= 1)
    end
  end)

  it("tags military-to-military talks and crisis channels", function()
    local rows = codebook.sentences(corpus, "military_talks")
    local set = {}
    for _, r in ipairs(rows) do set[r.match:lower()] = true end
    assert.truthy(set["military-to-military"])
    assert.truthy(set["crisis communication"])
    assert.equal(3, #rows)
  end)

  it("counts topics per outlet", function()
    local topics = codebook.topics(corpus)
    local taiwan = topics:find(function(r) return r.topic == "Taiwan" end)
    assert.equal(10, taiwan.sentences)
    assert.equal(5, taiwan.docs)
    -- Per outlet, against the plain string search.
    for _, doc in ipairs(corpus:docs()) do
      local _, n = sentences_saying("taiwan", corpus:filter(function(d) return d.id == doc.id end))
      assert.equal(n, taiwan.by_source[doc.source or doc.id], doc.id)
    end
    assert.equal(3, taiwan["Al-Jazeera"])
    for i = 2, #topics do assert.truthy(topics[i - 1].sentences >= topics[i].sentences) end
  end)

  it("sums the outlets beyond the first few in 'others'", function()
    local topics = codebook.topics(corpus, nil, 2)
    local columns = getmetatable(topics).__columns
    assert.equal("others", columns[#columns])
    assert.equal(7, #columns)
    for _, r in ipairs(topics) do
      local sum = 0
      for i = 5, #columns do sum = sum + (r[columns[i]] or 0) end
      assert.equal(r.sentences, sum, r.topic)
    end
  end)

  it("labels and folds outlets as the other plugins do (dossier.util)", function()
    local topics = codebook.topics(corpus, nil, 2)
    local weight = {}
    for _, t in ipairs(codebook.tag(corpus)) do weight[t.source] = (weight[t.source] or 0) + 1 end
    local expected = dossier.util.outlet_columns(corpus, 2, weight)
    local columns = getmetatable(topics).__columns
    assert.same(expected, { table.unpack(columns, 5) })
    assert.equal("002", dossier.util.label("002_b0ccbc8c9a36bb37"))
  end)

  it("counts topics per document", function()
    local docs = codebook.docs(corpus)
    assert.equal(#corpus, #docs)
    local guardian = docs:find(function(r) return r.source == "The Guardian" end)
    assert.equal(2, guardian.Taiwan)
    assert.is_nil(guardian.fentanyl)
  end)

  it("works on a sub-corpus", function()
    local sub = corpus:filter({ source = "The Guardian" })
    for _, t in ipairs(codebook.tag(sub)) do assert.equal("004_80314923cb317ff3", t.doc.id) end
    assert.truthy(#codebook.tag(sub) > 0)
  end)

  describe("your own codebook", function()
    it("takes topics by name, patterns and exclusions", function()
      local book = codebook.new({
        balloon = { '"spy balloon"' },
        climate = { patterns = { "climate" }, exclude = { '"levels of mistrust"' } },
      })
      local tags = book:tag(corpus)
      local balloon = tagged(tags, "balloon")
      local expected = sentences_saying("spy balloon")
      assert.same(expected, balloon)
      -- The Guardian's climate sentence is about mistrust, so it is excluded; 003's stays.
      local climate = tags:filter(function(t) return t.topic == "climate" end)
      assert.equal(1, #climate)
      assert.equal("003_1610ba6e19cec07c", climate[1].doc.id)
    end)

    it("takes a list of topics and keeps their order", function()
      local book = codebook.new({ name = "mine", topics = {
        { name = "visit", patterns = { "visit*" } },
        { name = "Xi", patterns = { "Xi" } },
      } })
      assert.equal("mine", book.name)
      local rows = book:list()
      assert.equal("visit", rows[1].topic)
      assert.equal("Xi", rows[2].topic)
      local topics = codebook.topics(corpus, book)
      assert.equal(2, #topics)
    end)

    it("loads a codebook file", function()
      local path = report.write("codebook_test_book.lua",
        'return { topics = { { name = "energy", patterns = { "heatwave", "climate" } } } }')
      local book = codebook.load(path)
      os.remove(path)
      local tags = book:tag(corpus)
      assert.equal(3, #tags)
      assert.equal("energy", tags[1].topic)
      assert.equal(3, #codebook.tag(corpus, book))
    end)

    it("explains what is wrong with a codebook", function()
      assert.error(function() codebook.new({ empty = {} }) end, "topic 'empty' has no patterns")
      assert.error(function() codebook.new({ bad = { 42 } }) end, "pattern 1 of topic 'bad' must be a string")
      assert.error(function() codebook.new({ broken = { '"spy balloon' } }) end, "pattern '\"spy balloon' of topic 'broken'")
      assert.error(function() codebook.new({ { name = "a", patterns = "x" }, { name = "A", patterns = "y" } }) end, "defined twice")
      assert.error(function() codebook.new("Taiwan") end, "expected a table")
    end)

    it("refuses a codebook file that is code, not data", function()
      local path = report.write("codebook_test_code.lua", 'return { topics = { { name = "x", patterns = { os.getenv("HOME") } } } }')
      local ok, err = pcall(codebook.load, path)
      os.remove(path)
      assert.is_false(ok)
      assert.truthy(tostring(err):find("codebook.load", 1, true), err)
      assert.truthy(tostring(err):find("os", 1, true), err)
    end)
  end)

  it("rejects an unknown topic, naming the topics", function()
    assert.error(function() codebook.tag(corpus, "nope") end, "unknown topic 'nope' (topics: Taiwan, trade")
  end)

  it("annotates sentences and documents", function()
    local by_sentence = dossier.annotation("codebook.sentences")
    local by_doc = dossier.annotation("codebook.docs")
    assert.truthy(by_sentence and by_doc)
    for _, t in ipairs(codebook.tag(corpus)) do
      local topics = by_sentence[t.doc.id .. ":" .. t.sentence.index]
      local has = false
      for _, name in ipairs(topics) do if name == t.topic then has = true end end
      assert.is_true(has, t.doc.id .. ":" .. t.sentence.index)
    end
    assert.equal(2, by_doc["004_80314923cb317ff3"].Taiwan)
  end)

  it("answers the :codebook command", function()
    local run = codebook.commands.codebook.run
    assert.equal(7, #run(""))
    local rows = run("fentanyl")
    assert.equal(3, #rows)
    for _, r in ipairs(rows) do assert.truthy(r.text:lower():find("fentanyl", 1, true)) end
    assert.error(function() run("nope") end, "unknown topic")
  end)

  it("offers a report section", function()
    local section = codebook.report_sections.codebook(corpus)
    assert.equal("Topics", section.heading)
    assert.truthy(tostring(section.blocks[1]):find("33 tags", 1, true), section.blocks[1])
    assert.truthy(report.html({ title = "t", sections = { section } }):find("Sentences per topic", 1, true))
  end)
end)
