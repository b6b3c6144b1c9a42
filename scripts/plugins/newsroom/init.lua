--- newsroom: the analyses behind the bundled scripts, as a library.
--
--   local newsroom = require("newsroom")
--   newsroom.who_said_what.speakers(corpus)          -- or require("newsroom.who_said_what")
--   newsroom.timeline.events(corpus, {from = "2023-06"})
--   newsroom.source_compare.claims(corpus, {min = 3})
--   newsroom.entity_network.pairs(corpus)
--
-- REPL commands (dossier --plugin newsroom): :who [NAME], :when [FROM [TO]], :outlets [WORDS],
-- :network [NAME]; each takes the options of its script (`:who Blinken --full`).
-- Report sections: quotes, timeline, outlets, network (dossier.report_sections()).
local util = require("newsroom.util")

local newsroom = { version = "1.0.0", util = util }

local tools = { "who_said_what", "timeline", "source_compare", "entity_network" }
for _, name in ipairs(tools) do newsroom[name] = require("newsroom." .. name) end

local function command(tool, help)
  return {
    help = help,
    run = function(args)
      tool.main(table.unpack(util.split(args)))
    end,
  }
end

newsroom.commands = {
  who = command(newsroom.who_said_what, "quotations per speaker, or one speaker's words (:who [NAME…] [--full])"),
  when = command(newsroom.timeline, "the timeline of dates the articles mention (:when [FROM [TO]] [--all])"),
  outlets = command(newsroom.source_compare, "claims across outlets and conflicts (:outlets [WORDS] [--min=N])"),
  network = command(newsroom.entity_network, "who appears with whom (:network [NAME] [--by=document])"),
}

local function section(tool)
  return function(c)
    local sections = tool.sections(c, {})
    local blocks = {}
    for _, s in ipairs(sections) do
      if #sections > 1 then blocks[#blocks + 1] = s.heading .. ":" end
      for _, b in ipairs(s.blocks) do blocks[#blocks + 1] = b end
    end
    return { heading = sections[1].heading, blocks = blocks }
  end
end

newsroom.report_sections = {
  quotes = section(newsroom.who_said_what),
  timeline = section(newsroom.timeline),
  outlets = section(newsroom.source_compare),
  network = section(newsroom.entity_network),
}

return newsroom
