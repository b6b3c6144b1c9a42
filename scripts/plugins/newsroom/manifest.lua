-- The newsroom library: the analyses behind the bundled scripts (scripts/who_said_what.lua,
-- timeline.lua, source_compare.lua, entity_network.lua), as functions that return Lists.
return {
  name = "newsroom",
  version = "1.0.0",
  description = "Who said what, timeline, outlets compared, entity network: the bundled analyses",
  author = "dossier maintainers",
  license = "MIT",
  dossier = ">=0.1",
  requires = {},
}
