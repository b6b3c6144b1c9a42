-- dossier plugin test newsroom: the timeline, on the seeds.
local tl = require("newsroom.timeline")

local function find(list, f)
  for _, x in ipairs(list) do if f(x) then return x end end
end

describe("timeline", function()
  it("has the November 2022 meeting in Bali, from several outlets", function()
    local events = tl.events(corpus)
    local nov = find(events, function(e) return e.date == "2022-11" end)
    assert.truthy(nov, "no 2022-11 event")
    assert.equal("month", nov.precision)
    assert.truthy(nov.docs >= 3, "docs: " .. nov.docs)
    assert.truthy(nov.said:find("last November", 1, true), nov.said)
    assert.truthy(nov.said:find("November 2022", 1, true), nov.said)
    local bali = false
    for _, c in ipairs(nov.contexts) do if c:find("Bali", 1, true) then bali = true end end
    assert.is_true(bali, "no context names Bali")
    assert.truthy(nov.about:find("Bali", 1, true) or nov.about:find("G20", 1, true), nov.about)
  end)

  it("keeps ranges as ranges", function()
    local events = tl.events(corpus)
    local range = find(events, function(e) return e.date == "2023-06-18/2023-06-19" end)
    assert.truthy(range)
    assert.equal("2023-06-18", range.start)
    assert.equal("2023-06-19", range.stop)
    assert.equal("range", range.precision)
    assert.truthy(range.said:find("June 18–19", 1, true), range.said)
    assert.truthy(range.said:find("18-19 June", 1, true), range.said)
  end)

  it("lists every resolved mention of corpus:timeline(), in date order", function()
    local expected = 0
    for _, m in ipairs(corpus:timeline()) do if m.date then expected = expected + 1 end end
    local mentions = tl.mentions(corpus)
    assert.equal(expected, #mentions)
    for i = 2, #mentions do assert.truthy(mentions[i - 1].first <= mentions[i].first) end
    assert.equal(expected, tl.events(corpus):sum("mentions"))
  end)

  it("shows each date inside its sentence", function()
    for _, m in ipairs(tl.mentions(corpus)) do
      assert.truthy(m.context:find("[" .. m.said .. "]", 1, true), m.context)
    end
  end)

  it("keeps the events that overlap a period", function()
    local june = tl.events(corpus, { from = "2023-06", to = "2023-06" })
    assert.truthy(#june > 0)
    for _, e in ipairs(june) do
      assert.truthy(e.first <= "2023-06-31" and e.last >= "2023-06-01", e.date)
    end
    assert.truthy(find(june, function(e) return e.date == "2023-06-05/2023-06-11" end))
    assert.falsy(find(june, function(e) return e.date == "2023-02" end))
    -- "later in the year" (2023) holds all of June: not a June event.
    assert.falsy(find(june, function(e) return e.date == "2023" end))
    assert.truthy(find(tl.events(corpus), function(e) return e.date == "2023" end))
  end)

  it("says which outlet mentions which date", function()
    local rows = tl.by_source(corpus)
    local feb = find(rows, function(r) return r.date == "2023-02" end)
    for _, outlet in ipairs({ "Al-Jazeera", "NewsTrack", "The Guardian", "002", "003" }) do
      assert.equal(1, feb[outlet], outlet)
    end
  end)

  it("picks the events the most documents mention, in date order", function()
    local events = tl.events(corpus)
    local top = tl.top(events, 2)
    assert.equal(2, #top)
    assert.equal("2022-11", top[1].date)
    assert.equal("2023-02", top[2].date)
    local fewest = math.min(top[1].docs, top[2].docs)
    for _, e in ipairs(events) do
      if e.date ~= "2022-11" and e.date ~= "2023-02" then assert.truthy(e.docs <= fewest, e.date) end
    end
    assert.equal(#events, #tl.top(events, nil))
  end)

  it("reads ISO spans", function()
    assert.same({ "2022-11-01", "2022-11-31", "2022-11" }, { tl.span("2022-11") })
    assert.same({ "2023-06-18", "2023-06-19", "2023-06-18", "2023-06-19" }, { tl.span("2023-06-18/2023-06-19") })
    assert.same({ "2024-01-01", "2024-12-31", "2024" }, { tl.span("2024") })
  end)

  it("rejects an argument that is not a date", function()
    assert.error(function() tl.main("June") end, "'June' is not a date")
  end)
end)
