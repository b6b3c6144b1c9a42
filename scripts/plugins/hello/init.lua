--- hello: the example plugin that docs/plugins.md walks through.
--
--   local hello = require("hello")
--   hello.greet("Ann")                --> "Hello, Ann!"
--   hello.longest(corpus)             --> the Document with the most words
--   dossier.annotation("hello.words") --> { [doc id] = words, … } (filled when hello loads)
--   :hello Ann                        -- in the REPL, once hello is loaded
local hello = {}

--- A greeting for `name` (default "world").
function hello.greet(name)
  if name == nil or name == "" then name = "world" end
  return "Hello, " .. tostring(name) .. "!"
end

--- The document of `c` with the most words (the first of equals), or nil for an empty corpus.
function hello.longest(c)
  local best
  for _, doc in ipairs(c:docs()) do
    if best == nil or doc.words > best.words then best = doc end
  end
  return best
end

-- REPL commands: `:hello [name]` greets and says what the corpus holds.
hello.commands = {
  hello = {
    help = "greet someone and count the documents (:hello Ann)",
    run = function(args)
      return hello.greet(args) .. " The corpus has " .. #corpus .. " documents."
    end,
  },
}

-- Annotators run on the session's corpus when the plugin loads (and on corpora opened later
-- with dossier.open). What they return is kept: dossier.annotation("hello.words").
hello.annotators = {
  ["hello.words"] = function(c)
    local words = {}
    for _, doc in ipairs(c:docs()) do words[doc.id] = doc.words end
    return words
  end,
}

-- Report sections, for the report module: dossier.report_sections().
hello.report_sections = {
  hello = function(c)
    local longest = hello.longest(c)
    return {
      heading = "Hello",
      blocks = {
        "This corpus has " .. #c .. " documents.",
        longest and ("The longest is " .. longest.id .. " (" .. longest.words .. " words).") or "It is empty.",
      },
    }
  end,
}

return hello
