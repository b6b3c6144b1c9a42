-- Run with: dossier plugin test hello
local hello = require("hello")

describe("hello", function()
  it("greets by name", function()
    assert.equal("Hello, Ann!", hello.greet("Ann"))
  end)

  it("greets the world when no name is given", function()
    assert.equal("Hello, world!", hello.greet())
    assert.equal("Hello, world!", hello.greet(""))
  end)

  describe("on the corpus", function()
    local docs
    before_each(function()
      docs = corpus:docs()
    end)

    it("finds the longest document", function()
      local longest = hello.longest(corpus)
      assert.truthy(longest)
      for _, doc in ipairs(docs) do
        assert.truthy(doc.words <= longest.words, doc.id .. " is longer")
      end
    end)

    it("annotates word counts by document id", function()
      local words = dossier.annotation("hello.words")
      assert.truthy(words)
      for _, doc in ipairs(docs) do
        assert.equal(doc.words, words[doc.id])
      end
    end)

    it("offers a report section", function()
      local section = hello.report_sections.hello(corpus)
      assert.equal("Hello", section.heading)
      assert.same({ "This corpus has " .. #docs .. " documents." }, { section.blocks[1] })
    end)
  end)

  it("needs a corpus to find the longest document", function()
    assert.has_error(function() hello.longest(nil) end)
  end)
end)
