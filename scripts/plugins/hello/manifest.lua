-- The manifest says what the plugin is. dossier reads it in an empty sandbox before loading
-- anything else, so keep it a plain table.
return {
  name = "hello",
  version = "1.0.0",
  description = "A small example plugin: greetings, a REPL command, an annotator and a report section",
  author = "dossier maintainers",
  license = "MIT",
  dossier = ">=0.1",
  requires = {},
}
