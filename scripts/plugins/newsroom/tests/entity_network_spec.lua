-- dossier plugin test newsroom: the entity network, on the seeds.
local net = require("newsroom.entity_network")

-- Sentences whose text holds both strings (an independent count).
local function sentences_with(a, b)
  local n = 0
  for _, doc in ipairs(corpus:docs()) do
    for _, s in ipairs(doc:sentences()) do
      if s.text:find(a, 1, true) and s.text:find(b, 1, true) then n = n + 1 end
    end
  end
  return n
end

describe("entity_network", function()
  it("links Blinken and Qin Gang as often as sentences name both", function()
    local pair = net.pairs(corpus):find(function(p) return p.a == "Antony Blinken" and p.b == "Qin Gang" end)
    assert.truthy(pair, "no Blinken–Qin Gang link")
    assert.equal(sentences_with("Blinken", "Qin"), pair.count)
    assert.truthy(pair.example:find("Qin", 1, true))
  end)

  it("has Qin Gang's neighbours agree with the pairs", function()
    local rows, entity = net.neighbours(corpus, "Qin")
    assert.equal("Qin Gang", entity.name)
    local blinken = rows:find(function(r) return r.name == "Antony Blinken" end)
    assert.truthy(blinken)
    assert.equal(sentences_with("Blinken", "Qin"), blinken.count)
  end)

  it("counts documents with by = document", function()
    local pair = net.pairs(corpus, { by = "document" }):find(function(p) return p.a == "Antony Blinken" and p.b == "Qin Gang" end)
    local both = 0
    for _, doc in ipairs(corpus:docs()) do
      if doc.text:find("Blinken", 1, true) and doc.text:find("Qin", 1, true) then both = both + 1 end
    end
    assert.equal(both, pair.count)
  end)

  it("keeps to the kinds asked for", function()
    for _, p in ipairs(net.pairs(corpus, { kinds = "person" })) do
      assert.equal("person", p.kind_a)
      assert.equal("person", p.kind_b)
    end
    local places = net.pairs(corpus, { kinds = { "place" } })
    assert.truthy(places:find(function(p) return p.a == "China" or p.b == "China" end))
  end)

  it("rejects an unknown kind and an unknown entity", function()
    assert.error(function() net.pairs(corpus, { kinds = "people" }) end, "unknown entity kind 'people'")
    assert.error(function() net.neighbours(corpus, "Nobody Atall") end, "no entity named")
  end)

  it("sums each entity's links", function()
    local pairs_list = net.pairs(corpus)
    local nodes = net.nodes(corpus)
    local links = 0
    for _, n in ipairs(nodes) do links = links + n.links end
    assert.equal(2 * #pairs_list, links)
  end)

  it("draws a network chart", function()
    local chart = net.chart(corpus)
    assert.equal("Who appears with whom", chart.title)
    assert.truthy(chart:svg():find("Qin Gang", 1, true))
  end)
end)
