-- dossier plugin test newsroom: outlets compared, on the seeds.
local sc = require("newsroom.source_compare")

describe("source_compare", function()
  it("finds the spy balloon claim in at least three outlets", function()
    local claims = sc.claims(corpus, { query = "spy balloon" })
    local best
    for _, claim in ipairs(claims) do
      local outlets = {}
      for _, v in ipairs(claim.versions) do
        if v.text:lower():find("spy balloon", 1, true) then outlets[v.source] = true end
      end
      local n = 0
      for _ in pairs(outlets) do n = n + 1 end
      -- Claims come ranked by outlets: the first such claim is the widest.
      if n >= 3 and not best then best = claim end
    end
    assert.truthy(best, "no claim in which three outlets mention the spy balloon")
    assert.truthy(best.outlets >= 3)
    assert.truthy(best.claim:lower():find("postponed", 1, true) or best.claim:lower():find("delayed", 1, true), best.claim)
  end)

  it("ranks claims by outlets and keeps the rank under a query", function()
    local all = sc.claims(corpus)
    for i = 2, #all do assert.truthy(all[i - 1].outlets >= all[i].outlets) end
    for _, claim in ipairs(sc.claims(corpus, { query = "balloon" })) do
      assert.equal(claim.claim, all[claim.n].claim)
    end
  end)

  it("keeps claims of at least min outlets", function()
    local three = sc.claims(corpus, { min = 3 })
    assert.truthy(#three > 0)
    for _, claim in ipairs(three) do assert.truthy(claim.outlets >= 3) end
    assert.truthy(#three < #sc.claims(corpus))
  end)

  it("marks each claim's outlets in the matrix", function()
    local matrix = sc.matrix(corpus)
    local columns = getmetatable(matrix).__columns
    assert.equal("n", columns[1])
    assert.equal("claim", columns[#columns])
    for _, row in ipairs(matrix) do
      local marks = 0
      for i = 3, #columns - 1 do if row[columns[i]] == "x" then marks = marks + 1 end end
      assert.equal(row.outlets, marks, row.claim)
    end
  end)

  it("finds the Tuesday / Wednesday disagreement on Qin Gang's call", function()
    local conflicts = sc.conflicts(corpus)
    assert.equal(1, #conflicts)
    local x = conflicts[1]
    assert.equal("weekday", x.key)
    assert.truthy(x.values:find("Tuesday", 1, true) and x.values:find("Wednesday", 1, true), x.values)
    assert.equal("NewsTrack, The Guardian", x.sources)
    assert.truthy(x.claim:find("Qin Gang", 1, true))
  end)

  it("adds hedged differences when asked", function()
    local hedged = sc.conflicts(corpus, { hedges = true })
    local soft = 0
    for _, x in ipairs(hedged) do if not x.certain then soft = soft + 1 end end
    assert.truthy(soft >= 1)
    assert.equal(#sc.conflicts(corpus) + soft, #hedged)
  end)

  it("splits each outlet's sentences into shared and its own", function()
    local outlets = sc.outlets(corpus, { terms = 3 })
    local total = 0
    for _, doc in ipairs(corpus:docs()) do total = total + #doc:sentences() end
    assert.equal(total, outlets:sum("sentences"))
    for _, o in ipairs(outlets) do
      assert.equal(o.sentences, o.in_claims + o.alone, o.source)
      assert.truthy(o.terms ~= "", o.source .. " has no key terms")
    end
    local guardian = outlets:find(function(o) return o.source == "The Guardian" end)
    assert.equal(1, guardian.conflicts)
  end)
end)
