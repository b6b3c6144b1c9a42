-- dossier plugin test newsroom: the shared helpers.
local util = require("newsroom.util")

describe("newsroom.util", function()
  it("is dossier.util, which other plugins share, with the report files added", function()
    assert.equal(dossier.util.clip, util.clip)
    assert.equal(dossier.util.outlet_columns, util.outlet_columns)
    assert.equal("function", type(util.write_reports))
    assert.is_nil(rawget(dossier.util, "write_reports"))
  end)

  it("clips without cutting a UTF-8 character", function()
    local clipped = util.clip("Blinken’s visit", 9)   -- the ’ takes bytes 8 to 10
    assert.equal("Blinken…", clipped)
    assert.truthy(utf8.len(clipped))
    assert.equal("short", util.clip("short", 10))
  end)

  it("squashes line breaks and no-break spaces", function()
    assert.equal("a b c", util.squash("  a\194\160\n b\t\tc \r\n"))
    assert.equal("", util.squash(nil))
  end)

  it("shows a span inside its text", function()
    local text = "Fears were allayed by a meeting in Bali last November, but since then the dispute went on."
    local from = text:find("last November", 1, true)
    local shown = util.around(text, from, from + #"last November" - 1, 20)
    assert.truthy(shown:find("[last November]", 1, true), shown)
    assert.truthy(shown:find("^…"), shown)
    assert.truthy(shown:find("…$"), shown)
    assert.equal("[Bali]", util.around("Bali", 1, 4, 10))
  end)

  it("wraps text at word boundaries with an indent", function()
    local wrapped = util.wrap(string.rep("word ", 30), 40, "  ")
    for line in wrapped:gmatch("[^\n]+") do
      assert.truthy(#line <= 40, line)
      assert.truthy(line:find("^  word"), line)
    end
  end)

  it("labels documents without an outlet by their id's first part", function()
    assert.equal("002", util.label("002_b0ccbc8c9a36bb37"))
    assert.equal("The Guardian", util.label("The Guardian"))
  end)

  it("joins long lists with a count of the rest", function()
    assert.equal("a, b", util.join({ "a", "b" }))
    assert.equal("a, b and 2 more", util.join({ "a", "b", "c", "d" }, 2))
  end)

  it("reads command-line arguments", function()
    local spec = { usage = "x [NAME]", options = { top = "number", html = "file", full = "flag", by = "string" } }
    local opts = util.parse_args({ "Ward", "--top", "5", "--html", "--full", "--by=document", "--", "--odd" }, spec)
    assert.same({ "Ward", "--odd" }, opts.args)
    assert.equal(5, opts.top)
    assert.is_true(opts.html)
    assert.is_true(opts.full)
    assert.equal("document", opts.by)
    assert.equal("a.html", util.parse_args({ "--html=a.html" }, spec).html)
    assert.is_true(util.parse_args({ "-h" }, spec).help)
    assert.error(function() util.parse_args({ "--top=many" }, spec) end, "--top needs a whole number")
    assert.error(function() util.parse_args({ "--top" }, spec) end, "--top needs a value")
    assert.error(function() util.parse_args({ "--full=yes" }, spec) end, "--full takes no value")
    assert.error(function() util.parse_args({ "--nope" }, spec) end, "usage: x [NAME]")
  end)

  it("splits a REPL command line, keeping quoted words together", function()
    assert.same({ "Qin Gang", "--by=document" }, util.split('"Qin Gang" --by=document'))
    assert.same({}, util.split("   "))
  end)

  it("gives outlets columns, and one 'no source' column when there are too many", function()
    local columns, column_of = util.outlet_columns(corpus)
    assert.equal(5, #columns)
    assert.equal("002", column_of("002_b0ccbc8c9a36bb37"))
    columns, column_of = util.outlet_columns(corpus, 3)
    -- One document each: named sources first, by name; two fit beside "no source".
    assert.same({ "Al-Jazeera", "NewsTrack", "no source", "others" }, columns)
    assert.equal("no source", column_of("003_1610ba6e19cec07c"))
    assert.equal("others", column_of("The Guardian"))
    assert.equal("NewsTrack", column_of("NewsTrack"))
  end)
end)
