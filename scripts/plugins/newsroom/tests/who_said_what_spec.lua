-- dossier plugin test newsroom: who said what, on the seeds.
local who = require("newsroom.who_said_what")

-- Runs fn with print collecting its lines; returns them as one string.
local function capture(fn)
  local lines, saved = {}, _G.print
  _G.print = function(...)
    local parts = {}
    for i = 1, select("#", ...) do parts[i] = tostring(select(i, ...)) end
    lines[#lines + 1] = table.concat(parts, "\t")
  end
  local ok, err = pcall(fn)
  _G.print = saved
  if not ok then error(err, 0) end
  return table.concat(lines, "\n")
end

describe("who_said_what", function()
  it("attributes Jonathan Ward's quotes to him, with his role", function()
    local rows = who.quotes(corpus, { speaker = "Ward" })
    assert.equal(3, #rows)
    local found = false
    for _, r in ipairs(rows) do
      assert.equal("Jonathan Ward", r.speaker)
      assert.is_true(r.resolved)
      assert.truthy(r.role and r.role:find("Decisive Decade", 1, true), "role: " .. tostring(r.role))
      assert.equal("The Guardian", r.source)
      if r.quote:find("any particular meeting is going to change the structural problem", 1, true) then found = true end
    end
    assert.is_true(found, "Ward's quote on the structural problem is missing")
  end)

  it("gives the full text of a quote, not a clipped one", function()
    local rows = who.quotes(corpus, { speaker = "Ward" })
    local long
    for _, r in ipairs(rows) do if r.quote:find("^The broader picture") then long = r.quote end end
    assert.truthy(long)
    assert.truthy(long:find("woken up to this very recently.", 1, true), long)
  end)

  it("counts quotations per speaker, most quoted first", function()
    local speakers = who.speakers(corpus)
    local quotes = who.quotes(corpus)
    assert.equal(#quotes, speakers:sum("quotes"))
    assert.equal("Joe Biden", speakers[1].speaker)
    for i = 2, #speakers do
      local a, b = speakers[i - 1], speakers[i]
      if a.resolved == b.resolved then assert.truthy(a.quotes >= b.quotes, a.speaker .. " before " .. b.speaker) end
    end
    local ward = speakers:find(function(s) return s.speaker == "Jonathan Ward" end)
    assert.equal(3, ward.quotes)
    assert.equal(2, ward.full)
    assert.equal(1, ward.partial)
    assert.equal("The Guardian", ward.sources)
  end)

  it("groups descriptions written differently ('The US officials', 'US officials')", function()
    local speakers = who.speakers(corpus)
    local n = 0
    for _, s in ipairs(speakers) do
      if s.speaker:lower():gsub("^the ", "") == "us officials" then
        n = n + 1
        assert.equal(2, s.quotes)
        assert.is_false(s.resolved)
      end
    end
    assert.equal(1, n)
  end)

  it("keeps full quotations only when asked", function()
    local all, full = who.quotes(corpus), who.quotes(corpus, { full = true })
    assert.truthy(#full < #all)
    for _, r in ipairs(full) do assert.equal("full", r.kind) end
  end)

  it("leaves scare quotes out unless asked", function()
    for _, r in ipairs(who.quotes(corpus)) do assert.are_not.equal("scare", r.kind) end
    local with_scare = who.quotes(corpus, { all = true })
    local scare = 0
    for _, q in ipairs(corpus:quotes()) do if q.kind == "scare" then scare = scare + 1 end end
    assert.truthy(scare > 0, "the seeds have a scare quote (a “spy” balloon)")
    assert.equal(#who.quotes(corpus) + scare, #with_scare)
  end)

  it("filters by outlet", function()
    local rows = who.quotes(corpus, { source = "the guardian" })
    assert.truthy(#rows > 0)
    for _, r in ipairs(rows) do assert.equal("004_80314923cb317ff3", r.doc.id) end
  end)

  it("counts quotations per outlet", function()
    local by = who.by_source(corpus)
    assert.equal(#who.quotes(corpus), by:sum("quotes"))
    local guardian = by:find(function(r) return r.source == "The Guardian" end)
    assert.truthy(guardian.most_quoted:find("Jonathan Ward 3", 1, true), guardian.most_quoted)
  end)

  it("prints one speaker's quotations in full", function()
    local out = capture(function() who.run(corpus, { args = { "Blinken" } }) end)
    assert.truthy(out:find("Antony Blinken — Secretary of State", 1, true), out)
    assert.truthy(out:find("Intense competition requires continued diplomacy", 1, true), out)
  end)

  it("says when someone is mentioned but never quoted", function()
    local out = capture(function() who.run(corpus, { args = { "Xi" } }) end)
    assert.truthy(out:find("Xi Jinping is mentioned 15 times", 1, true), out)
  end)

  it("rejects an unknown option with the usage", function()
    assert.error(function() who.main("--nope") end, "usage: dossier run scripts/who_said_what.lua")
  end)
end)
